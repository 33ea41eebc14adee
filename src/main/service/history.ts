/** The append-only claim history: who changed what, and when. */
import { FactmarkError } from '../../shared/errors'
import type { HistoryAction, HistoryEntry } from '../../shared/model'
import type { ServiceContext } from './context'

export function recordHistory(
  { db, author, now }: ServiceContext,
  claim: { id: string; documentId: string },
  action: HistoryAction,
  detail: Record<string, unknown> = {}
): void {
  db.prepare(
    'INSERT INTO claim_history (claim_id, document_id, at, author, action, detail) VALUES (?, ?, ?, ?, ?, ?)'
  ).run(claim.id, claim.documentId, now(), author(), action, JSON.stringify(detail))
}

interface HistoryRow {
  seq: number
  claim_id: string
  document_id: string
  at: string
  author: string
  action: HistoryAction
  detail: string
}

/** A claim's history, oldest first. It outlives the claim: a deleted claim's record stays readable. */
export function listHistory({ db }: ServiceContext, claimId: string): HistoryEntry[] {
  const rows = db.prepare('SELECT * FROM claim_history WHERE claim_id = ? ORDER BY seq').all(claimId) as HistoryRow[]
  if (rows.length === 0) throw new FactmarkError('not_found', `There is no claim with id ${claimId}.`)
  return rows.map((row) => ({
    seq: row.seq,
    claimId: row.claim_id,
    documentId: row.document_id,
    at: row.at,
    author: row.author,
    action: row.action,
    detail: JSON.parse(row.detail) as Record<string, unknown>
  }))
}
