/** The middle of the window: the open article with its header, or a welcome. */
import { NoticeBar } from '../app/NoticeBar'
import { ArticleView } from '../article/ArticleView'
import { reattach } from '../claims/actions'
import { OrphanList } from '../claims/OrphanList'
import { useDesk } from '../desk/context'
import { useValue } from '../desk/value'
import { HighlightMenu } from '../commands/HighlightMenu'
import { Splitter } from '../layout/Splitter'
import { ReaderHeader } from './ReaderHeader'

export function Reader() {
  const desk = useDesk()
  const document = useValue(desk.document)
  const claims = useValue(desk.claims)
  return (
    <main className="reader" aria-label="Article">
      {/* The panes' edges, on the reader's sides (inside a landmark; they stay when a pane is hidden). */}
      <Splitter pane="library" label="Resize the library (Enter hides or shows it)" direction={1} orientation="vertical" />
      <Splitter pane="claims" label="Resize the claims pane (Enter hides or shows it)" direction={-1} orientation="vertical" />
      {document ? (
        <>
          <ReaderHeader document={document} />
          <NoticeBar />
          <OrphanList claims={claims} onReattach={(id) => void reattach(desk, id)} />
          <div className="reader-scroll">
            <ArticleView document={document} />
          </div>
          <HighlightMenu />
        </>
      ) : (
        <div className="welcome">
          <h2>Open an article to check it</h2>
          <p>Import a news article, double-click each sentence that makes a claim, and mark it. Every claim stays on its words.</p>
          <NoticeBar />
        </div>
      )}
    </main>
  )
}
