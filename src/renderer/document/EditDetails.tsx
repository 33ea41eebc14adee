/** The "Edit details…" button and its dialog: corrects a document's metadata through the API. */
import { useState } from 'react'
import type { ApiClient, OperationInput } from '../../shared/api'
import type { ArticleDocument } from '../../shared/model'
import { useTask } from '../dialog/useTask'
import { MetadataDialog } from './MetadataDialog'

interface Props {
  api: ApiClient
  document: ArticleDocument
  onSaved(document: ArticleDocument): void
}

export function EditDetails({ api, document, onSaved }: Props) {
  const [editing, setEditing] = useState(false)
  const { busy, error, setError, run } = useTask()

  const save = (changes: Omit<OperationInput<'updateMetadata'>, 'documentId'>) =>
    run(async () => {
      onSaved(await api.updateMetadata({ documentId: document.id, ...changes }))
      setEditing(false)
    })

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setError(null)
          setEditing(true)
        }}
      >
        Edit details…
      </button>
      <MetadataDialog
        document={editing ? document : null}
        busy={busy}
        error={error}
        onSave={(changes) => void save(changes)}
        onClose={() => setEditing(false)}
      />
    </>
  )
}
