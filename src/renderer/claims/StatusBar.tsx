/** A small stacked bar of a document's verdicts. */
import { statuses, statusStyles, type Status } from '../../shared/status'

export function StatusBar({ counts }: { counts: Partial<Record<Status, number>> }) {
  const total = statuses.reduce((sum, status) => sum + (counts[status] ?? 0), 0)
  if (total === 0) return null
  const summary = statuses
    .filter((status) => counts[status])
    .map((status) => `${counts[status]} ${statusStyles[status].label.toLowerCase()}`)
    .join(', ')
  return (
    <span className="status-bar" role="img" aria-label={`Verdicts: ${summary}`}>
      {statuses
        .filter((status) => counts[status])
        .map((status) => (
          <span key={status} className={`status-bar-part claim--${status}`} style={{ flexGrow: counts[status] }} />
        ))}
    </span>
  )
}
