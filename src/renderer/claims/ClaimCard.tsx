/**
 * The claim card: the selected claim's verdict, claimant, tags, notes,
 * sources and history. It loads the claim's detail from the API and reloads
 * it after every change, so the history on screen is the stored one.
 */
import { useCallback, useEffect, useState } from 'react'
import type { ApiClient } from '../../shared/api'
import { fieldLimits } from '../../shared/fields'
import type { Claim, ClaimDetail } from '../../shared/model'
import type { Status } from '../../shared/status'
import { errorMessage } from '../api/client'
import { HistoryList } from './HistoryList'
import { NotesSection } from './NotesSection'
import { SourcesSection, type SourceDraft } from './SourcesSection'
import { StatusPicker } from './StatusPicker'
import { ApproveVerdict } from '../team/ApproveVerdict'
import { TagEditor } from './TagEditor'

interface Props {
  api: ApiClient
  claim: Claim
  number: number
  knownTags: readonly string[]
  onStatus(status: Status): void
  onUpdated(claim: Claim): void
  onDelete(): void
}

export function ClaimCard({ api, claim, number, knownTags, onStatus, onUpdated, onDelete }: Props) {
  const [detail, setDetail] = useState<ClaimDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [claimant, setClaimant] = useState(claim.claimant ?? '')

  const reload = useCallback(() => api.getClaimDetail({ claimId: claim.id }).then(setDetail, (e) => setError(errorMessage(e))), [api, claim.id])
  // The claim object changes with every update (status, tags…): reload the notes, sources and history with it.
  useEffect(() => {
    void reload()
    setClaimant(claim.claimant ?? '')
  }, [claim, reload])

  /** Runs a change, reloads the card, and says whether it worked (forms keep their text when not). */
  const run = async (change: () => Promise<unknown>): Promise<boolean> => {
    try {
      await change()
      setError(null)
      await reload()
      return true
    } catch (problem) {
      setError(errorMessage(problem))
      return false
    }
  }
  const update = (fields: { claimant?: string | null; tags?: string[] }) =>
    run(async () => onUpdated(await api.updateClaim({ claimId: claim.id, ...fields })))
  const saveClaimant = () => {
    if (claimant.trim() !== (claim.claimant ?? '')) void update({ claimant: claimant.trim() || null })
  }
  const addSource = (draft: SourceDraft) =>
    run(() =>
      api.addSource({
        claimId: claim.id,
        url: draft.url,
        title: draft.title || null,
        excerpt: draft.excerpt || null,
        stance: draft.stance,
        accessedAt: draft.accessedAt || null
      })
    )

  return (
    <section className="claim-detail" aria-label="Claim card">
      <header className="detail-head">
        <span className="claim-number" aria-hidden="true">
          {number}
        </span>
        <q className="detail-quote" dir="auto">{claim.quote.exact}</q>
      </header>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <StatusPicker value={claim.status} onChange={onStatus} />
      <ApproveVerdict api={api} claim={claim} onUpdated={onUpdated} />
      <label className="field">
        Claimant
        <input
          value={claimant}
          placeholder="Who made the claim?"
          maxLength={fieldLimits.claimantLength}
          onChange={(e) => setClaimant(e.target.value)}
          onBlur={saveClaimant}
          onKeyDown={(e) => e.key === 'Enter' && saveClaimant()}
        />
      </label>
      <TagEditor tags={claim.tags} known={knownTags} onChange={(tags) => void update({ tags })} />
      {detail && (
        <>
          <NotesSection
            notes={detail.notes}
            onAdd={(body) => run(() => api.addNote({ claimId: claim.id, body }))}
            onEdit={(noteId, body) => run(() => api.editNote({ noteId, body }))}
            onDelete={(noteId) => void run(() => api.deleteNote({ noteId }))}
          />
          <SourcesSection sources={detail.sources} onAdd={addSource} onRemove={(sourceId) => void run(() => api.removeSource({ sourceId }))} />
          <HistoryList history={detail.history} />
        </>
      )}
      <div className="detail-actions">
        <p className="keys" aria-label="Keyboard shortcuts">
          <kbd>1</kbd>–<kbd>7</kbd> status · <kbd>N</kbd> note · <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> claims · <kbd>Ctrl</kbd>+<kbd>Z</kbd> undo ·{' '}
          <kbd>Del</kbd> delete · <kbd>Esc</kbd> close
        </p>
        <button type="button" className="danger" onClick={onDelete} aria-keyshortcuts="Delete">
          Delete claim
        </button>
      </div>
    </section>
  )
}
