/** The middle of the window: the open article with its header, or a welcome. */
import { NoticeBar } from '../app/NoticeBar'
import { ArticleView } from '../article/ArticleView'
import { reattach } from '../claims/actions'
import { OrphanList } from '../claims/OrphanList'
import { useDesk } from '../desk/context'
import { useValue } from '../desk/value'
import { ReaderHeader } from './ReaderHeader'

export function Reader() {
  const desk = useDesk()
  const document = useValue(desk.document)
  const claims = useValue(desk.claims)
  return (
    <main className="reader" aria-label="Article">
      {document ? (
        <>
          <ReaderHeader document={document} />
          <NoticeBar />
          <OrphanList claims={claims} onReattach={(id) => void reattach(desk, id)} />
          <div className="reader-scroll">
            <ArticleView document={document} />
          </div>
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
