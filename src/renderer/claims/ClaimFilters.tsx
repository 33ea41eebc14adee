/** The claims pane's filters: status, tag, text. */
import { statuses, statusStyles, type Status } from '../../shared/status'
import type { ClaimFilter } from './filter'

interface Props {
  filter: ClaimFilter
  tags: readonly string[]
  onChange(filter: ClaimFilter): void
}

export function ClaimFilters({ filter, tags, onChange }: Props) {
  return (
    <div className="claim-filters" role="search" aria-label="Filter claims">
      <input
        type="search"
        aria-label="Filter claims by text"
        placeholder="Filter…"
        value={filter.text}
        onChange={(e) => onChange({ ...filter, text: e.target.value })}
      />
      <select aria-label="Filter by status" value={filter.status} onChange={(e) => onChange({ ...filter, status: e.target.value as Status | '' })}>
        <option value="">All statuses</option>
        {statuses.map((status) => (
          <option key={status} value={status}>
            {statusStyles[status].icon} {statusStyles[status].label}
          </option>
        ))}
      </select>
      <select aria-label="Filter by tag" value={filter.tag} onChange={(e) => onChange({ ...filter, tag: e.target.value })}>
        <option value="">All tags</option>
        {tags.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </select>
    </div>
  )
}
