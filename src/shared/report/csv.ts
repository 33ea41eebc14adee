/**
 * The claims as CSV (RFC 4180, CRLF line ends), one row per claim, for a
 * spreadsheet. It starts with a UTF-8 byte order mark so spreadsheet programs
 * read non-Latin text correctly. Positions count code points, as the W3C
 * export does; `verdict` is the stable code, `verdict_label` the desk's
 * public label. A data output: it carries everything, the rationale and every
 * note (internal ones too, each marked) included.
 */
import { reportClaims, scaleOf, type ReportData } from './data'
import { offsetConverter } from './codepoints'
import { csvField } from './escape'

const COLUMNS = ['claim', 'quote', 'verdict', 'verdict_label', 'rationale', 'claimant', 'tags', 'note_count', 'notes', 'sources', 'start', 'end', 'orphaned']

export function renderCsv(data: ReportData): string {
  const offsets = offsetConverter(data.document.text)
  const scale = scaleOf(data)
  const rows = reportClaims(data).map(({ number, claim, notes, sources }) => [
    number,
    claim.quote.exact,
    claim.status,
    scale[claim.status].label,
    claim.rationale,
    claim.claimant ?? '',
    claim.tags.join('; '),
    notes.length,
    notes.map((n) => `${n.author}${n.public ? ' (public)' : ' (internal)'}: ${n.body}`).join('\n\n'),
    sources.map((s) => `${s.stance}: ${s.url}`).join('\n'),
    offsets.toCodePoints(claim.position.start),
    offsets.toCodePoints(claim.position.end),
    claim.orphaned ? 'yes' : 'no'
  ])
  return '\uFEFF' + [COLUMNS, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('')
}
