/**
 * The verdict as a row of radio chips: colour, icon and label, and its key.
 * Arrowing through the chips shows each at once but records only the verdict
 * the analyst settles on (after a pause, on leaving the group, or on Enter),
 * so passing over "False" on the way to "Misleading" writes no history.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { statuses, statusStyles, type Status } from '../../shared/status'

const SETTLE_MS = 700

export function StatusPicker({ value, onChange }: { value: Status; onChange(status: Status): void }) {
  const [shown, setShown] = useState(value)
  const timer = useRef<number | undefined>(undefined)
  const pending = useRef<Status | null>(null)
  useEffect(() => setShown(value), [value])

  const commit = () => {
    window.clearTimeout(timer.current)
    const status = pending.current
    pending.current = null
    if (status && status !== value) onChange(status)
  }
  // A change left pending when the card closes is still recorded.
  const latest = useRef(commit)
  latest.current = commit
  useEffect(() => () => latest.current(), [])

  const choose = (status: Status, settled: boolean) => {
    setShown(status)
    pending.current = status
    window.clearTimeout(timer.current)
    if (settled) commit()
    else timer.current = window.setTimeout(commit, SETTLE_MS)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault()
      commit()
    }
  }

  return (
    <fieldset
      className="status-picker"
      role="radiogroup"
      aria-label="Verdict"
      onBlur={(event) => !event.currentTarget.contains(event.relatedTarget as Node | null) && commit()}
      onKeyDown={onKeyDown}
    >
      <legend>Verdict</legend>
      {statuses.map((status, i) => (
        <label key={status} className={`status-chip claim--${status}`} title={`${statusStyles[status].label} (key ${i + 1})`}>
          <input
            type="radio"
            name="claim-status"
            checked={shown === status}
            // A click is a choice made; arrow keys pass over chips until the analyst stops.
            onChange={() => choose(status, false)}
            onClick={(event) => event.detail > 0 && choose(status, true)}
          />
          <span aria-hidden="true">{statusStyles[status].icon}</span> {statusStyles[status].label}
          <kbd aria-hidden="true">{i + 1}</kbd>
        </label>
      ))}
    </fieldset>
  )
}
