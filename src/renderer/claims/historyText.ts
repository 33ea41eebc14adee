/** A history row in words, for the claim card. */
import type { HistoryEntry } from '../../shared/model'
import { isStatus, statusStyles } from '../../shared/status'

const label = (status: unknown) => (isStatus(status) ? statusStyles[status].label : String(status))
const list = (value: unknown) => (Array.isArray(value) && value.length ? value.join(', ') : 'none')
const quoted = (value: unknown, max = 80) => {
  const text = String(value ?? '')
  return `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`
}

const fieldText = (value: unknown) => (isStatus(value) ? statusStyles[value].label : (value ?? 'none'))

export function describeHistory(entry: HistoryEntry): string {
  const d = entry.detail
  switch (entry.action) {
    case 'created':
      return 'Marked as a claim'
    case 'status_changed':
      return `Status: ${label(d.from)} → ${label(d.to)}`
    case 'claimant_changed':
      return d.to ? `Claimant set to ${quoted(d.to)}` : 'Claimant cleared'
    case 'tags_changed':
      return `Tags: ${list(d.to)}`
    case 'note_added':
      return `Note added: ${quoted(d.body)}`
    case 'note_edited':
      return `Note edited (was ${quoted(d.from)})`
    case 'note_deleted':
      return `Note deleted: ${quoted(d.body)}`
    case 'source_added':
      return `Source added (${String(d.stance)}): ${String(d.title ?? d.url)}`
    case 'source_removed':
      return `Source removed: ${String(d.title ?? d.url)}`
    case 'reanchored':
      return 'Moved with the text'
    case 'orphaned':
      return 'Not found in the new text'
    case 'deleted':
      return d.reason === 'document deleted' ? 'Deleted with its document' : 'Claim deleted'
    case 'restored':
      return 'Claim restored'
    case 'rationale_changed':
      return d.to ? `Rationale: ${quoted(d.to)}` : 'Rationale cleared'
    case 'note_made_public':
      return 'Note made public'
    case 'note_made_internal':
      return 'Note made internal'
    case 'approved':
      return d.to ? `Approved by ${String(entry.author)}: ${label(d.to)}` : 'Approval withdrawn'
    case 'sync_conflict':
      return `Changed by ${String(d.keptBy)} while ${String(d.lostBy)} was offline: ${String(d.field)} ${quoted(fieldText(d.lost))} → ${quoted(fieldText(d.kept))}`
    case 'duplicate':
      return 'Marked on the same words as another claim'
  }
}
