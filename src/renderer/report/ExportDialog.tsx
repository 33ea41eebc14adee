/**
 * Export a report: choose the format and which verdicts to include. The file
 * is saved as a download; in the desktop app Electron shows its native save
 * dialog for it.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { ApiClient } from '../../shared/api'
import type { ArticleDocument } from '../../shared/model'
import { reportFormatInfo, reportFormats, type ReportFormat } from '../../shared/report/formats'
import { statuses, type Status } from '../../shared/status'
import { StatusBadge } from '../claims/StatusBadge'
import { saveReport } from './download'
import './export.css'
import { DialogFooter } from '../dialog/DialogFooter'
import { useTask } from '../dialog/useTask'

interface Props {
  open: boolean
  api: ApiClient
  document: Pick<ArticleDocument, 'id' | 'title'>
  onClose(): void
}

export function ExportDialog({ open, api, document, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [format, setFormat] = useState<ReportFormat>('html')
  const [chosen, setChosen] = useState<Set<Status>>(() => new Set(statuses))
  const { busy, error, setError, run } = useTask()

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) {
      setError(null)
      element.showModal()
    } else if (!open && element.open) element.close()
  }, [open])

  const toggle = (status: Status) =>
    setChosen((current) => {
      const next = new Set(current)
      if (next.has(status)) next.delete(status)
      else next.add(status)
      return next
    })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (chosen.size === 0) {
      setError('Choose at least one verdict to include.')
      return
    }
    await run(async () => {
      const all = chosen.size === statuses.length
      const file = await api.exportReport({
        documentId: document.id,
        format,
        ...(!all && { statuses: statuses.filter((s) => chosen.has(s)) })
      })
      saveReport(file)
      onClose()
    })
  }

  return (
    <dialog ref={dialog} className="import-dialog export-dialog" aria-labelledby="export-title" onClose={onClose}>
      <form onSubmit={(event) => void submit(event)}>
        <h2 id="export-title">Export a report</h2>
        <p className="hint">“{document.title}”</p>
        <fieldset className="export-formats">
          <legend>Format</legend>
          {reportFormats.map((name) => (
            <label key={name}>
              <input type="radio" name="export-format" checked={format === name} onChange={() => setFormat(name)} />{' '}
              {reportFormatInfo[name].label}
            </label>
          ))}
        </fieldset>
        <fieldset className="export-verdicts">
          <legend>Verdicts to include</legend>
          {statuses.map((status) => (
            <label key={status}>
              <input type="checkbox" checked={chosen.has(status)} onChange={() => toggle(status)} />{' '}
              <StatusBadge status={status} />
            </label>
          ))}
          <div className="export-all">
            <button type="button" className="link" onClick={() => setChosen(new Set(statuses))}>
              All verdicts
            </button>
            <button type="button" className="link" onClick={() => setChosen(new Set())}>
              No verdicts
            </button>
          </div>
        </fieldset>
        <DialogFooter error={error} busy={busy} submitLabel={busy ? 'Exporting…' : 'Export'} onCancel={onClose} />
      </form>
    </dialog>
  )
}
