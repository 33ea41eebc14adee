/**
 * Deleting claims and documents. A deleted claim leaves its whole record
 * (fields, tags, notes, sources) in its `deleted` history row, so undo can
 * restore it with the same id while the history is only ever appended to.
 */
import { placeQuote } from '../../shared/anchor'
import { FactmarkError } from '../../shared/errors'
import type { Claim, Note, Source } from '../../shared/model'
import { getClaim } from './claims'
import type { ServiceContext } from './context'
import { requireDocument } from './documents'
import { recordHistory } from './history'
import { listNotes } from './notes'
import { listSources } from './sources'

/** What a `deleted` history row keeps, to restore from. */
interface DeletedRecord {
  claim: Claim
  notes: Note[]
  sources: Source[]
}

/** Everything undo needs to bring a claim back; the team library keeps it too when a colleague's delete arrives. */
export function deletedRecord(context: ServiceContext, claimId: string): DeletedRecord {
  return { claim: getClaim(context, claimId), notes: listNotes(context, claimId), sources: listSources(context, claimId) }
}

export function deleteClaim(context: ServiceContext, claimId: string): { claimId: string } {
  const record = deletedRecord(context, claimId)
  recordHistory(context, record.claim, 'deleted', { ...record })
  context.db.prepare('DELETE FROM claims WHERE id = ?').run(claimId)
  return { claimId }
}

export function restoreClaim(context: ServiceContext, claimId: string): Claim {
  const { db } = context
  if (db.prepare('SELECT 1 FROM claims WHERE id = ?').get(claimId)) {
    throw new FactmarkError('conflict', 'This claim has not been deleted: there is nothing to restore.')
  }
  const detail = db
    .prepare("SELECT detail FROM claim_history WHERE claim_id = ? AND action = 'deleted' ORDER BY seq DESC LIMIT 1")
    .pluck()
    .get(claimId) as string | undefined
  if (!detail) throw new FactmarkError('not_found', `There is no deleted claim with id ${claimId}.`)
  const record = JSON.parse(detail) as Partial<DeletedRecord> & { reason?: string }
  if (!record.claim) throw new FactmarkError('conflict', 'This claim was deleted with its document and cannot be restored on its own.')
  const { claim, notes = [], sources = [] } = record
  let text: string
  try {
    text = requireDocument(context, claim.documentId).text
  } catch {
    throw new FactmarkError('not_found', 'The document this claim belonged to has been deleted.')
  }
  // The text may have changed since (a newer version of the article): place the quote again.
  const placed = placeQuote(text, claim.quote, claim.position)
  const position = placed.kind === 'orphan' ? claim.position : { start: placed.start, end: placed.end }
  db.prepare(
    `INSERT INTO claims (id, document_id, number, exact, prefix, suffix, start_offset, end_offset, status, claimant, orphaned, rationale, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    claim.id,
    claim.documentId,
    // Its own number back (a claim deleted before numbers existed gets the next one).
    (claim.number as number | undefined) ?? null,
    claim.quote.exact,
    claim.quote.prefix,
    claim.quote.suffix,
    position.start,
    position.end,
    claim.status,
    claim.claimant,
    placed.kind === 'orphan' ? 1 : 0,
    // Records from before publishing (issue 12) have neither.
    claim.rationale ?? '',
    claim.createdBy ?? null,
    claim.createdAt,
    context.now()
  )
  const insertTag = db.prepare('INSERT INTO claim_tags (claim_id, tag) VALUES (?, ?)')
  for (const tag of claim.tags) insertTag.run(claim.id, tag)
  const insertNote = db.prepare('INSERT INTO notes (id, claim_id, author, body, public, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
  for (const note of notes) insertNote.run(note.id, claim.id, note.author, note.body, note.public ? 1 : 0, note.createdAt, note.updatedAt)
  const insertSource = db.prepare(
    'INSERT INTO sources (id, claim_id, url, title, excerpt, stance, accessed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
  )
  for (const s of sources) insertSource.run(s.id, claim.id, s.url, s.title, s.excerpt, s.stance, s.accessedAt, s.createdAt)
  recordHistory(context, claim, 'restored', { notes: notes.length, sources: sources.length, anchoring: placed.kind })
  return getClaim(context, claim.id)
}

/**
 * Deletes a document; its claims, tags, notes and sources go with it (foreign
 * keys cascade), and each claim's history gains a `deleted` row. Nothing else
 * is touched: other documents, the history, the settings.
 */
export function deleteDocument(context: ServiceContext, documentId: string): { documentId: string } {
  requireDocument(context, documentId)
  const { db } = context
  const title = db.prepare('SELECT title FROM documents WHERE id = ?').pluck().get(documentId) as string
  const claims = db.prepare('SELECT id, exact FROM claims WHERE document_id = ? ORDER BY start_offset').all(documentId) as {
    id: string
    exact: string
  }[]
  for (const claim of claims) {
    recordHistory(context, { id: claim.id, documentId }, 'deleted', { reason: 'document deleted', documentTitle: title, exact: claim.exact })
  }
  db.prepare('DELETE FROM documents WHERE id = ?').run(documentId)
  return { documentId }
}
