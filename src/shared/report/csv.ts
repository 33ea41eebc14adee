/**
 * The claims as CSV (RFC 4180, CRLF line ends), one row per claim, for a
 * spreadsheet. It starts with a UTF-8 byte order mark so spreadsheet programs
 * read non-Latin text correctly. Positions count code points, as the W3C
 * export does; `verdict` is the stable code, `verdict_label` the word shown.
 */
import { statusStyles } from '../status'
import { reportClaims, type ReportData } from './data'
import { offsetConverter } from './codepoints'
import { csvField } from './escape'

const COLUMNS = ['claim', 'quote', 'verdict', 'verdict_label', 'claimant', 'tags', 'note_count', 'sources', 'start', 'end', 'orphaned']

export function renderCsv(data: ReportData): string {
  const offsets = offsetConverter(data.document.text)
  const rows = reportClaims(data).map(({ number, claim, notes, sources }) => [
    number,
    claim.quote.exact,
    claim.status,
    statusStyles[claim.status].label,
    claim.claimant ?? '',
    claim.tags.join('; '),
    notes.length,
    sources.map((s) => `${s.stance}: ${s.url}`).join('\n'),
    offsets.toCodePoints(claim.position.start),
    offsets.toCodePoints(claim.position.end),
    claim.orphaned ? 'yes' : 'no'
  ])
  return '\uFEFF' + [COLUMNS, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('')
}
