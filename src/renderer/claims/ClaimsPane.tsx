/** The open document's claims, in text order, filtered; the selected claim's card below. */
import { useEffect, useRef, useState, type ReactNode } from 'react'
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

/**
 * Cards are drawn a page at a time, and more as the list scrolls: a document
 * with thousands of claims opens at once instead of laying out every card.
 */
const PAGE = 200
const NEIGHBOURS = 20

export function ClaimsPane({ claims, selectedId, filter, tags, onFilter, onSelect, children }: Props) {
  const list = useRef<HTMLOListElement>(null)
  // Keep the selected claim in sight, wherever it was chosen (highlight, shortcut, search).
  useEffect(() => {
    list.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' })
  }, [selectedId])
  const shown = claims.map((claim, i) => ({ claim, number: i + 1 })).filter(({ claim }) => matchesFilter(claim, filter))
  const [limit, setLimit] = useState(PAGE)
  const documentId = claims[0]?.documentId
  useEffect(() => setLimit(PAGE), [documentId])
  // The selected claim is always drawn with its neighbours, however far down the list it is.
  const selectedIndex = shown.findIndex(({ claim }) => claim.id === selectedId)
  const head = shown.slice(0, limit)
  const near = selectedIndex < 0 ? [] : shown.slice(Math.max(limit, selectedIndex - NEIGHBOURS), selectedIndex + NEIGHBOURS + 1)
  const gap = near.length ? shown.indexOf(near[0]!) - head.length : 0
  const drawn = head.length + near.length
  const hidden = shown.length - drawn
  const more = useRef<HTMLLIElement>(null)
  useEffect(() => {
    const sentinel = more.current
    if (!sentinel) return
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setLimit((n) => n + PAGE), {
      root: list.current,
      rootMargin: '600px'
    })
    observer.observe(sentinel)
    return () => observer.disconnect()
  }, [drawn])
  const card = ({ claim, number }: { claim: Claim; number: number }) => (
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
  )

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
            {head.map(card)}
            {gap > 0 && (
              <li className="more">
                <button type="button" className="link" onClick={() => setLimit(selectedIndex + NEIGHBOURS + 1)}>
                  Show the {gap} claims before this one
                </button>
              </li>
            )}
            {near.map(card)}
            {hidden > 0 && head.length < shown.length && (
              // Scrolling to the end draws the next page, unless a far claim is selected (then it is a button).
              <li ref={gap > 0 ? undefined : more} className="more">
                <button type="button" className="link" onClick={() => setLimit(head.length + PAGE)}>
                  Show {Math.min(PAGE, hidden)} more ({hidden} not shown yet)
                </button>
              </li>
            )}
            {shown.length === 0 && <li className="empty">No claim matches the filters.</li>}
          </ol>
        </>
      )}
      {children}
    </aside>
  )
}
