/**
 * What a public report needs beyond the claims, in one dialog: the publishing
 * organisation (name, web address, PNG or JPEG logo), this document's
 * conclusion and publication address and date, the desk's rating scale (each
 * verdict's public label and definition) and the PDF's paper. Everything is
 * plain text; the main side checks every field and says what is wrong, and
 * saves it all in one call, so a refusal saves nothing.
 */
import { useState, type FormEvent } from 'react'
import { fieldLimits } from '../../shared/fields'
import { paperSizes, type ArticleDocument, type PaperSize } from '../../shared/model'
import type { RatingScale } from '../../shared/scale'
import { finalVerdicts } from '../../shared/scale'
import { DialogFooter } from '../dialog/DialogFooter'
import { useModal } from '../dialog/useModal'
import { useTask } from '../dialog/useTask'
import type { Desk } from '../desk/Desk'

interface Props {
  open: boolean
  desk: Desk
  document: ArticleDocument
  onClose(): void
}

interface Draft {
  name: string
  url: string
  logo: string | null
  conclusion: string
  publicationUrl: string
  publicationDate: string
  /** '' follows the locale. */
  paperSize: PaperSize | ''
}

const paperNames: Record<PaperSize, string> = { a4: 'A4', letter: 'Letter' }

export function PublishingDialog({ open, desk, document, onClose }: Props) {
  const [draft, setDraft] = useState<Draft | null>(null)
  const [scale, setScale] = useState<RatingScale | null>(null)
  const [localePaper, setLocalePaper] = useState<PaperSize>('a4')
  const { busy, error, setError, run } = useTask()

  const dialog = useModal(open, () => {
    setError(null)
    void Promise.all([desk.api.getSettings({}), desk.api.getRatingScale({})]).then(([settings, loaded]) => {
      const organisation = settings.organisation
      setDraft({
        name: organisation?.name ?? '',
        url: organisation?.url ?? '',
        logo: organisation?.logo?.data ?? null,
        conclusion: document.conclusion,
        publicationUrl: document.publicationUrl ?? '',
        publicationDate: document.publicationDate ?? '',
        paperSize: settings.report.paperSize ?? ''
      })
      setLocalePaper(settings.localePaperSize)
      setScale(loaded)
    }, desk.report)
  })

  const set = (changes: Partial<Draft>) => setDraft((current) => (current ? { ...current, ...changes } : current))

  const chooseLogo = async (file: File | undefined) => {
    if (!file) return
    if (file.size > fieldLimits.logoBytes) return setError('The logo must be at most 1 MB.')
    const bytes = new Uint8Array(await file.arrayBuffer())
    let binary = ''
    for (const byte of bytes) binary += String.fromCharCode(byte)
    set({ logo: btoa(binary) })
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!draft || !scale) return
    await run(async () => {
      const { document: updated } = await desk.api.savePublishing({
        documentId: document.id,
        conclusion: draft.conclusion,
        publicationUrl: draft.publicationUrl.trim() || null,
        publicationDate: draft.publicationDate || null,
        organisation: draft.name.trim() ? { name: draft.name, url: draft.url.trim() || null, logo: draft.logo } : null,
        ratings: finalVerdicts.map((status) => ({ status, label: scale[status].label, definition: scale[status].definition })),
        paperSize: draft.paperSize || null
      })
      if (desk.document.get()?.id === updated.id) desk.document.set(updated)
      onClose()
    })
  }

  return (
    <dialog ref={dialog} className="import-dialog publishing-dialog" aria-labelledby="publishing-title" onClose={onClose}>
      <form onSubmit={(event) => void submit(event)}>
        <h2 id="publishing-title">Publishing</h2>
        {draft && scale ? (
          <>
            <fieldset>
              <legend>Organisation</legend>
              <label className="field">
                Name
                <input value={draft.name} maxLength={fieldLimits.organisationNameLength} onChange={(e) => set({ name: e.target.value })} />
              </label>
              <label className="field">
                Web address
                <input type="url" value={draft.url} placeholder="https://" onChange={(e) => set({ url: e.target.value })} />
              </label>
              <label className="field">
                Logo (PNG or JPEG, at most 1 MB)
                <input type="file" accept="image/png,image/jpeg" onChange={(e) => void chooseLogo(e.target.files?.[0])} />
              </label>
              {draft.logo && (
                <button type="button" className="link" onClick={() => set({ logo: null })}>
                  Remove the logo
                </button>
              )}
            </fieldset>
            <fieldset>
              <legend>This fact-check</legend>
              <label className="field">
                Conclusion (shown first in the report)
                <textarea value={draft.conclusion} rows={3} maxLength={fieldLimits.conclusionLength} onChange={(e) => set({ conclusion: e.target.value })} />
              </label>
              <label className="field">
                Publication address
                <input type="url" value={draft.publicationUrl} placeholder="https://" onChange={(e) => set({ publicationUrl: e.target.value })} />
              </label>
              <label className="field">
                Publication date
                <input type="date" value={draft.publicationDate} onChange={(e) => set({ publicationDate: e.target.value })} />
              </label>
            </fieldset>
            <fieldset>
              <legend>Report</legend>
              <label className="field">
                Paper size of the PDF
                <select value={draft.paperSize} onChange={(e) => set({ paperSize: e.target.value as PaperSize | '' })}>
                  <option value="">As the locale: {paperNames[localePaper]}</option>
                  {paperSizes.map((size) => (
                    <option key={size} value={size}>
                      {paperNames[size]}
                    </option>
                  ))}
                </select>
              </label>
            </fieldset>
            <fieldset>
              <legend>How we rate</legend>
              {finalVerdicts.map((status) => (
                <div key={status} className="rating">
                  <label className="field">
                    Label for {status.replace('_', ' ')}
                    <input
                      value={scale[status].label}
                      maxLength={fieldLimits.ratingLabelLength}
                      onChange={(e) => setScale({ ...scale, [status]: { ...scale[status], label: e.target.value } })}
                    />
                  </label>
                  <label className="field">
                    Definition of {status.replace('_', ' ')}
                    <textarea
                      value={scale[status].definition}
                      rows={2}
                      maxLength={fieldLimits.ratingDefinitionLength}
                      onChange={(e) => setScale({ ...scale, [status]: { ...scale[status], definition: e.target.value } })}
                    />
                  </label>
                </div>
              ))}
            </fieldset>
          </>
        ) : (
          <p className="hint">Loading…</p>
        )}
        <DialogFooter error={error} busy={busy} submitLabel={busy ? 'Saving…' : 'Save'} onCancel={onClose} />
      </form>
    </dialog>
  )
}
