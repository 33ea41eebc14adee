/**
 * What a report is made from, and the view of it every format shares: the
 * claims that pass the verdict filter, numbered in text order, each with its
 * notes and sources. Formats are pure functions of this data, so the same
 * input gives the same bytes.
 */
import type { ArticleDocument, Claim, Note, Organisation, Source } from '../model'
import { defaultScale, type RatingScale } from '../scale'
import { statuses, type Status } from '../status'
import { isWebLink } from '../fields'

export interface ReportData {
  document: ArticleDocument
  claims: Claim[]
  notes: Note[]
  sources: Source[]
  /** Who signs the report: the analyst's name from the profile. */
  analyst: string
  /** The publishing organisation from the profile; null when none is set. */
  organisation?: Organisation | null
  /** The desk's labels and definitions; the defaults when absent. */
  scale?: RatingScale
  /** The internal working report: every note, and INTERNAL on every page. Public reports (the default) carry only public notes. */
  internal?: boolean
  /** The media type the article came in (text/html for a web page…), when known: the W3C target's format. */
  documentFormat?: string | null
  /** ISO 8601, UTC: when the report was made. */
  generatedAt: string
  /** Only claims with these verdicts; all claims when absent. */
  includeStatuses?: Status[]
  /** The library belongs to a team library, where an editor signs off each verdict. */
  signOff?: boolean
}

/** A claim as a report shows it: its number, notes and sources. */
export interface ReportClaim {
  /** The claim's stable number in its document: `#claim-N` in a published report stays put. */
  number: number
  claim: Claim
  notes: Note[]
  sources: Source[]
}

/** The scale a report uses. */
export const scaleOf = (data: ReportData): RatingScale => data.scale ?? defaultScale

/** The notes a reader of this report may see: all of them in the internal report, only public ones otherwise. */
export function visibleNotes(data: ReportData, notes: readonly Note[]): Note[] {
  return data.internal ? [...notes] : notes.filter((note) => note.public)
}

/** Text order: start, then end, then creation; orphans (no place in the text) last. */
function byPosition(a: Claim, b: Claim): number {
  return (
    Number(a.orphaned) - Number(b.orphaned) ||
    a.position.start - b.position.start ||
    a.position.end - b.position.end ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.id.localeCompare(b.id)
  )
}

const byCreation = <T extends { createdAt: string; id: string }>(a: T, b: T): number =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)

/** The claims the report shows, by their numbers, with their notes and sources in the order they were added. */
export function reportClaims(data: ReportData): ReportClaim[] {
  const include = data.includeStatuses ? new Set<Status>(data.includeStatuses) : null
  const notes = groupByClaim(data.notes)
  const sources = groupByClaim(data.sources)
  return data.claims
    .filter((claim) => !include || include.has(claim.status))
    .sort(byPosition)
    .map((claim) => ({
      number: claim.number,
      claim,
      notes: (notes.get(claim.id) ?? []).sort(byCreation),
      sources: (sources.get(claim.id) ?? []).sort(byCreation)
    }))
}

function groupByClaim<T extends { claimId: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const item of items) {
    const list = map.get(item.claimId)
    if (list) list.push(item)
    else map.set(item.claimId, [item])
  }
  return map
}

/** How many of the shown claims carry each verdict, in the vocabulary's order. */
export function verdictCounts(claims: readonly ReportClaim[]): { status: Status; count: number }[] {
  return statuses.map((status) => ({ status, count: claims.filter((c) => c.claim.status === status).length }))
}

/** "2026-11-27" from an ISO time or date: the one date format of every report. */
export function formatDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] ?? iso
}

/** Only http(s) addresses become links anywhere in a report; anything else stays text. */
export function isWebUrl(url: string | null | undefined): url is string {
  return typeof url === 'string' && isWebLink(url.trim())
}



/** One line of a report's header: a term, its text, and the address it links to. */
export interface ReportFact {
  term: string
  text: string
  href?: string
}

/** What the report's header says about the fact-check and the article, in every report format. */
export function reportFacts(data: ReportData): ReportFact[] {
  const { document, organisation } = data
  const facts: ReportFact[] = []
  const add = (term: string, text: string | null | undefined, href?: string | null) => {
    if (text) facts.push({ term, text, ...(isWebUrl(href) && { href: href.trim() }) })
  }
  add('Published by', organisation?.name, organisation?.url)
  add('Fact-checked by', data.analyst)
  add('Published', formatDate(document.publicationDate ?? data.generatedAt))
  add('Fact-check address', document.publicationUrl, document.publicationUrl)
  add('Article by', document.author)
  add('Article published in', document.publisher)
  add('Article date', document.publishedAt && formatDate(document.publishedAt))
  add('Article address', document.sourceUrl, document.sourceUrl)
  if (data.internal) add('Imported', formatDate(document.importedAt))
  add('Report date', formatDate(data.generatedAt))
  return facts
}
