/**
 * Prior fact-checks: a button in the library pane opening a dialog that
 * imports ClaimReview feeds (listing each rejected item with its reason) and
 * lists and searches every prior fact-check. Feed text is shown as text; links
 * open outside the app, http(s) only.
 */
import { useEffect, useState } from 'react'
import type { ApiClient } from '../../shared/api'
import { isWebLink } from '../../shared/fields'
import type { FeedImportResult, PriorFactCheck } from '../../shared/model'
import { errorMessage } from '../api/client'
import { useModal } from '../dialog/useModal'
import { useTask } from '../dialog/useTask'

interface Props {
  api: ApiClient
  /** After an import: cards showing matches look again. */
  onImported?(): void
}

const PAGE = 50

export function PriorFactChecks({ api, onImported }: Props) {
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const [page, setPage] = useState<{ total: number; items: PriorFactCheck[] } | null>(null)
  const [imported, setImported] = useState<FeedImportResult | null>(null)
  const [version, setVersion] = useState(0)
  const { busy, error, setError, run } = useTask()

  const dialog = useModal(open, () => {
    setImported(null)
    setError(null)
  })

  useEffect(() => {
    if (!open) return
    let current = true
    const q = query.trim()
    api.listPriorFactChecks({ ...(q && { query: q }), limit: PAGE }).then(
      (found) => current && setPage(found),
      (problem) => current && setError(errorMessage(problem))
    )
    return () => {
      current = false
    }
  }, [api, open, query, version, setError])

  const importFeed = (file: File) =>
    run(async () => {
      const result = await api.importFactChecks({ fileName: file.name, text: await file.text() })
      setImported(result)
      setVersion((v) => v + 1)
      onImported?.()
    })

  return (
    <>
      <button type="button" className="link prior-button" onClick={() => setOpen(true)}>
        Prior fact-checks…
      </button>
      <dialog ref={dialog} className="import-dialog prior-dialog" aria-labelledby="prior-title" onClose={() => setOpen(false)}>
        <h2 id="prior-title">Prior fact-checks</h2>
        <p className="hint">Fact-checks published elsewhere, from ClaimReview feeds. A claim's card shows the closest ones.</p>
        <label className="prior-import">
          Import a ClaimReview feed (.jsonld, .json){' '}
          <input
            type="file"
            accept=".jsonld,.json,application/ld+json,application/json"
            disabled={busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0]
              if (file) void importFeed(file)
              e.currentTarget.value = ''
            }}
          />
        </label>
        {busy && (
          <p className="import-progress" role="status">
            <progress aria-label="Importing the feed" /> Importing… a large feed can take a while.
          </p>
        )}
        {error && <p role="alert">{error}</p>}
        {imported && !busy && (
          <div role="status" className="prior-imported">
            <p>
              Imported {imported.imported}, refreshed {imported.updated}, left out {imported.rejected.length}.
            </p>
            {imported.rejected.length > 0 && (
              <ul className="prior-rejected" aria-label="Items left out">
                {imported.rejected.slice(0, 100).map((r) => (
                  <li key={r.item}>
                    Item {r.item + 1}: {r.reason}
                  </li>
                ))}
                {imported.rejected.length > 100 && <li>…and {imported.rejected.length - 100} more.</li>}
              </ul>
            )}
          </div>
        )}
        <input
          type="search"
          placeholder="Search prior fact-checks"
          aria-label="Search prior fact-checks"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
        {page && (
          <p className="hint" aria-live="polite">
            {page.total === 0 ? 'None.' : page.total > page.items.length ? `The first ${page.items.length} of ${page.total}.` : `${page.total}.`}
          </p>
        )}
        <ul className="prior-list prior-all" aria-label="All prior fact-checks">
          {page?.items.map((p) => (
            <li key={p.id} className="prior-item">
              <span className="prior-rating">{p.rating ?? 'No rating'}</span>
              <span className="prior-claim" dir="auto">
                {isWebLink(p.url) ? (
                  <a href={p.url} target="_blank" rel="noopener noreferrer">
                    {p.claimReviewed}
                  </a>
                ) : (
                  p.claimReviewed
                )}
              </span>
              <span className="prior-source muted" dir="auto">
                {[p.publisher, p.claimant && `claimed by ${p.claimant}`, p.reviewedAt?.slice(0, 10), p.language].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
        <div className="dialog-actions">
          <button type="button" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      </dialog>
    </>
  )
}
