/**
 * Importing: the Import dialog (a new document, or a new version of the open
 * one) and files dropped on the window, both through the same requests.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { importFormatOf, notImportable } from '../../shared/import/formats'
import { errorMessage } from '../api/client'
import { useDesk } from '../desk/context'
import { useValue } from '../desk/value'
import { ImportDialog, type ImportRequest } from './ImportDialog'
import { openDocument, refreshLibrary, showDocument } from './library'
import { importDocument, importVersion } from './request'
import { useFileDrop } from './useFileDrop'

/** Mounted once in the layout; says whether a file is being dragged over the window. */
export function ImportFlow({ onDragging }: { onDragging(dragging: boolean): void }) {
  const desk = useDesk()
  const dialog = useValue(desk.dialog)
  const document = useValue(desk.document)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
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
      await refreshLibrary(desk)
      if (await openDocument(desk, doc.id)) desk.focus('article')
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

  return (
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
  )
}
