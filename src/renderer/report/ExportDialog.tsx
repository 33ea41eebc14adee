/**
 * Export a report: choose the format and which verdicts to include, and
 * whether it is the public report or the internal working one. Before a
 * public report the dialog lists what blocks publication (the readiness
 * check); the export waits until the list is empty or the editor includes
 * the incomplete claims knowingly. The file is saved as a download; in the
 * desktop app Electron shows its native save dialog for it.
 */
import { useEffect, useState, type FormEvent } from 'react'
import type { ApiClient } from '../../shared/api'
import type { ArticleDocument, ReadinessEntry } from '../../shared/model'
import { isPublicFormat, reportFormatInfo, reportFormats, type ReportFormat } from '../../shared/report/formats'
import { statuses, type Status } from '../../shared/status'
import { StatusBadge } from '../claims/StatusBadge'
import { errorMessage } from '../api/client'
import { saveReport } from './download'
import './export.css'
import { DialogFooter } from '../dialog/DialogFooter'
import { useModal } from '../dialog/useModal'
import { useTask } from '../dialog/useTask'
import { ReadinessList } from './ReadinessList'

interface Props {
  open: boolean
  api: ApiClient
  document: Pick<ArticleDocument, 'id' | 'title'>
  onClose(): void
  /** Shows a claim the readiness list points at (the dialog closes). */
  onGoToClaim?(claimId: string): void
  /** Opens the publishing details, for the entries about the organisation or the publication address. */
  onPublishing?(): void
}

/** The report formats an internal working version exists for: the readable ones. */
const readable = new Set<ReportFormat>(['html', 'pdf', 'md'])

export function ExportDialog({ open, api, document, onClose, onGoToClaim, onPublishing }: Props) {
  const [format, setFormat] = useState<ReportFormat>('html')
  const [chosen, setChosen] = useState<Set<Status>>(() => new Set(statuses))
  const [internal, setInternal] = useState(false)
  const [readiness, setReadiness] = useState<ReadinessEntry[] | null>(null)
  const [knowingly, setKnowingly] = useState(false)
  const { busy, error, setError, run } = useTask()
  const all = chosen.size === statuses.length
  const filter = all ? undefined : statuses.filter((s) => chosen.has(s))
  const isInternal = internal && readable.has(format)
  const publishing = isPublicFormat(format) && !isInternal

  // The readiness of what would be published: checked again when the verdict filter changes.
  const filterKey = filter?.join(',') ?? 'all'
  useEffect(() => {
    if (!open) return
    let current = true
    setReadiness(null)
    api
      .checkReadiness({ documentId: document.id, ...(filter && { statuses: filter }) })
      .then((entries) => current && setReadiness(entries))
      // Never "ready" on a failed check: say why (the export itself is checked again main-side).
      .catch((failure: unknown) => current && setError(`The readiness check failed: ${errorMessage(failure)}`))
    return () => {
      current = false
    }
  }, [open, document.id, filterKey])

  const dialog = useModal(open, () => {
    setError(null)
    setKnowingly(false)
  })

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
    if (publishing && readiness?.length && !knowingly) {
      setError('Not ready to publish: clear the list above, or tick “Publish anyway” to include the incomplete claims knowingly.')
      return
    }
    await run(async () => {
      const file = await api.exportReport({
        documentId: document.id,
        format,
        ...(filter && { statuses: filter }),
        ...(isInternal && { internal: true }),
        ...(publishing && knowingly && { allowIncomplete: true })
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
        {readable.has(format) && (
          <label className="export-internal">
            <input type="checkbox" checked={internal} onChange={(event) => setInternal(event.target.checked)} /> Internal working report:
            every note, marked INTERNAL on every page
          </label>
        )}
        {publishing && (
          <ReadinessList
            entries={readiness}
            knowingly={knowingly}
            onKnowingly={setKnowingly}
            {...(onPublishing && { onPublishing })}
            {...(onGoToClaim && {
              onGoToClaim: (claimId: string) => {
                onClose()
                onGoToClaim(claimId)
              }
            })}
          />
        )}
        <DialogFooter error={error} busy={busy} submitLabel={busy ? 'Exporting…' : 'Export'} onCancel={onClose} />
      </form>
    </dialog>
  )
}
