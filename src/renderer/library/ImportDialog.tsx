/** Import an article: paste its text, or choose a .txt or .md file. */
import { useEffect, useRef, useState, type FormEvent } from 'react'

export type ImportRequest =
  | { kind: 'text'; text: string; title: string; format: 'text' | 'markdown' }
  | { kind: 'file'; file: File }

interface Props {
  open: boolean
  busy: boolean
  error: string | null
  onImport(request: ImportRequest): void
  onClose(): void
}

export function ImportDialog({ open, busy, error, onImport, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [text, setText] = useState('')
  const [title, setTitle] = useState('')
  const [format, setFormat] = useState<'text' | 'markdown'>('text')

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) {
      setText('')
      setTitle('')
      element.showModal()
    } else if (!open && element.open) element.close()
  }, [open])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onImport({ kind: 'text', text, title, format })
  }

  return (
    <dialog ref={dialog} className="import-dialog" aria-labelledby="import-title" onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id="import-title">Import an article</h2>
        <label>
          Title <span className="hint">(optional: taken from the text when empty)</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={500} />
        </label>
        <label>
          Article text
          <textarea
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={12}
            placeholder="Paste the article here…"
          />
        </label>
        <fieldset className="format">
          <legend>Pasted text is</legend>
          <label>
            <input type="radio" name="format" checked={format === 'text'} onChange={() => setFormat('text')} /> Plain
            text
          </label>
          <label>
            <input type="radio" name="format" checked={format === 'markdown'} onChange={() => setFormat('markdown')} />{' '}
            Markdown
          </label>
        </fieldset>
        <label className="file-choice">
          Or import a file (.txt, .md)
          <input
            type="file"
            accept=".txt,.md,.markdown,text/plain,text/markdown"
            onChange={(e) => {
              const file = e.target.files?.[0]
              e.target.value = ''
              if (file) onImport({ kind: 'file', file })
            }}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
    </dialog>
  )
}
