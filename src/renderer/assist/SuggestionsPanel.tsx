/**
 * Suggestions in the claims pane: the document's sentences most worth
 * checking, best first. On a focused suggestion, A (or Enter) accepts it —
 * it becomes a claim whose history records the score — and X dismisses it
 * for this document; ↑/↓ move between them. The analyst sets how many show.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { ApiClient } from '../../shared/api'
import type { Claim, Suggestion } from '../../shared/model'
import { errorMessage } from '../api/client'

const COUNT_KEY = 'factmark-suggestion-count'
export const DEFAULT_SUGGESTIONS = 5

/** How many suggestions the analyst chose to see (kept across sessions). */
export function suggestionCount(): number {
  const stored = Number(localStorage.getItem(COUNT_KEY))
  return Number.isInteger(stored) && stored >= 0 && stored <= 50 ? stored || DEFAULT_SUGGESTIONS : DEFAULT_SUGGESTIONS
}

interface Props {
  api: ApiClient
  documentId: string
  /** Changes when the document's claims change, to list again. */
  claimsKey?: unknown
  onAccepted(claim: Claim): void
  /** The suggestions on show, for the article's faint marks. */
  onShown?(suggestions: readonly Suggestion[]): void
  /** Scrolls the article to a suggestion. */
  onFocusSuggestion?(suggestion: Suggestion): void
}

export function SuggestionsPanel({ api, documentId, claimsKey, onAccepted, onShown, onFocusSuggestion }: Props) {
  const [count, setCount] = useState(suggestionCount)
  const [suggestions, setSuggestions] = useState<Suggestion[]>([])
  const [error, setError] = useState<string | null>(null)
  const list = useRef<HTMLOListElement>(null)

  const load = useCallback(
    () =>
      api.listSuggestions({ documentId, limit: count }).then(
        (found) => {
          setSuggestions(found)
          setError(null)
          onShown?.(found)
        },
        (problem) => setError(errorMessage(problem))
      ),
    [api, documentId, count, onShown]
  )
  useEffect(() => {
    void load()
  }, [load, claimsKey])

  const focusItem = (index: number) => {
    const items = list.current?.querySelectorAll<HTMLElement>('[data-suggestion]')
    items?.[Math.max(0, Math.min(index, items.length - 1))]?.focus()
  }
  const act = async (suggestion: Suggestion, index: number, accept: boolean) => {
    try {
      const span = { documentId, start: suggestion.start, end: suggestion.end }
      if (accept) onAccepted(await api.acceptSuggestion(span))
      else await api.dismissSuggestion(span)
      await load()
      focusItem(index)
    } catch (problem) {
      setError(errorMessage(problem))
    }
  }
  const onKeyDown = (event: KeyboardEvent, suggestion: Suggestion, index: number) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return
    const key = event.key.toLowerCase()
    if (key === 'a' || key === 'enter') void act(suggestion, index, true)
    else if (key === 'x') void act(suggestion, index, false)
    else if (key === 'arrowdown') focusItem(index + 1)
    else if (key === 'arrowup') focusItem(index - 1)
    else return
    event.preventDefault()
    event.stopPropagation()
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
              aria-label={`Suggestion, score ${Math.round(s.score * 100)}: ${s.text}. A accepts, X dismisses.`}
              onKeyDown={(e) => onKeyDown(e, s, index)}
              onFocus={() => onFocusSuggestion?.(s)}
              onClick={() => onFocusSuggestion?.(s)}
            >
              <span className="suggestion-score">{Math.round(s.score * 100)}</span> {s.text}
            </div>
            <div className="suggestion-actions">
              <button type="button" onClick={() => void act(s, index, true)} title="Mark it as a claim (A)">
                Accept
              </button>
              <button type="button" onClick={() => void act(s, index, false)} title="Stop suggesting it here (X)">
                Dismiss
              </button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  )
}
