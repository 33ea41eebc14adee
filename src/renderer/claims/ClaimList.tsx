/**
 * The claims list: one row per claim (number, verdict, claimant, counts, the
 * quote), drawn only where it is in view, so 10,000 claims scroll as smoothly
 * as ten. One tab stop: arrow keys, Home/End and Page Up/Down move the
 * selection inside it (a listbox with an active descendant).
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { Claim } from '../../shared/model'
import { statusStyles } from '../../shared/status'
import { useDesk } from '../desk/context'
import { StatusBadge } from './StatusBadge'

/** Every row is this tall (CSS .claim-row agrees), so the list knows where each row is without measuring. */
export const ROW_HEIGHT = 72
const OVERSCAN = 6

const rowId = (claim: Claim) => `claim-row-${claim.id}`

/** A verdict was given, but nothing on the claim says why. */
export const lacksEvidence = (claim: Claim) =>
  claim.status !== 'unverified' && claim.status !== 'in_progress' && claim.noteCount === 0 && claim.sourceCount === 0

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`

function Row({ claim, selected, top, position, size, onSelect }: { claim: Claim; selected: boolean; top: number; position: number; size: number; onSelect(): void }) {
  return (
    <div
      id={rowId(claim)}
      role="option"
      aria-selected={selected}
      aria-posinset={position}
      aria-setsize={size}
      className={`claim-row claim--${claim.status}`}
      style={{ top }}
      onClick={onSelect}
    >
      <span className="sr-only">Claim {claim.number}: </span>
      <span className="claim-number" aria-hidden="true">
        {claim.number}
      </span>
      <span className="claim-body">
        <span className="claim-meta">
          <StatusBadge status={claim.status} />
          {claim.claimant && <span className="claim-claimant">{claim.claimant}</span>}
          <span className="claim-counts">
            {claim.noteCount > 0 && <span>{plural(claim.noteCount, 'note')}</span>}
            {claim.sourceCount > 0 && <span>{plural(claim.sourceCount, 'source')}</span>}
          </span>
          {lacksEvidence(claim) && (
            <span className="claim-cue" title={`${statusStyles[claim.status].label}, but no note or source says why`}>
              no evidence
            </span>
          )}
          {claim.orphaned && <span className="orphan-marker">Not found in the current text</span>}
        </span>
        <q className="claim-quote" dir="auto">
          {claim.quote.exact}
        </q>
      </span>
    </div>
  )
}

export function ClaimList({ claims, selectedId }: { claims: readonly Claim[]; selectedId: string | null }) {
  const desk = useDesk()
  const list = useRef<HTMLDivElement>(null)
  const [view, setView] = useState({ top: 0, height: 600 })
  const selectedIndex = selectedId ? claims.findIndex((claim) => claim.id === selectedId) : -1

  useEffect(() => desk.registerFocus('claims', () => list.current?.focus()), [desk])

  // Follow the window's size and the scroll position.
  useLayoutEffect(() => {
    const element = list.current!
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight })
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    element.addEventListener('scroll', measure, { passive: true })
    return () => {
      observer.disconnect()
      element.removeEventListener('scroll', measure)
    }
  }, [])

  // Keep the selected claim in sight, wherever it was chosen (highlight, shortcut, search).
  useLayoutEffect(() => {
    const element = list.current
    if (!element || selectedIndex < 0) return
    const top = selectedIndex * ROW_HEIGHT
    if (top < element.scrollTop) element.scrollTop = top
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top + ROW_HEIGHT - element.clientHeight
  }, [selectedIndex])

  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN)
  const last = Math.min(claims.length, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN)
  const drawn = claims.slice(first, last)

  const select = (index: number) => {
    const claim = claims[Math.min(claims.length - 1, Math.max(0, index))]
    if (claim) desk.selectClaim(claim.id, { reveal: true })
  }
  const page = Math.max(1, Math.floor(view.height / ROW_HEIGHT) - 1)
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const from = selectedIndex < 0 ? -1 : selectedIndex
    const moves: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: Math.max(0, from - 1),
      Home: 0,
      End: claims.length - 1,
      PageDown: from + page,
      PageUp: Math.max(0, from - page)
    }
    const to = moves[event.key]
    if (to === undefined) {
      if (event.key === 'Enter' && selectedIndex >= 0) {
        event.preventDefault()
        desk.focus('card')
      }
      return
    }
    event.preventDefault()
    select(to)
  }

  return (
    <div
      ref={list}
      className="claim-list"
      role="listbox"
      aria-label="Claims list"
      tabIndex={0}
      aria-activedescendant={selectedIndex >= first && selectedIndex < last ? rowId(claims[selectedIndex]!) : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="claim-list-body" style={{ height: claims.length * ROW_HEIGHT }}>
        {drawn.map((claim, i) => (
          <Row
            key={claim.id}
            claim={claim}
            selected={claim.id === selectedId}
            top={(first + i) * ROW_HEIGHT}
            position={first + i + 1}
            size={claims.length}
            onSelect={() => desk.selectClaim(claim.id, { reveal: true })}
          />
        ))}
      </div>
    </div>
  )
}
