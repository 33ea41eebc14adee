/** The append-only claim history: who changed what, and when. */
import type { HistoryAction } from '../../shared/model'
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
