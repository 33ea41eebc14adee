/**
 * Suggestions in the claims pane (when no claim is open): the document's
 * sentences most worth checking, best first, also drawn as faint marks in
 * the article. On a focused suggestion the commands of commands/assist.ts
 * act (A accepts, X dismisses; Enter accepts too, as on any button); ↑/↓
 * move between them. The analyst sets how many show.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { Suggestion } from '../../shared/model'
import { errorMessage } from '../api/client'
import { useDesk } from '../desk/context'
import { useValue } from '../desk/value'
import { acceptSuggestion, dismissSuggestion } from './actions'

const COUNT_KEY = 'factmark-suggestion-count'
const DEFAULT_SUGGESTIONS = 5

/** How many suggestions the analyst chose to see (kept across sessions). */
function suggestionCount(): number {
  const stored = Number(localStorage.getItem(COUNT_KEY))
  return Number.isInteger(stored) && stored >= 1 && stored <= 50 ? stored : DEFAULT_SUGGESTIONS
}

export function Suggestions({ documentId }: { documentId: string }) {
  const desk = useDesk()
  const claims = useValue(desk.claims)
  const version = useValue(desk.suggestionsVersion)
  const suggestions = useValue(desk.suggestions)
  const [count, setCount] = useState(suggestionCount)
  const [error, setError] = useState<string | null>(null)
  const list = useRef<HTMLOListElement>(null)
  // Where focus was in the list, so it stays there when the list changes under it.
  const focusedIndex = useRef(0)

  // The list (and the article's marks) belong to this document: gone with it.
  useEffect(
    () => () => {
      desk.suggestions.set([])
      desk.suggestion.set(null)
    },
    [desk, documentId]
  )
  useEffect(() => {
    let current = true
    desk.api.listSuggestions({ documentId, limit: count }).then(
      (found) => {
        if (!current) return
        desk.suggestions.set(found)
        setError(null)
      },
      (problem) => current && setError(errorMessage(problem))
    )
    return () => {
      current = false
    }
  }, [desk, documentId, count, claims, version])

  const focusItem = useCallback((index: number) => {
    const items = list.current?.querySelectorAll<HTMLElement>('[data-suggestion]')
    if (items?.length) items[Math.max(0, Math.min(index, items.length - 1))]!.focus()
  }, [])
  useEffect(() => desk.registerFocus('suggestions', () => focusItem(focusedIndex.current)), [desk, focusItem])
  // An accepted or dismissed suggestion leaves the list: focus stays at its place, not on the page body.
  useEffect(() => {
    const active = document.activeElement
    if (!active || active === document.body || list.current?.contains(active)) focusItem(focusedIndex.current)
  }, [suggestions, focusItem])

  const onKeyDown = (event: KeyboardEvent, suggestion: Suggestion, index: number) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return
    if (event.key === 'Enter') void acceptSuggestion(desk, suggestion)
    else if (event.key === 'ArrowDown') focusItem(index + 1)
    else if (event.key === 'ArrowUp') focusItem(index - 1)
    else return
    event.preventDefault()
  }
  const onFocus = (suggestion: Suggestion, index: number) => {
    focusedIndex.current = index
    desk.suggestion.set(suggestion)
  }
  const changeCount = (value: number) => {
    const next = Math.max(1, Math.min(50, Math.round(value) || DEFAULT_SUGGESTIONS))
    localStorage.setItem(COUNT_KEY, String(next))
    setCount(next)
  }

  return (
    <section className="suggestions" aria-label="Suggestions">
      <header className="suggestions-header">
        <h3>Suggestions</h3>
        <label>
          Show{' '}
          <input type="number" min={1} max={50} value={count} onChange={(e) => changeCount(e.currentTarget.valueAsNumber)} aria-label="How many suggestions to show" />
        </label>
      </header>
      <p className="muted suggestions-help">Sentences most worth checking. On one: A accepts, X dismisses.</p>
      {error && <p role="alert">{error}</p>}
      {suggestions.length === 0 && !error && <p className="muted">No more suggestions in this document.</p>}
      <ol ref={list} className="suggestion-list">
        {suggestions.map((s, index) => (
          <li key={`${s.start}:${s.end}`} className="suggestion-item">
            <div
              data-suggestion
              tabIndex={0}
              role="button"
              className="suggestion-text"
              dir="auto"
              aria-keyshortcuts="A X"
              aria-label={`Suggestion, score ${Math.round(s.score * 100)}: ${s.text}. A accepts, X dismisses.`}
              onKeyDown={(e) => onKeyDown(e, s, index)}
              onFocus={() => onFocus(s, index)}
              onBlur={() => desk.suggestion.set(null)}
              onClick={() => onFocus(s, index)}
            >
              <span className="suggestion-score">{Math.round(s.score * 100)}</span> {s.text}
            </div>
            <div className="suggestion-actions">
              <button type="button" onClick={() => void acceptSuggestion(desk, s)} title="Mark it as a claim (A)">
                Accept
              </button>
              <button type="button" onClick={() => void dismissSuggestion(desk, s)} title="Stop suggesting it here (X)">
                Dismiss
              </button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  )
}
