/** The open document's claims, in text order. */
import type { Claim } from '../../shared/model'
import { StatusBadge } from './StatusBadge'

interface Props {
  claims: readonly Claim[]
  selectedId: string | null
  onSelect(claimId: string): void
}

export function ClaimsPane({ claims, selectedId, onSelect }: Props) {
  return (
    <aside className="pane claims" aria-label="Claims">
      <div className="pane-header">
        <h2>Claims</h2>
        <span className="count">{claims.length}</span>
      </div>
      {claims.length === 0 ? (
        <p className="empty">
          Select a sentence in the article and press <kbd>Ctrl</kbd>+<kbd>Enter</kbd> (or “Mark as claim”) to start.
        </p>
      ) : (
        <ol className="claim-list">
          {claims.map((claim, i) => (
            <li key={claim.id}>
              <button
                type="button"
                className="claim-card"
                aria-current={claim.id === selectedId ? 'true' : undefined}
                aria-label={`Claim ${i + 1}: ${claim.quote.exact}`}
                onClick={() => onSelect(claim.id)}
              >
                <span className="claim-number" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="claim-body">
                  <q className="claim-quote">{claim.quote.exact}</q>
                  <span className="claim-meta">
                    <StatusBadge status={claim.status} />
                    {claim.orphaned && <span className="orphan-marker">Not found in the current text</span>}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </aside>
  )
}
