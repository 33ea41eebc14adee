/**
 * Sign-off: an editor approves a claim's verdict (proposed → approved, by
 * whom, when). The approval names the verdict it approves, so a later verdict
 * is proposed again without anyone having to withdraw anything.
 *
 * The check here only spares an analyst a refused push: the team library's
 * server is what enforces it (only factmark_editor members, in their own name).
 */
import type { Database } from 'better-sqlite3'
import { FactmarkError } from '../../shared/errors'
import { readState } from './sync'

export function approveClaim(db: Database, claimId: string, now = new Date().toISOString()): { approvedBy: string; approvedAt: string } {
  return db.transaction(() => {
    const state = readState(db)
    if (!state.url || !state.role) throw new FactmarkError('conflict', 'Approving needs a team library: connect to one first.')
    if (!state.editor) throw new FactmarkError('forbidden', `Only an editor can approve a verdict, and “${state.role}” is an analyst.`)
    const claim = db.prepare('SELECT id, document_id, status, approved_status FROM claims WHERE id = ?').get(claimId) as
      | { id: string; document_id: string; status: string; approved_status: string | null }
      | undefined
    if (!claim) throw new FactmarkError('not_found', `There is no claim with id ${claimId}.`)
    if (claim.status === 'unverified') throw new FactmarkError('conflict', 'This claim has no verdict to approve yet.')
    db.prepare('UPDATE claims SET approved_status = status, approved_by = ?, approved_at = ? WHERE id = ?').run(state.role, now, claimId)
    db.prepare('INSERT INTO claim_history (claim_id, document_id, at, author, action, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
      claimId,
      claim.document_id,
      now,
      state.role,
      'approved',
      JSON.stringify({ from: claim.approved_status, to: claim.status })
    )
    return { approvedBy: state.role, approvedAt: now }
  }).immediate()
}
