/**
 * The readiness check: what blocks publishing a document's report. Each check
 * is one row of a table, so a new rule (an unapproved verdict, say) is one
 * more row; each entry names its claim, so the dialog can go to it. Pure: the
 * service runs it on the same data the report is made from.
 */
import type { ReadinessEntry } from '../model'
import type { Status } from '../status'
import { reportClaims, scaleOf, type ReportClaim, type ReportData } from './data'

export interface ReadinessCheck {
  check: string
  /** Looks at the whole report: document-level problems. */
  document?: (data: ReportData) => string | null
  /** Looks at one claim of the report: its problem, or null. */
  claim?: (entry: ReportClaim, data: ReportData) => string | null
}

const notYetRated: readonly Status[] = ['unverified', 'in_progress']

export const readinessChecks: ReadinessCheck[] = [
  {
    check: 'no_organisation',
    document: (data) => (data.organisation?.name ? null : 'No publishing organisation: set it in the profile.')
  },
  {
    check: 'no_publication_address',
    document: (data) => (data.document.publicationUrl ? null : 'No publication address: give the address where this fact-check will be published.')
  },
  {
    check: 'not_rated',
    claim: ({ number, claim }, data) =>
      notYetRated.includes(claim.status) ? `Claim ${number} is still ${scaleOf(data)[claim.status].label}.` : null
  },
  {
    check: 'no_rationale',
    claim: ({ number, claim }) =>
      !notYetRated.includes(claim.status) && !claim.rationale.trim() ? `Claim ${number} has a verdict but no rationale.` : null
  },
  {
    check: 'unapproved',
    claim: ({ number, claim }, data) =>
      data.signOff && !notYetRated.includes(claim.status) && claim.approval?.status !== claim.status
        ? `Claim ${number}’s verdict is not approved by an editor yet.`
        : null
  },
  {
    check: 'no_sources',
    claim: ({ number, claim, sources }) =>
      !notYetRated.includes(claim.status) && sources.length === 0 ? `Claim ${number} has a verdict but no sources.` : null
  }
]

/** Everything that blocks publication, document-level entries first, then claim by claim in text order. */
export function checkReadiness(data: ReportData, checks: readonly ReadinessCheck[] = readinessChecks): ReadinessEntry[] {
  const entries: ReadinessEntry[] = []
  for (const { check, document } of checks) {
    const message = document?.(data)
    if (message) entries.push({ check, message, claimId: null, claimNumber: null })
  }
  for (const entry of reportClaims(data)) {
    for (const { check, claim } of checks) {
      const message = claim?.(entry, data)
      if (message) entries.push({ check, message, claimId: entry.claim.id, claimNumber: entry.number })
    }
  }
  return entries
}
