/**
 * What a report is made from, and the view of it every format shares: the
 * claims that pass the verdict filter, numbered in text order, each with its
 * notes and sources. Formats are pure functions of this data, so the same
 * input gives the same bytes.
 */
import type { ArticleDocument, Claim, Note, Source } from '../model'
import { statuses, type Status } from '../status'
import { isWebLink } from '../fields'

export interface ReportData {
  document: ArticleDocument
  claims: Claim[]
  notes: Note[]
  sources: Source[]
  /** Who signs the report. */
  analyst: string
  /** ISO 8601, UTC: when the report was made. */
  generatedAt: string
  /** Only claims with these verdicts; all claims when absent. */
  includeStatuses?: Status[]
}

/** A claim as a report shows it: its number, notes and sources. */
export interface ReportClaim {
  /** 1-based, in text order; markers and entries carry it. */
  number: number
  claim: Claim
  notes: Note[]
  sources: Source[]
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

/** "2026-11-27 14:05 UTC" from an ISO time; the text as given when it is not one. */
export function formatTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso)
  return match ? `${match[1]} ${match[2]} UTC` : iso
}

/** "2026-11-27" from an ISO time or date. */
export function formatDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] ?? iso
}

/** Only http(s) addresses become links anywhere in a report; anything else stays text. */
export function isWebUrl(url: string | null | undefined): url is string {
  return typeof url === 'string' && isWebLink(url.trim())
}


