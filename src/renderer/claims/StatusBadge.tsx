/** A verdict shown with its colour, icon and label: never colour alone. */
import { statusStyles, type Status } from '../../shared/status'

export function StatusBadge({ status }: { status: Status }) {
  const style = statusStyles[status]
  return (
    <span className={`status-badge claim--${status}`}>
      <span aria-hidden="true">{style.icon}</span> {style.label}
    </span>
  )
}
