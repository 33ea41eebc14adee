/**
 * The claim card: the selected claim's verdict, claimant, tags, notes,
 * sources and history. Every edit goes through claims/actions (one API call,
 * undoable); the card reloads the claim's detail when it changes, so the
 * history on screen is the stored one.
 */
import { useEffect, useRef, useState } from 'react'
import { fieldLimits } from '../../shared/fields'
import type { Claim, ClaimDetail } from '../../shared/model'
import { errorMessage } from '../api/client'
import { commandById } from '../commands'
import { ariaKeys } from '../commands/keys'
import { useDesk } from '../desk/context'
import { useValue } from '../desk/value'
import { addNote, addSource, deleteNote, editNote, removeSource, setClaimant, setClaimantRole, setNotePublic, setRationale, setTags, setVerdict } from './actions'
import { PriorMatches } from '../assist/PriorMatches'
import { HistoryList } from './HistoryList'
import { NotesSection } from './NotesSection'
import { SourcesSection, type SourceDraft } from './SourcesSection'
import { StatusPicker } from './StatusPicker'
import { ApproveVerdict } from '../team/ApproveVerdict'
import { TagEditor } from './TagEditor'

export function ClaimCard({ claim }: { claim: Claim }) {
  const desk = useDesk()
  const knownTags = useValue(desk.tags)
  const priorVersion = useValue(desk.priorVersion)
  const claimants = useValue(desk.claimants)
  const version = useValue(desk.detailVersion)
  const [detail, setDetail] = useState<ClaimDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [claimant, setClaimantDraft] = useState(claim.claimant ?? '')
  const [rationale, setRationaleDraft] = useState(claim.rationale)
  const card = useRef<HTMLElement>(null)

  useEffect(() => desk.registerFocus('card', () => card.current?.querySelector<HTMLElement>('input:checked')?.focus()), [desk])
  // The claim object changes with every update (verdict, tags…): reload the notes, sources and history with it.
  useEffect(() => {
    let current = true
    desk.api.getClaimDetail({ claimId: claim.id }).then(
      (loaded) => current && setDetail(loaded),
      (problem) => current && setError(errorMessage(problem))
    )
    setClaimantDraft(claim.claimant ?? '')
    setRationaleDraft(claim.rationale)
    return () => {
      current = false
    }
  }, [desk, claim, version])

  const saveClaimant = () => {
    const name = claimant.trim() || null
    if (name === claim.claimant) return
    // The registry's spelling of a name already on record.
    const known = name && claimants.find((c) => c.name.toLocaleLowerCase() === name.toLocaleLowerCase())
    void setClaimant(desk, claim, known ? known.name : name)
  }
  const role = claimants.find((c) => c.name === claim.claimant)?.role
  const addDraft = (draft: SourceDraft) =>
    addSource(desk, claim, {
      url: draft.url,
      title: draft.title || null,
      excerpt: draft.excerpt || null,
      stance: draft.stance || 'context',
      accessedAt: draft.accessedAt || null
    })
  const deleteCommand = commandById('claim.delete')

  return (
    <section className="claim-detail" aria-label="Claim card" ref={card}>
      <header className="detail-head">
        <span className="claim-number" aria-hidden="true">
          {claim.number}
        </span>
        <h3 className="detail-title">Claim {claim.number}</h3>
      </header>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <StatusPicker value={claim.status} onChange={(status) => void setVerdict(desk, claim, status)} />
      <ApproveVerdict claim={claim} />
      <label className="field">
        Claimant
        <input
          value={claimant}
          placeholder="Who made the claim?"
          list="known-claimants"
          maxLength={fieldLimits.claimantLength}
          onChange={(e) => setClaimantDraft(e.target.value)}
          onBlur={saveClaimant}
          onKeyDown={(e) => e.key === 'Enter' && saveClaimant()}
        />
        <datalist id="known-claimants">
          {claimants.map((c) => (
            <option key={c.name} value={c.name}>
              {c.role ?? ''}
            </option>
          ))}
        </datalist>
      </label>
      {claim.claimant && (
        <label className="field">
          Role or affiliation of {claim.claimant}
          <input
            key={`${claim.claimant}:${role ?? ""}`}
            defaultValue={role ?? ''}
            placeholder="Minister of Interior, New America…"
            maxLength={fieldLimits.claimantLength}
            onBlur={(e) => void setClaimantRole(desk, claim.claimant!, e.target.value.trim())}
            onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          />
        </label>
      )}
      <TagEditor tags={claim.tags} known={knownTags} onChange={(tags) => void setTags(desk, claim, tags)} />
      <label className="field">
        Rationale (public)
        <textarea
          value={rationale}
          rows={3}
          placeholder="Why this verdict, as readers will see it. Plain text; links work."
          maxLength={fieldLimits.rationaleLength}
          onChange={(e) => setRationaleDraft(e.target.value)}
          onBlur={() => void setRationale(desk, claim, rationale)}
        />
        <span className="hint">Notes stay internal unless made public.</span>
      </label>
      {detail && (
        <>
          <NotesSection
            notes={detail.notes}
            onAdd={(body) => addNote(desk, claim, body)}
            onEdit={(noteId, body) => {
              const note = detail.notes.find((n) => n.id === noteId)
              return note ? editNote(desk, claim, note, body) : Promise.resolve(false)
            }}
            onDelete={(note) => void deleteNote(desk, claim, note)}
            onPublic={(note, value) => void setNotePublic(desk, claim, note, value)}
          />
          <SourcesSection sources={detail.sources} onAdd={addDraft} onRemove={(source) => void removeSource(desk, claim, source)} />
          <PriorMatches api={desk.api} claimId={claim.id} refreshKey={priorVersion} />
          <HistoryList history={detail.history} />
        </>
      )}
      <div className="detail-actions">
        <button type="button" className="danger" onClick={() => void deleteCommand.run(desk)} aria-keyshortcuts={ariaKeys(deleteCommand.keys)}>
          {deleteCommand.label}
        </button>
      </div>
    </section>
  )
}
