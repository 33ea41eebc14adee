/** The library: every imported document, and the Import action. */
import type { ReactNode } from 'react'
import type { DocumentSummary } from '../../shared/model'
import { StatusBar } from '../claims/StatusBar'

interface Props {
  documents: readonly DocumentSummary[]
  openId: string | null
  onOpen(documentId: string): void
  onImport(): void
  /** Library-wide actions shown under the list (backups). */
  children?: ReactNode
}

export function LibraryPane({ documents, openId, onOpen, onImport, children }: Props) {
  return (
    <nav className="pane library" aria-label="Library">
      <div className="pane-header">
        <h2>Library</h2>
        <button type="button" className="primary" onClick={onImport} aria-keyshortcuts="Control+O">
          Import…
        </button>
      </div>
      {documents.length === 0 ? (
        <p className="empty">No articles yet. Import one to start checking its claims.</p>
      ) : (
        <ul className="document-list">
          {documents.map((doc) => (
            <li key={doc.id}>
              <button
                type="button"
                className="document-item"
                aria-current={doc.id === openId ? 'true' : undefined}
                onClick={() => onOpen(doc.id)}
              >
                <span className="document-title">{doc.title}</span>
                <span className="document-meta">
                  {doc.publisher ? `${doc.publisher} · ` : ''}
                  {doc.claimCount === 1 ? '1 claim' : `${doc.claimCount} claims`}
                </span>
                <StatusBar counts={doc.statusCounts} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="library-footer">{children}</div>
    </nav>
  )
}
