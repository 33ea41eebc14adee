/**
 * One search box over every document: text, claim quotes, notes and source
 * excerpts. Results show where the words are; choosing one opens the
 * document at the hit.
 */
import { useEffect, useRef, useState, type Ref } from 'react'
import type { ApiClient } from '../../shared/api'
import { fieldLimits } from '../../shared/fields'
import type { SearchHit } from '../../shared/model'
import { errorMessage } from '../api/client'

const kindLabels: Record<SearchHit['kind'], string> = { document: 'Text', claim: 'Claim', note: 'Note', source: 'Source' }

interface Props {
  api: ApiClient
  onOpen(hit: SearchHit, query: string): void
  inputRef?: Ref<HTMLInputElement>
}

export function SearchBox({ api, onOpen, inputRef }: Props) {
  const [query, setQuery] = useState('')
  const [hits, setHits] = useState<SearchHit[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const asked = useRef(0)

  useEffect(() => {
    const text = query.trim()
    if (!text) {
      setHits(null)
      setError(null)
      return
    }
    const ticket = ++asked.current
    const timer = setTimeout(() => {
      api.search({ query: text }).then(
        (found) => ticket === asked.current && (setHits(found), setError(null)),
        (problem) => ticket === asked.current && setError(errorMessage(problem))
      )
    }, 150)
    return () => clearTimeout(timer)
  }, [api, query])

  const close = () => {
    setQuery('')
    setHits(null)
  }

  const choose = (hit: SearchHit) => {
    onOpen(hit, query.trim())
    close()
  }

  return (
    <div className="search" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <input
        ref={inputRef}
        type="search"
        aria-label="Search all documents"
        aria-keyshortcuts="Control+K"
        placeholder="Search all documents (Ctrl+K)"
        value={query}
        maxLength={fieldLimits.searchLength}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && hits?.[0] && choose(hits[0])}
      />
      {(hits || error) && (
        <section className="search-results" aria-label="Search results">
          {error && <p className="error" role="alert">{error}</p>}
          {hits && hits.length === 0 && <p className="empty">Nothing found for “{query.trim()}”.</p>}
          {hits && hits.length > 0 && (
            <ul>
              {hits.map((hit, i) => (
                <li key={i}>
                  <button
                    type="button"
                    className="search-hit"
                    onClick={() => choose(hit)}
                  >
                    <span className="hit-where">
                      <span className="hit-kind">{kindLabels[hit.kind]}</span> {hit.documentTitle}
                    </span>
                    <span className="hit-snippet">
                      {hit.snippet.before}
                      <mark>{hit.snippet.match}</mark>
                      {hit.snippet.after}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  )
}
