/** Edit what is known about a document: title, author, publisher, date, address, language. */
import { DialogFooter } from '../dialog/DialogFooter'
import { useState, type FormEvent } from 'react'
import type { DocumentMetadata } from '../../shared/model'
import { useModal } from '../dialog/useModal'

interface Props {
  document: DocumentMetadata | null
  busy: boolean
  error: string | null
  onSave(changes: { [K in keyof DocumentMetadata]: K extends 'title' ? string : string | null }): void
  onClose(): void
}

const FIELDS: { key: Exclude<keyof DocumentMetadata, 'title'>; label: string; type?: string; hint?: string }[] = [
  { key: 'author', label: 'Author' },
  { key: 'publisher', label: 'Publisher' },
  { key: 'publishedAt', label: 'Published', hint: 'YYYY-MM-DD' },
  { key: 'sourceUrl', label: 'Address (URL)', type: 'url' },
  { key: 'language', label: 'Language', hint: 'e.g. en, fa, zh-CN' }
]

export function MetadataDialog({ document, busy, error, onSave, onClose }: Props) {
  const [values, setValues] = useState<Record<keyof DocumentMetadata, string>>(blank())

  const dialog = useModal(!!document, () => {
    if (!document) return
    setValues({
      title: document.title,
      author: document.author ?? '',
      publisher: document.publisher ?? '',
      // A full timestamp is shown (and kept) as its date.
      publishedAt: document.publishedAt?.slice(0, 10) ?? '',
      sourceUrl: document.sourceUrl ?? '',
      language: document.language ?? ''
    })
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const optional = (key: Exclude<keyof DocumentMetadata, 'title'>) => values[key].trim() || null
    onSave({
      title: values.title.trim(),
      author: optional('author'),
      publisher: optional('publisher'),
      // An unchanged date keeps the full timestamp the source gave.
      publishedAt: values.publishedAt === document?.publishedAt?.slice(0, 10) ? (document?.publishedAt ?? null) : optional('publishedAt'),
      sourceUrl: optional('sourceUrl'),
      language: optional('language')
    })
  }

  return (
    <dialog ref={dialog} className="import-dialog" aria-labelledby="metadata-title" onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id="metadata-title">Document details</h2>
        <label>
          Title
          <input required value={values.title} onChange={(e) => setValues({ ...values, title: e.target.value })} maxLength={500} />
        </label>
        {FIELDS.map((field) => (
          <label key={field.key}>
            {field.label} {field.hint && <span className="hint">({field.hint})</span>}
            <input
              type={field.type ?? 'text'}
              value={values[field.key]}
              onChange={(e) => setValues({ ...values, [field.key]: e.target.value })}
              maxLength={field.key === 'sourceUrl' ? 2048 : 500}
            />
          </label>
        ))}
        <DialogFooter error={error} busy={busy} submitLabel={'Save details'} onCancel={onClose} />
      </form>
    </dialog>
  )
}

function blank(): Record<keyof DocumentMetadata, string> {
  return { title: '', author: '', publisher: '', publishedAt: '', sourceUrl: '', language: '' }
}
