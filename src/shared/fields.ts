/**
 * The one validation path: every field a writer may store, with its limits
 * and URL rules, named once. Every API operation (api.ts), the JSON-LD import
 * (report/readAnnotations.ts) and anything added later (sync) parse values
 * through these schemas, so a value the API refuses can enter no other way.
 * Adding a field is one line in `fields`. Pure: the renderer uses the same
 * limits to warn early; the main side enforces them.
 */
import { z } from 'zod'
import { singleLine } from './article'
import { stances } from './model'
import { statuses } from './status'

export const fieldLimits = {
  claimantLength: 500,
  /** A claim is a sentence or a passage; longer selections are refused before anything is drawn. */
  claimLength: 5_000,
  tagLength: 60,
  tagsPerClaim: 30,
  /** A note is a paragraph or a page of reasoning, not a pasted article. */
  noteLength: 20_000,
  urlLength: 2048,
  sourceTitleLength: 500,
  excerptLength: 10_000,
  analystNameLength: 100,
  searchLength: 200,
  titleLength: 500,
  metadataLength: 500,
  // Publishing (issue 12): what readers see.
  organisationNameLength: 200,
  /** The public explanation of a verdict: a few paragraphs. */
  rationaleLength: 10_000,
  conclusionLength: 10_000,
  ratingLabelLength: 40,
  ratingDefinitionLength: 2_000,
  /** A logo is a small picture, not a photograph: 1 MB. */
  logoBytes: 1024 * 1024
}

/** The pictures a logo may be, told by their first bytes (a file name or a claimed type is not trusted). */
export const logoTypes = ['image/png', 'image/jpeg'] as const
export type LogoType = (typeof logoTypes)[number]

/**
 * What picture the bytes are: PNG or JPEG by their signature, else null.
 * PNG starts 89 50 4E 47 0D 0A 1A 0A; JPEG starts FF D8 FF.
 */
export function logoType(bytes: Uint8Array): LogoType | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (bytes.length > png.length && png.every((b, i) => bytes[i] === b)) return 'image/png'
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  return null
}

/** Checks a logo's bytes: a PNG or JPEG of at most 1 MB. Throws an Error naming the problem. */
export function checkLogo(bytes: Uint8Array): LogoType {
  if (bytes.length > fieldLimits.logoBytes) {
    throw new Error(`The logo is ${(bytes.length / 1024 / 1024).toFixed(1)} MB: it must be at most 1 MB.`)
  }
  const type = logoType(bytes)
  if (!type) throw new Error('The logo must be a PNG or JPEG picture.')
  return type
}

/** Checks a web address: http(s) with a host. Answers it trimmed, or throws an Error naming the problem. */
export function checkWebAddress(input: string, what = 'source', plural = `${what}s`): string {
  const text = input.trim()
  if (!text) throw new Error(`The ${what} needs a URL.`)
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase()
  if (scheme && scheme !== 'http' && scheme !== 'https') {
    throw new Error(`“${scheme}:” addresses are not allowed as ${plural}: use an http:// or https:// link.`)
  }
  if (!scheme) throw new Error(`“${clip(text)}” is not a web address: it must start with http:// or https://.`)
  if (/\s/.test(text)) throw new Error(`“${clip(text)}” is not a valid web address: it contains spaces.`)
  if (!isWebLink(text)) throw new Error(`“${clip(text)}” is not a valid web address: it has no host name.`)
  return text
}

/** Checks an evidence URL (see checkWebAddress). */
export function checkSourceUrl(input: string): string {
  return checkWebAddress(input, 'source')
}

/** http(s)://host… where host is a name, an IPv4 or a bracketed IPv6 address (optionally with user and port). */
const WEB_LINK = /^https?:\/\/(?:[^\s/?#@]*@)?(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?(?:[/?#]\S*)?$/iu

/** True for links a note or source may open: http(s) with a host, no white space. */
export function isWebLink(text: string): boolean {
  return WEB_LINK.test(text)
}

/** Trims tags, drops repeats, keeps the analyst's order. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()))]
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text
}

const count = (n: number) => n.toLocaleString('en')

/** Free text: trimmed, at most `max` characters. */
const text = (what: string, max: number) =>
  z.string({ message: `${what} must be text` }).trim().max(max, { message: `The ${what} is longer than ${count(max)} characters` })

/** Text that must not be empty once trimmed. */
const required = (what: string, max: number) =>
  text(what, max).min(1, { message: `The ${what} is empty` })

/** A web address by the rules above, too long ones refused before they are looked at. */
const webAddress = (what: string, plural: string) =>
  z
    .string({ message: `The ${what} must be text` })
    .max(fieldLimits.urlLength, { message: `The ${what} URL is longer than ${count(fieldLimits.urlLength)} characters` })
    .transform((value, context) => {
      try {
        return checkWebAddress(value, what, plural)
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message })
        return z.NEVER
      }
    })

/** A name or label on one line: control characters and line breaks dropped, not empty. */
const oneLine = (what: string, max: number) =>
  z
    .string({ message: `The ${what} must be text` })
    .transform(singleLine)
    .pipe(z.string().min(1, { message: `The ${what} cannot be empty` }).max(max, { message: `The ${what} is longer than ${count(max)} characters` }))

/** A day (YYYY-MM-DD), or a date and time when the writer knew it. */
const isDay = (value: string) => z.iso.date().safeParse(value).success || z.iso.datetime({ offset: true }).safeParse(value).success
const day = (what: string) =>
  z.string({ message: `The ${what} must be text` }).refine(isDay, { message: `The ${what} must be a date (YYYY-MM-DD)` })
const tag = z
  .string({ message: 'A tag must be text' })
  .trim()
  .min(1, { message: 'A tag cannot be empty or only white space' })
  .max(fieldLimits.tagLength, { message: `A tag is longer than ${fieldLimits.tagLength} characters` })

/** Every stored field, by name. */
export const fields = {
  // ── a claim ──
  status: z.enum(statuses, { error: (issue) => `Unknown status ${JSON.stringify(issue.input)}: use one of ${statuses.join(', ')}` }),
  claimant: text('claimant', fieldLimits.claimantLength),
  /** A claimant on record needs a name. */
  claimantName: required('claimant', fieldLimits.claimantLength),
  claimantRole: text('role or affiliation', fieldLimits.claimantLength),
  tag,
  tags: z
    .array(tag, { message: 'tags must be a list of words' })
    .max(fieldLimits.tagsPerClaim, { message: `A claim can carry at most ${fieldLimits.tagsPerClaim} tags` }),
  // ── notes and sources ──
  note: required('note', fieldLimits.noteLength),
  sourceUrl: webAddress('source', 'sources'),
  sourceTitle: text('title', fieldLimits.sourceTitleLength),
  excerpt: text('excerpt', fieldLimits.excerptLength),
  stance: z.enum(stances, { message: `stance must be one of ${stances.join(', ')}` }),
  /** The day the analyst read the source. */
  accessedAt: day('date accessed'),
  // ── a document ──
  title: required('title', fieldLimits.titleLength),
  documentAddress: webAddress('document address', 'document addresses'),
  publisher: text('publisher', fieldLimits.metadataLength),
  author: text('author', fieldLimits.metadataLength),
  publishedAt: day('publication date'),
  language: z
    .string({ message: 'The language must be text' })
    .max(35, { message: 'The language tag is longer than 35 characters' })
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, { message: 'The language must be a language tag such as "en" or "fa-IR"' }),
  // ── people and times ──
  /** Who wrote something: the analyst's own name, or a colleague's in an imported file. */
  person: required('name', fieldLimits.analystNameLength),
  analystName: text('analyst name', fieldLimits.analystNameLength).min(1, { message: 'The analyst name cannot be empty' }),
  /** When something happened: an ISO date and time. */
  timestamp: z.iso.datetime({ offset: true, message: 'The time must be an ISO date and time' }),
  searchQuery: required('search', fieldLimits.searchLength),
  // ── publishing ──
  /** The public explanation of a verdict: plain text (links allowed), never markup; empty clears it. */
  rationale: text('rationale', fieldLimits.rationaleLength),
  /** The editor's summary of a document's fact-check, plain text. */
  conclusion: text('conclusion', fieldLimits.conclusionLength),
  publicationUrl: webAddress('publication address', 'publication addresses'),
  /** The day the fact-check is published. */
  publicationDate: z.iso.date({ message: 'The publication date must be a date (YYYY-MM-DD)' }),
  organisationName: oneLine('organisation name', fieldLimits.organisationNameLength),
  organisationUrl: webAddress('organisation’s web address', 'organisation addresses'),
  /** A logo's bytes, base64: the service checks they are a PNG or JPEG of at most 1 MB. */
  logo: z
    .base64({ message: 'The logo must be base64' })
    .max(Math.ceil(fieldLimits.logoBytes / 3) * 4, { message: 'The logo must be at most 1 MB.' }),
  /** A verdict's public name: one line. */
  ratingLabel: oneLine('label', fieldLimits.ratingLabelLength),
  /** What a verdict means, plain text. */
  ratingDefinition: text('definition', fieldLimits.ratingDefinitionLength),
  /** Whether a note is printed in public reports. */
  notePublic: z.boolean({ message: 'public must be true or false' })
}

/** A value's place in a JSON document, as `first.items[3].body[1].value`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index ? '.' : ''}${String(key)}`)).join('')
}

/** The first problem a schema finds, as one line that names where: "path: message". */
export function describeIssue(error: z.ZodError, prefix: readonly PropertyKey[] = []): string {
  const issue = error.issues[0]!
  const path = [...prefix, ...issue.path]
  return path.length ? `${fieldPath(path)}: ${issue.message}` : issue.message
}

/** Parses one value with its field's schema; throws an Error "path: message" when it is refused. */
export function checkField<S extends z.ZodType>(schema: S, value: unknown, path: readonly PropertyKey[]): z.output<S> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new Error(describeIssue(parsed.error, path))
  return parsed.data
}
