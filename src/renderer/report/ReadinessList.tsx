/**
 * What blocks publishing, in the export dialog: each entry of the readiness
 * check, those about a claim as a button that goes to it. The editor clears
 * the list, or ticks the box to publish the incomplete claims knowingly.
 */
import type { ReadinessEntry } from '../../shared/model'

interface Props {
  entries: ReadinessEntry[] | null
  knowingly: boolean
  onKnowingly(value: boolean): void
  onGoToClaim?(claimId: string): void
  /** Opens the publishing details (organisation, publication address). */
  onPublishing?(): void
}

export function ReadinessList({ entries, knowingly, onKnowingly, onGoToClaim, onPublishing }: Props) {
  if (entries === null) return <p className="hint readiness-pending">Checking whether the report is ready to publish…</p>
  if (entries.length === 0) {
    return (
      <p className="readiness-ready" role="status">
        ✓ Ready to publish: every claim has its verdict, rationale and sources.
      </p>
    )
  }
  return (
    <section className="readiness" aria-labelledby="readiness-title">
      <h3 id="readiness-title">Not ready to publish ({entries.length})</h3>
      <ul>
        {entries.map((entry, index) => (
          <li key={`${entry.check}-${entry.claimId ?? index}`}>
            {entry.claimId && onGoToClaim ? (
              <button type="button" className="link" onClick={() => onGoToClaim(entry.claimId!)}>
                {entry.message}
              </button>
            ) : !entry.claimId && onPublishing ? (
              <button type="button" className="link" onClick={onPublishing}>
                {entry.message}
              </button>
            ) : (
              entry.message
            )}
          </li>
        ))}
      </ul>
      <label className="readiness-knowingly">
        <input type="checkbox" checked={knowingly} onChange={(event) => onKnowingly(event.target.checked)} /> Publish anyway, with the
        incomplete claims included knowingly
      </label>
    </section>
  )
}
