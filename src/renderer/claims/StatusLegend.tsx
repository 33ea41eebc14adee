/** The verdict legend: each colour with its icon and name. */
import { statuses } from '../../shared/status'
import { StatusBadge } from './StatusBadge'

export function StatusLegend() {
  return (
    <ul className="legend" aria-label="Verdict legend">
      {statuses.map((status) => (
        <li key={status}>
          <StatusBadge status={status} />
        </li>
      ))}
    </ul>
  )
}
