/**
 * Import an article: paste its text (formatted text from a web page or a
 * word processor arrives as HTML and is sanitised on the main side), give a
 * web address, or choose a file. The same dialog imports a newer version of
 * the open document.
 */
import { DialogFooter } from '../dialog/DialogFooter'
import { useState, type ClipboardEvent, type FormEvent } from 'react'
import { importAccept, importableNames } from '../../shared/import/formats'
import { useModal } from '../dialog/useModal'

export type ImportRequest =
  | { kind: 'text'; text: string; title: string; format: 'text' | 'markdown' }
  | { kind: 'html'; html: string; title: string }
  | { kind: 'url'; url: string }
  | { kind: 'file'; file: File }

interface Props {
  open: boolean
  busy: boolean
  error: string | null
  /** When set, the dialog imports a new version of this document. */
  versionOf?: string | null
  onImport(request: ImportRequest): void
  onClose(): void
}

export function ImportDialog({ open, busy, error, versionOf, onImport, onClose }: Props) {
  const [text, setText] = useState('')
  const [html, setHtml] = useState<string | null>(null)
  const [title, setTitle] = useState('')
  const [url, setUrl] = useState('')
  const [format, setFormat] = useState<'text' | 'markdown'>('text')

  const dialog = useModal(open, () => {
    setText('')
    setHtml(null)
    setTitle('')
    setUrl('')
  })

  // Formatted text keeps its headings, lists and links: take the clipboard's HTML when it has some.
  const paste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pastedHtml = event.clipboardData.getData('text/html')
    if (!pastedHtml.trim() || text.trim()) return
    event.preventDefault()
    setHtml(pastedHtml)
    setText(event.clipboardData.getData('text/plain'))
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (url.trim() && !text.trim()) onImport({ kind: 'url', url: url.trim() })
    else if (html !== null) onImport({ kind: 'html', html, title })
    else onImport({ kind: 'text', text, title, format })
  }

  const heading = versionOf ? `Import a new version of “${versionOf}”` : 'Import an article'
  return (
    <dialog ref={dialog} className="import-dialog" aria-labelledby="import-title" onClose={onClose}>
      <form onSubmit={submit} aria-busy={busy}>
        <h2 id="import-title">{heading}</h2>
        {versionOf && (
          <p className="hint">
            The new text replaces the current one. Every claim is placed again on its words; a claim whose words are gone is kept and
            listed as not found, for you to re-attach.
          </p>
        )}
        {!versionOf && (
          <label>
            Title <span className="hint">(optional: taken from the text when empty)</span>
            <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={500} />
          </label>
        )}
        <label>
          Article text
          <textarea
            value={text}
            onChange={(e) => {
              setText(e.target.value)
              if (!e.target.value.trim()) setHtml(null)
            }}
            onPaste={paste}
            rows={10}
            placeholder="Paste the article here…"
          />
        </label>
        {html !== null ? (
          <p className="hint" role="status">
            Pasted with its formatting: headings, lists, quotes and links are kept; everything else is removed.{' '}
            <button type="button" className="link" onClick={() => setHtml(null)}>
              Use plain text instead
            </button>
          </p>
        ) : (
          <fieldset className="format">
            <legend>Pasted text is</legend>
            <label>
              <input type="radio" name="format" checked={format === 'text'} onChange={() => setFormat('text')} /> Plain text
            </label>
            <label>
              <input type="radio" name="format" checked={format === 'markdown'} onChange={() => setFormat('markdown')} /> Markdown
            </label>
          </fieldset>
        )}
        <label>
          Or a web address
          <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" maxLength={2048} />
        </label>
        <label className="file-choice">
          Or import a file ({importableNames})
          <input
            type="file"
            accept={importAccept}
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0]
              e.target.value = ''
              if (file) onImport({ kind: 'file', file })
            }}
          />
        </label>
        {busy && (
          <p className="import-progress" role="status">
            <progress aria-label="Importing" /> Importing… large files and web pages can take a while.
          </p>
        )}
        <DialogFooter error={error} busy={busy} submitLabel={busy ? 'Importing…' : 'Import'} onCancel={onClose} />
      </form>
    </dialog>
  )
}
