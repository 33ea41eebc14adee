/** The library: every imported document, sorted and filtered as the analyst asks, and the Import action. */
import { useState, type ReactNode } from 'react'
import { StatusBar } from '../claims/StatusBar'
import { commandById } from '../commands'
import { CommandButton } from '../commands/CommandButton'
import { useDesk } from '../desk/context'
import { useValue } from '../desk/value'
import { formatDate } from '../format/time'
import { arrangeLibrary, openClaims, openDocument, type LibrarySort } from './library'

const SORT = 'factmark-library-sort'

export function LibraryPane({ children }: { children?: ReactNode }) {
  const desk = useDesk()
  const documents = useValue(desk.documents)
  const openId = useValue(desk.document)?.id ?? null
  const [sort, setSort] = useState<LibrarySort>(() => (localStorage.getItem(SORT) as LibrarySort | null) ?? 'recent')
  const [query, setQuery] = useState('')
  const shown = arrangeLibrary(documents, sort, query)
  return (
    <nav className="pane library" aria-label="Library">
      <div className="pane-header">
        <h2>Library</h2>
        <CommandButton command={commandById('app.import')} />
      </div>
      {documents.length === 0 ? (
        <p className="empty">No articles yet. Import one to start checking its claims.</p>
      ) : (
        <>
          <div className="library-tools">
            <input
              type="search"
              aria-label="Filter documents by title or publisher"
              placeholder="Filter by title or publisher"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
            <select
              aria-label="Sort documents"
              value={sort}
              onChange={(event) => {
                setSort(event.target.value as LibrarySort)
                localStorage.setItem(SORT, event.target.value)
              }}
            >
              <option value="recent">Recent first</option>
              <option value="title">By title</option>
              <option value="open">Most open claims</option>
            </select>
          </div>
          <ul className="document-list">
            {shown.map((doc) => (
              <li key={doc.id}>
                <button
                  type="button"
                  className="document-item"
                  aria-current={doc.id === openId ? 'true' : undefined}
                  onClick={() => void openDocument(desk, doc.id)}
                >
                  <span className="document-title">{doc.title}</span>
                  <span className="document-meta">
                    {[doc.publisher, formatDate(doc.importedAt), doc.claimCount === 1 ? '1 claim' : `${doc.claimCount} claims`, openClaims(doc) > 0 && `${openClaims(doc)} open`]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  <StatusBar counts={doc.statusCounts} />
                </button>
              </li>
            ))}
            {shown.length === 0 && <li className="empty">No document matches “{query}”.</li>}
          </ul>
        </>
      )}
      <div className="library-footer">{children}</div>
    </nav>
  )
}
