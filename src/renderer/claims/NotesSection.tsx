/** Verification notes: the list, each editable and deletable, and the editor for a new one. */
import { formatDateTime } from '../format/time'
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useDesk } from '../desk/context'
import { fieldLimits } from '../../shared/fields'
import type { Note } from '../../shared/model'
import { NoteText } from './NoteText'

interface Props {
  notes: readonly Note[]
  onAdd(body: string): Promise<boolean>
  onEdit(noteId: string, body: string): Promise<boolean>
  onDelete(note: Note): void
  /** Makes a note public (printed in public reports) or internal. */
  onPublic?(note: Note, value: boolean): void
}


/** Ctrl/Cmd+Enter submits a note editor. */
const submitOnModEnter = (submit: () => void) => (event: KeyboardEvent) => {
  if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
    event.preventDefault()
    submit()
  }
}

export function NotesSection({ notes, onAdd, onEdit, onDelete, onPublic }: Props) {
  const desk = useDesk()
  const newNote = useRef<HTMLTextAreaElement>(null)
  useEffect(() => desk.registerFocus('note', () => newNote.current?.focus()), [desk])
  const [draft, setDraft] = useState('')
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null)
  const add = () => void onAdd(draft).then((done) => done && setDraft(''))
  const save = () => editing && void onEdit(editing.id, editing.body).then((done) => done && setEditing(null))
  return (
    <section className="card-section" aria-labelledby="notes-heading">
      <h3 id="notes-heading">Notes</h3>
      {notes.length > 0 && (
        <ul className="notes" aria-label="Notes">
          {notes.map((note) => (
            <li key={note.id} className="note">
              <div className="note-meta">
                <span>{note.author}</span> · <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>
                {note.updatedAt !== note.createdAt && <span> · edited</span>}
                <span className={note.public ? 'note-public' : 'note-internal'}> · {note.public ? 'public' : 'internal'}</span>
              </div>
              {editing?.id === note.id ? (
                <div className="note-editor">
                  <textarea
                    aria-label="Edit note"
                    value={editing.body}
                    maxLength={fieldLimits.noteLength}
                    rows={4}
                    onChange={(e) => setEditing({ id: note.id, body: e.target.value })}
                    onKeyDown={submitOnModEnter(save)}
                  />
                  <div className="row-actions">
                    <button type="button" className="primary" onClick={save}>
                      Save note
                    </button>
                    <button type="button" onClick={() => setEditing(null)}>
                      Cancel
                    </button>
                  </div>
                </div>
              ) : (
                <>
                  <NoteText body={note.body} />
                  <div className="row-actions">
                    <button type="button" className="small" aria-label="Edit note" onClick={() => setEditing({ id: note.id, body: note.body })}>
                      Edit
                    </button>
                    <button type="button" className="small" aria-label="Delete note" onClick={() => onDelete(note)}>
                      Delete
                    </button>
                    {onPublic && (
                      <button type="button" className="small" aria-pressed={note.public} onClick={() => onPublic(note, !note.public)}>
                        {note.public ? 'Make internal' : 'Make public'}
                      </button>
                    )}
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="note-editor">
        <textarea
          ref={newNote}
          aria-label="New note"
          placeholder="Why this verdict? Links to evidence work (Ctrl+Enter adds)."
          value={draft}
          maxLength={fieldLimits.noteLength}
          rows={3}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={submitOnModEnter(add)}
        />
        <div className="row-actions">
          <button type="button" onClick={add} disabled={!draft.trim()}>
            Add note
          </button>
        </div>
      </div>
    </section>
  )
}
