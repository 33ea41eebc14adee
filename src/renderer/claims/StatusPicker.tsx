/** The verdict as a row of radio chips: colour, icon and label, and a digit shortcut each. */
import { statuses, statusStyles, type Status } from '../../shared/status'

export function StatusPicker({ value, onChange }: { value: Status; onChange(status: Status): void }) {
  return (
    <fieldset className="status-picker" role="radiogroup" aria-label="Status">
      <legend>Status</legend>
      {statuses.map((status, i) => (
        <label key={status} className={`status-chip claim--${status}`} title={`${statusStyles[status].label} (key ${i + 1})`}>
          <input type="radio" name="claim-status" checked={value === status} onChange={() => onChange(status)} />
          <span aria-hidden="true">{statusStyles[status].icon}</span> {statusStyles[status].label}
          <kbd aria-hidden="true">{i + 1}</kbd>
        </label>
      ))}
    </fieldset>
  )
}
