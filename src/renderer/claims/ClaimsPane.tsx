/**
 * The claims pane: the open document's claims, filtered, in a list that
 * scales; the selected claim's card below it, in a split the analyst resizes
 * (the list keeps its height, so the card never squeezes it to a row). A pane
 * wide enough for two (a wide window) gives the card its own column instead.
 */
import { useMemo } from 'react'
import { useDesk } from '../desk/context'
import { useValue } from '../desk/value'
import { Splitter } from '../layout/Splitter'
import { Suggestions } from '../assist/Suggestions'
import { ClaimCard } from './ClaimCard'
import { ClaimFilters } from './ClaimFilters'
import { ClaimList } from './ClaimList'
import { matchesFilter } from './filter'

export function ClaimsPane() {
  const desk = useDesk()
  const claims = useValue(desk.claims)
  const filter = useValue(desk.filter)
  const tags = useValue(desk.tags)
  const selectedId = useValue(desk.selectedId)
  const document = useValue(desk.document)
  const shown = useMemo(() => claims.filter((claim) => matchesFilter(claim, filter)), [claims, filter])
  const selected = selectedId ? claims.find((claim) => claim.id === selectedId) : undefined

  return (
    <aside className={selected ? 'pane claims claims--with-card' : 'pane claims'} aria-label="Claims">
      <div className="claims-layout">
        <div className="pane-header">
          <h2>Claims</h2>
          <span className="count">
            <span aria-hidden="true">{shown.length === claims.length ? claims.length : `${shown.length} / ${claims.length}`}</span>
            <span className="sr-only">{`${shown.length} of ${claims.length} claims shown`}</span>
          </span>
        </div>
        {claims.length === 0 ? (
          <p className="empty">
            Double-click a sentence in the article (or select words) and press <kbd>Ctrl</kbd>+<kbd>Enter</kbd> to mark it as a claim.
          </p>
        ) : (
          <>
            <ClaimFilters filter={filter} tags={tags} onChange={(next) => desk.filter.set(next)} />
            {shown.length === 0 ? <p className="empty">No claim matches the filters.</p> : <ClaimList claims={shown} selectedId={selectedId} />}
          </>
        )}
        {document && !selected && <Suggestions documentId={document.id} />}
        {selected && (
          <>
            <Splitter pane="list" label="Resize the claims list" direction={1} orientation="horizontal" />
            <ClaimCard key={selected.id} claim={selected} />
          </>
        )}
      </div>
    </aside>
  )
}
