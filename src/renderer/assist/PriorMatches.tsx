/**
 * "Checked before?" on a claim's card: the closest prior fact-checks (from
 * imported ClaimReview feeds) and the library's own claims that already have
 * a verdict, each with its rating, how close it is, and a link. Everything
 * from a feed is shown as text; a link opens outside the app, and only when
 * it is an http(s) address.
 */
import { useEffect, useState } from 'react'
import type { ApiClient } from '../../shared/api'
import { isWebLink } from '../../shared/fields'
import type { ClaimMatches } from '../../shared/model'
import { errorMessage } from '../api/client'
import { StatusBadge } from '../claims/StatusBadge'

interface Props {
  api: ApiClient
  claimId: string
  /** Changes when the claim or the library changes, to look again. */
  refreshKey?: unknown
  /** Opens one of the library's own claims. */
  onOpenClaim?(documentId: string, claimId: string): void
}

const percent = (score: number) => `${Math.round(score * 100)}%`

export function PriorMatches({ api, claimId, refreshKey, onOpenClaim }: Props) {
  const [matches, setMatches] = useState<ClaimMatches | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let current = true
    api.claimMatches({ claimId, limit: 3 }).then(
      (found) => current && (setMatches(found), setError(null)),
      (problem) => current && setError(errorMessage(problem))
    )
    return () => {
      current = false
    }
  }, [api, claimId, refreshKey])

  return (
    <section className="prior-matches" aria-label="Checked before">
      <h3>Checked before</h3>
      {error && <p role="alert">{error}</p>}
      {matches && matches.priorFactChecks.length === 0 && matches.verdictedClaims.length === 0 && (
        <p className="muted">No close prior fact-check or verdicted claim.</p>
      )}
      {matches && matches.priorFactChecks.length > 0 && (
        <ul className="prior-list" aria-label="Prior fact-checks">
          {matches.priorFactChecks.map((m) => (
            <li key={m.id} className="prior-item">
              <span className="prior-rating">{m.rating ?? 'No rating'}</span>
              <span className="prior-score" title="How close it is to this claim">
                {percent(m.score)}
              </span>
              <span className="prior-claim" dir="auto">
                {isWebLink(m.url) ? (
                  <a href={m.url} target="_blank" rel="noopener noreferrer">
                    {m.claimReviewed}
                  </a>
                ) : (
                  m.claimReviewed
                )}
              </span>
              <span className="prior-source muted">{[m.publisher, m.reviewedAt?.slice(0, 10)].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
      {matches && matches.verdictedClaims.length > 0 && (
        <ul className="prior-list" aria-label="Verdicted claims in this library">
          {matches.verdictedClaims.map((m) => (
            <li key={m.claimId} className="prior-item">
              <StatusBadge status={m.status} />
              <span className="prior-score" title="How close it is to this claim">
                {percent(m.score)}
              </span>
              <span className="prior-claim" dir="auto">
                {onOpenClaim ? (
                  <button type="button" className="link-button" onClick={() => onOpenClaim(m.documentId, m.claimId)}>
                    {m.quote}
                  </button>
                ) : (
                  m.quote
                )}
              </span>
              <span className="prior-source muted" dir="auto">
                {m.documentTitle}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
