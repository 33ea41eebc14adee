/** A claim's history, oldest first: who changed what, and when. */
import { formatDateTime } from '../format/time'
import type { HistoryEntry } from '../../shared/model'
import { describeHistory } from './historyText'

export function HistoryList({ history }: { history: readonly HistoryEntry[] }) {
  return (
    <section className="card-section" aria-labelledby="history-heading">
      <h3 id="history-heading">History</h3>
      <ol className="history" aria-label="History">
        {history.map((entry) => (
          <li key={entry.seq}>
            <span className="history-what">{describeHistory(entry)}</span>
            <span className="history-who">
              {entry.author} · <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
            </span>
          </li>
        ))}
      </ol>
    </section>
  )
}
