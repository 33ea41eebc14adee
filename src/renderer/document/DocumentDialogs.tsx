/**
 * The open document's dialogs, opened by their commands: details (undoable),
 * export, and deleting the document after confirming.
 */
import type { OperationInput } from '../../shared/api'
import type { ArticleDocument, DocumentMetadata } from '../../shared/model'
import { useTask } from '../dialog/useTask'
import { useDesk } from '../desk/context'
import type { Desk, DialogName } from '../desk/Desk'
import { useValue } from '../desk/value'
import { ConfirmDialog } from '../library/ConfirmDialog'
import { deleteDocument } from '../library/library'
import { ExportDialog } from '../report/ExportDialog'
import { PublishingDialog } from '../report/PublishingDialog'
import { MetadataDialog } from './MetadataDialog'

type Changes = Omit<OperationInput<'updateMetadata'>, 'documentId'>

/** Writes a document's details and puts them on the desk. */
async function writeDetails(desk: Desk, documentId: string, changes: Changes): Promise<ArticleDocument> {
  const doc = await desk.api.updateMetadata({ documentId, ...changes })
  if (desk.document.get()?.id === doc.id) desk.document.set(doc)
  desk.documents.update((list) => list.map((d) => (d.id === doc.id ? { ...d, title: doc.title, publisher: doc.publisher } : d)))
  return doc
}

const fields: (keyof DocumentMetadata)[] = ['title', 'sourceUrl', 'publisher', 'author', 'publishedAt', 'language']

export function DocumentDialogs() {
  const desk = useDesk()
  const dialog = useValue(desk.dialog)
  const document = useValue(desk.document)
  const documents = useValue(desk.documents)
  const { busy, error, setError, run } = useTask()
  const close = () => {
    setError(null)
    desk.dialog.set(null)
  }
  /** A dialog's own close: leaves alone a dialog another one opened on its way out (export → publishing). */
  const closing = (name: DialogName) => () => {
    if (desk.dialog.get() === name) close()
  }
  if (!document) return null

  const save = (changes: Changes) =>
    run(async () => {
      const before: Changes = Object.fromEntries(fields.filter((f) => f in changes).map((f) => [f, document[f]]))
      await writeDetails(desk, document.id, changes)
      desk.dialog.set(null)
      desk.history.record({
        label: `the details of “${document.title}”`,
        undo: async () => void (await writeDetails(desk, document.id, before)),
        redo: async () => void (await writeDetails(desk, document.id, changes))
      })
    })
  const summary = documents.find((d) => d.id === document.id)

  return (
    <>
      <MetadataDialog document={dialog === 'details' ? document : null} busy={busy} error={error} onSave={(changes) => void save(changes)} onClose={close} />
      <PublishingDialog open={dialog === 'publishing'} desk={desk} document={document} onClose={closing('publishing')} />
      <ExportDialog
        open={dialog === 'export'}
        api={desk.api}
        document={document}
        onClose={closing('export')}
        onGoToClaim={(claimId) => desk.selectClaim(claimId, { reveal: true, focus: 'card' })}
        onPublishing={() => desk.dialog.set('publishing')}
      />
      <ConfirmDialog
        question={dialog === 'deleteDocument' && summary ? deleteDocumentQuestion(summary.claimCount, document.title) : null}
        onConfirm={() => summary && void deleteDocument(desk, summary)}
        onCancel={close}
      />
    </>
  )
}

function deleteDocumentQuestion(count: number, title: string) {
  const claims = count === 1 ? 'claim' : `${count} claims`
  return {
    title: `Delete “${title}”?`,
    body: `The document and its ${claims}, with their notes and sources, will be deleted. Their history stays. This cannot be undone.`,
    confirm: 'Delete document'
  }
}
