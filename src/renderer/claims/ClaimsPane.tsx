/** The open document's claims, in text order, filtered; the selected claim's card below. */
import { useEffect, useRef, type ReactNode } from 'react'
import type { Claim } from '../../shared/model'
import { ClaimFilters } from './ClaimFilters'
import { matchesFilter, type ClaimFilter } from './filter'
import { StatusBadge } from './StatusBadge'

interface Props {
  claims: readonly Claim[]
  selectedId: string | null
  filter: ClaimFilter
  tags: readonly string[]
  onFilter(filter: ClaimFilter): void
  onSelect(claimId: string): void
  /** The selected claim's card. */
  children?: ReactNode
}

export function ClaimsPane({ claims, selectedId, filter, tags, onFilter, onSelect, children }: Props) {
  const list = useRef<HTMLOListElement>(null)
  // Keep the selected claim in sight, wherever it was chosen (highlight, shortcut, search).
  useEffect(() => {
    list.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' })
  }, [selectedId])
  const shown = claims.map((claim, i) => ({ claim, number: i + 1 })).filter(({ claim }) => matchesFilter(claim, filter))
  return (
    <aside className="pane claims" aria-label="Claims">
      <div className="pane-header">
        <h2>Claims</h2>
        <span className="count" aria-label={`${shown.length} of ${claims.length} claims shown`}>
          {shown.length === claims.length ? claims.length : `${shown.length} / ${claims.length}`}
        </span>
      </div>
      {claims.length === 0 ? (
        <p className="empty">
          Double-click a sentence in the article (or select words) and press <kbd>Ctrl</kbd>+<kbd>Enter</kbd> to mark it as a claim.
        </p>
      ) : (
        <>
          <ClaimFilters filter={filter} tags={tags} onChange={onFilter} />
          <ol className="claim-list" ref={list}>
            {shown.map(({ claim, number }) => (
              <li key={claim.id}>
                <button
                  type="button"
                  className={`claim-card claim--${claim.status}`}
                  aria-current={claim.id === selectedId ? 'true' : undefined}
                  aria-label={`Claim ${number}: ${claim.quote.exact}`}
                  onClick={() => onSelect(claim.id)}
                >
                  <span className="claim-number" aria-hidden="true">
                    {number}
                  </span>
                  <span className="claim-body">
                    <q className="claim-quote" dir="auto">{claim.quote.exact}</q>
                    <span className="claim-meta">
                      <StatusBadge status={claim.status} />
                      {claim.claimant && <span className="claim-claimant">{claim.claimant}</span>}
                      {claim.tags.map((tag) => (
                        <span key={tag} className="tag tag--small">
                          {tag}
                        </span>
                      ))}
                      {claim.orphaned && <span className="orphan-marker">Not found in the current text</span>}
                    </span>
                  </span>
                </button>
              </li>
            ))}
            {shown.length === 0 && <li className="empty">No claim matches the filters.</li>}
          </ol>
        </>
      )}
      {children}
    </aside>
  )
}
