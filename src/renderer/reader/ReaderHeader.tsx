/** The open document's title, its details, and the toolbar of commands. */
import type { ArticleDocument } from '../../shared/model'
import { Toolbar } from '../commands/Toolbar'
import { formatDate } from '../format/time'

export function ReaderHeader({ document }: { document: ArticleDocument }) {
  const meta = [
    document.publisher,
    document.author,
    document.publishedAt && `published ${formatDate(document.publishedAt)}`,
    `imported ${formatDate(document.importedAt)}`
  ].filter(Boolean)
  return (
    <div className="reader-head">
      <div className="reader-title">
        <h2 dir="auto" lang={document.language ?? undefined}>
          {document.title}
        </h2>
        <span className="reader-meta">{meta.join(' · ')}</span>
      </div>
      <Toolbar />
    </div>
  )
}
