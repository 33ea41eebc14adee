/**
 * Reads Factmark's own W3C Web Annotation JSON-LD (annotations.ts) back: the
 * document and its claims with their verdicts, notes, sources and tags. The
 * file is untrusted: its shape is checked here, and the main side re-anchors
 * every claim in the text, so a hand-edited file cannot place a claim
 * outside it. Positions in the file count code points; they come back as
 * UTF-16 offsets, as Factmark stores them.
 */
import { z } from 'zod'
import { languageTag, MAX_BLOCK_DEPTH, type Block, type BlockLanguage, type Inline } from '../article'
import { normaliseArticle } from '../normalise'
import { FactmarkError } from '../errors'
import { checkField, describeIssue, fields } from '../fields'
import type { DocumentMetadata, Publication, Stance } from '../model'
import type { TextPositionSelector, TextQuoteSelector } from '../selector'
import { isStatus, statusStyles, statuses, type Status } from '../status'
import { offsetConverter } from './codepoints'

export interface ImportedNote {
  author: string
  body: string
  public: boolean
  createdAt: string | null
  updatedAt: string | null
}

export interface ImportedSource {
  url: string
  title: string | null
  excerpt: string | null
  stance: Stance
  accessedAt: string | null
  createdAt: string | null
}

export interface ImportedClaim {
  quote: TextQuoteSelector
  /** Where the file says the claim is, in UTF-16 offsets of the text: a hint for re-anchoring. */
  position: TextPositionSelector | null
  status: Status
  claimant: string | null
  tags: string[]
  rationale: string
  createdBy: string | null
  /** The media type of the article the file was made from (the target's format), when it says. */
  format: string | null
  createdAt: string | null
  updatedAt: string | null
  notes: ImportedNote[]
  sources: ImportedSource[]
}

export interface ImportedDocument extends DocumentMetadata, Publication {
  content: Block[]
  /** The canonical text of `content`. */
  text: string
}

/** Limits and rules come from the one validation path (fields.ts): a file can store nothing the API would refuse. */
const optional = <S extends z.ZodType>(schema: S) => schema.nullish().transform((value) => value ?? null)

const documentSchema = z.object({
  title: fields.title,
  sourceUrl: optional(fields.documentAddress),
  publisher: optional(fields.publisher),
  author: optional(fields.author),
  publishedAt: optional(fields.publishedAt),
  language: optional(fields.language),
  conclusion: fields.conclusion.nullish().transform((value) => value ?? ''),
  publicationUrl: optional(fields.publicationUrl),
  publicationDate: optional(fields.publicationDate),
  text: z.string(),
  content: z.array(z.unknown()).min(1, { message: 'the document has no content' })
})

/** A body's own fields; its `value` is checked by its purpose (a note, a tag…) when it is read. */
const bodySchema = z.object({
  type: z.string().optional(),
  purpose: z.string().optional(),
  value: z.string().optional(),
  verdict: z.string().optional(),
  public: fields.notePublic.optional(),
  creator: z.object({ name: fields.person.optional() }).optional(),
  created: fields.timestamp.optional(),
  modified: fields.timestamp.optional(),
  source: z.string().optional(),
  stance: fields.stance.optional(),
  title: fields.sourceTitle.optional(),
  excerpt: fields.excerpt.optional(),
  accessed: fields.accessedAt.optional()
})

const selectorSchema = z.object({
  type: z.string(),
  exact: z.string().optional(),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional()
})

const annotationSchema = z.object({
  type: z.literal('Annotation', { message: 'each item must be an Annotation' }),
  created: fields.timestamp.optional(),
  modified: fields.timestamp.optional(),
  claimant: fields.claimant.nullish(),
  creator: z.object({ name: fields.person.optional() }).optional(),
  body: z.array(bodySchema).default([]),
  target: z.object({ format: z.string().max(200).optional(), selector: z.union([selectorSchema, z.array(selectorSchema)]) })
})

const collectionSchema = z.object({
  type: z.literal('AnnotationCollection', { message: 'the file must hold an AnnotationCollection' }),
  document: documentSchema,
  first: z.object({ items: z.array(annotationSchema) })
})

/** A Factmark export as read: its document and its claims, not yet in any library. */
export interface AnnotationFile {
  document: ImportedDocument
  claims: ImportedClaim[]
}

export function readAnnotations(json: string, what = 'The file'): AnnotationFile {
  const refuse = (problem: string): never => {
    throw new FactmarkError('invalid_input', `${what} is not a Factmark Web Annotation export: ${problem.replace(/\.$/, '')}.`)
  }
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch (error) {
    return refuse(`it is not valid JSON (${(error as Error).message})`)
  }
  const parsed = collectionSchema.safeParse(raw)
  if (!parsed.success) return refuse(describeIssue(parsed.error))
  /** A value checked by its field's schema, refused with its place in the file. */
  const field = <S extends z.ZodType>(schema: S, value: unknown, path: PropertyKey[]): z.output<S> => {
    try {
      return checkField(schema, value, path)
    } catch (error) {
      return refuse((error as Error).message)
    }
  }
  const { document: doc, first } = parsed.data
  // Stored as every import is: the one normalisation (normalise.ts), so text and content agree.
  const { content, text } = normaliseArticle(checkBlocks(doc.content, refuse))
  if (text.trim() === '') refuse('the document has no text')
  // Positions count code points of the text the file was made from.
  const offsets = offsetConverter(doc.text)

  const claims = first.items.map((item, index): ImportedClaim => {
    const where = `claim ${index + 1}`
    const at = (j: number, key: string) => ['first', 'items', index, 'body', j, key]
    const selectors = Array.isArray(item.target.selector) ? item.target.selector : [item.target.selector]
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector')
    if (!quote?.exact) return refuse(`${where} has no TextQuoteSelector with an exact quote`)
    const position = selectors.find((s) => s.type === 'TextPositionSelector')
    const hint =
      position?.start !== undefined && position.end !== undefined && position.end > position.start
        ? { start: offsets.toUtf16(position.start), end: offsets.toUtf16(position.end) }
        : null
    let status: Status = 'unverified'
    const tags: string[] = []
    const notes: ImportedNote[] = []
    const sources: ImportedSource[] = []
    let rationale = ''
    item.body.forEach((body, j) => {
      if (body.purpose === 'assessing') status = verdictOf(body.verdict ?? body.value, where, refuse)
      else if (body.purpose === 'describing' && body.value?.trim()) rationale = field(fields.rationale, body.value, at(j, 'value'))
      else if (body.purpose === 'tagging' && body.value?.trim()) tags.push(field(fields.tag, body.value, at(j, 'value')))
      else if (body.purpose === 'commenting' && body.value?.trim()) {
        notes.push({
          author: body.creator?.name?.trim() || 'unknown',
          body: field(fields.note, body.value, at(j, 'value')),
          public: body.public === true,
          createdAt: body.created ?? null,
          updatedAt: body.modified ?? body.created ?? null
        })
      } else if (body.purpose === 'linking' && body.source) {
        sources.push({
          url: field(fields.sourceUrl, body.source, at(j, 'source')),
          title: body.title ?? null,
          excerpt: body.excerpt ?? null,
          stance: body.stance ?? 'context',
          accessedAt: body.accessed ?? null,
          createdAt: body.created ?? null
        })
      }
    })
    const uniqueTags = field(fields.tags, [...new Set(tags)], ['first', 'items', index, 'body'])
    return {
      quote: { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
      position: hint,
      status,
      claimant: item.claimant?.trim() || null,
      tags: uniqueTags.sort(),
      rationale,
      createdBy: item.creator?.name?.trim() || null,
      format: item.target.format ?? null,
      createdAt: item.created ?? null,
      updatedAt: item.modified ?? item.created ?? null,
      notes,
      sources
    }
  })
  const { title, sourceUrl, publisher, author, publishedAt, language, conclusion, publicationUrl, publicationDate } = doc
  return { document: { title, sourceUrl, publisher, author, publishedAt, language, conclusion, publicationUrl, publicationDate, content, text }, claims }
}

function verdictOf(value: string | undefined, where: string, refuse: (problem: string) => never): Status {
  if (isStatus(value)) return value
  const byLabel = statuses.find((s) => statusStyles[s].label.toLowerCase() === value?.trim().toLowerCase())
  return byLabel ?? refuse(`${where} has an unknown verdict ${JSON.stringify(value ?? '')}`)
}

/** Checks the article's structure by hand: it nests, and a schema for it would cost more than it says. */
function checkBlocks(blocks: unknown, refuse: (problem: string) => never, path = 'document.content', depth = 1): Block[] {
  if (!Array.isArray(blocks)) return refuse(`${path} must be a list of blocks`)
  // Factmark never writes deeper content (article.ts caps it), so deeper is not a Factmark export.
  if (depth > MAX_BLOCK_DEPTH) return refuse(`${path} nests blocks deeper than ${MAX_BLOCK_DEPTH} levels, more than a Factmark article holds`)
  return blocks.map((block: unknown, index): Block => {
    const at = `${path}.${index}`
    if (typeof block !== 'object' || block === null) return refuse(`${at} is not a block`)
    const b = block as Record<string, unknown>
    switch (b.type) {
      case 'heading': {
        const level = b.level
        if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 6) return refuse(`${at}.level must be 1 to 6`)
        return { type: 'heading', level: level as 1 | 2 | 3 | 4 | 5 | 6, content: checkInlines(b.content, refuse, at), ...blockLanguage(b) }
      }
      case 'paragraph':
        return { type: 'paragraph', content: checkInlines(b.content, refuse, at), ...blockLanguage(b) }
      case 'blockquote':
        return { type: 'blockquote', content: checkBlocks(b.content, refuse, `${at}.content`, depth + 1) }
      case 'list':
        if (!Array.isArray(b.items)) return refuse(`${at}.items must be a list`)
        return {
          type: 'list',
          ordered: b.ordered === true,
          items: b.items.map((item: unknown, i) => checkBlocks(item, refuse, `${at}.items.${i}`, depth + 1))
        }
      default:
        return refuse(`${at} has an unknown type ${JSON.stringify(b.type)}`)
    }
  })
}

/** A block's language and direction, kept when they are a language tag and ltr/rtl; dropped otherwise. */
function blockLanguage(b: Record<string, unknown>): BlockLanguage {
  const lang = typeof b.lang === 'string' ? languageTag(b.lang) : null
  return { ...(lang && { lang }), ...((b.dir === 'ltr' || b.dir === 'rtl') && { dir: b.dir }) }
}

function checkInlines(inlines: unknown, refuse: (problem: string) => never, at: string): Inline[] {
  if (!Array.isArray(inlines)) return refuse(`${at}.content must be a list`)
  return inlines.map((inline: unknown, index) => {
    const i = inline as Record<string, unknown> | null
    if (typeof i?.text !== 'string' || /[\r\n]/.test(i.text)) return refuse(`${at}.content.${index} must be text without line breaks`)
    return typeof i.href === 'string' ? { text: i.text, href: i.href } : { text: i.text }
  })
}
