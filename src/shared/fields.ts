/**
 * The one validation path: every field a writer may store, with its limits
 * and URL rules, named once. Every API operation (api.ts), the JSON-LD import
 * (report/readAnnotations.ts) and anything added later (sync) parse values
 * through these schemas, so a value the API refuses can enter no other way.
 * Adding a field is one line in `fields`. Pure: the renderer uses the same
 * limits to warn early; the main side enforces them.
 */
import { z } from 'zod'
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
  metadataLength: 500
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
  searchQuery: required('search', fieldLimits.searchLength)
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
