/**
 * Importing: the Import dialog (a new document, or a new version of the open
 * one) and files dropped on the window, both through the same requests. A text
 * the library already holds is imported, then the desk offers to open the
 * document that had it (removing the new copy) or to keep both.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { importFormatOf, notImportable } from '../../shared/import/formats'
import { errorMessage } from '../api/client'
import { useDesk } from '../desk/context'
import { useValue } from '../desk/value'
import { ImportDialog, type ImportRequest } from './ImportDialog'
import { deleteDocument, openDocument, refreshLibrary, showDocument } from './library'
import { ConfirmDialog } from './ConfirmDialog'
import { formatDate } from '../format/time'
import type { DocumentSummary } from '../../shared/model'
import { importDocument, importVersion } from './request'
import { useFileDrop } from './useFileDrop'

/** Mounted once in the layout; says whether a file is being dragged over the window. */
export function ImportFlow({ onDragging }: { onDragging(dragging: boolean): void }) {
  const desk = useDesk()
  const dialog = useValue(desk.dialog)
  const document = useValue(desk.document)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [duplicate, setDuplicate] = useState<{ copy: DocumentSummary; original: Pick<DocumentSummary, 'id' | 'title' | 'importedAt'> } | null>(null)
  const asVersion = dialog === 'newVersion' && !!document

  const run = async (request: ImportRequest, version = asVersion) => {
    setBusy(true)
    setError(null)
    try {
      const open = desk.document.get()
      if (version && open) {
        const { result, summary } = await importVersion(desk.api, open.id, request)
        desk.dialog.set(null)
        showDocument(desk, result.document, result.claims)
        desk.say(summary)
        void refreshLibrary(desk)
        return
      }
      const doc = await importDocument(desk.api, request)
      desk.dialog.set(null)
      const [same] = await Promise.all([desk.api.findSameText({ documentId: doc.id }), refreshLibrary(desk)])
      if (!(await openDocument(desk, doc.id))) return
      const copy = desk.documents.get().find((d) => d.id === doc.id)
      if (same[0] && copy) setDuplicate({ copy, original: same[0] })
      else desk.focus('article')
    } catch (problem) {
      setError(errorMessage(problem))
    } finally {
      setBusy(false)
    }
  }

  // Files dropped on the window are imported with the dialog showing progress: as a new
  // document, or as a new version when the dialog is open for one.
  const onDrop = useRef<(file: File) => void>(() => undefined)
  onDrop.current = (file) => {
    if (!importFormatOf(file.name)) {
      desk.notice.set({ kind: 'error', message: notImportable(`“${file.name}”`) })
      return
    }
    const version = desk.dialog.get() === 'newVersion'
    desk.dialog.set(version ? 'newVersion' : 'import')
    void run({ kind: 'file', file }, version)
  }
  const dropping = useFileDrop(useCallback((file: File) => onDrop.current(file), []))
  useEffect(() => onDragging(dropping), [dropping, onDragging])

  const openOriginal = async () => {
    if (!duplicate) return
    setDuplicate(null)
    await deleteDocument(desk, duplicate.copy)
    if (await openDocument(desk, duplicate.original.id)) {
      desk.say(`Opened “${duplicate.original.title}”, which has the same text; the new copy was removed.`)
      desk.focus('article')
    }
  }

  return (
    <>
      <ConfirmDialog
        question={
          duplicate && {
            title: 'This text is already in the library',
            body: `“${duplicate.original.title}”, imported ${formatDate(duplicate.original.importedAt)}, has exactly the same text. Open it instead? The copy just imported will be removed.`,
            confirm: `Open “${duplicate.original.title}”`,
            cancel: 'Keep both',
            danger: false
          }
        }
        onConfirm={() => void openOriginal()}
        onCancel={() => {
          setDuplicate(null)
          desk.focus('article')
        }}
      />
      <ImportDialog
        open={dialog === 'import' || dialog === 'newVersion'}
        busy={busy}
        error={error}
        versionOf={asVersion ? document.title : null}
        onImport={(request) => void run(request)}
        onClose={() => {
          setError(null)
          desk.dialog.set(null)
        }}
      />
    </>
  )
}
