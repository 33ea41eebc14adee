/** Verification notes on a claim. Edits and deletions keep the old text in the history. */
import { FactmarkError } from '../../shared/errors'
import type { Note } from '../../shared/model'
import { getClaim } from './claims'
import type { ServiceContext } from './context'
import { recordHistory } from './history'

interface NoteRow {
  id: string
  claim_id: string
  author: string
  body: string
  public: number
  created_at: string
  updated_at: string
}

const toNote = (row: NoteRow): Note => ({
  id: row.id,
  claimId: row.claim_id,
  author: row.author,
  body: row.body,
  public: row.public === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at
})

export function listNotes({ db }: ServiceContext, claimId: string): Note[] {
  const rows = db.prepare('SELECT * FROM notes WHERE claim_id = ? ORDER BY created_at, rowid').all(claimId) as NoteRow[]
  return rows.map(toNote)
}

/** Every note on a document's claims, oldest first: what a report needs. */
export function listDocumentNotes({ db }: ServiceContext, documentId: string): Note[] {
  const rows = db
    .prepare('SELECT n.* FROM notes n JOIN claims c ON c.id = n.claim_id WHERE c.document_id = ? ORDER BY n.created_at, n.id')
    .all(documentId) as NoteRow[]
  return rows.map(toNote)
}

function getNote({ db }: ServiceContext, noteId: string): Note {
  const row = db.prepare('SELECT * FROM notes WHERE id = ?').get(noteId) as NoteRow | undefined
  if (!row) throw new FactmarkError('not_found', `There is no note with id ${noteId}.`)
  return toNote(row)
}

/** `body` arrives trimmed and within the size limit (see fieldLimits.noteLength). */
export function addNote(context: ServiceContext, input: { claimId: string; body: string }): Note {
  const claim = getClaim(context, input.claimId)
  const id = context.newId()
  const at = context.now()
  context.db
    .prepare('INSERT INTO notes (id, claim_id, author, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, claim.id, context.author(), input.body, at, at)
  recordHistory(context, claim, 'note_added', { noteId: id, body: input.body })
  return getNote(context, id)
}

export function editNote(context: ServiceContext, input: { noteId: string; body: string }): Note {
  const note = getNote(context, input.noteId)
  if (note.body === input.body) return note
  const claim = getClaim(context, note.claimId)
  context.db.prepare('UPDATE notes SET body = ?, updated_at = ? WHERE id = ?').run(input.body, context.now(), note.id)
  recordHistory(context, claim, 'note_edited', { noteId: note.id, from: note.body, to: input.body })
  return getNote(context, note.id)
}

/** Public notes are printed in public reports; the change is a history row, as every change to a claim is. */
export function setNotePublic(context: ServiceContext, input: { noteId: string; public: boolean }): Note {
  const note = getNote(context, input.noteId)
  if (note.public === input.public) return note
  const claim = getClaim(context, note.claimId)
  context.db.prepare('UPDATE notes SET public = ? WHERE id = ?').run(input.public ? 1 : 0, note.id)
  recordHistory(context, claim, input.public ? 'note_made_public' : 'note_made_internal', { noteId: note.id })
  return getNote(context, note.id)
}

export function deleteNote(context: ServiceContext, noteId: string): { noteId: string } {
  const note = getNote(context, noteId)
  const claim = getClaim(context, note.claimId)
  context.db.prepare('DELETE FROM notes WHERE id = ?').run(note.id)
  recordHistory(context, claim, 'note_deleted', { noteId: note.id, author: note.author, body: note.body, createdAt: note.createdAt })
  return { noteId }
}
