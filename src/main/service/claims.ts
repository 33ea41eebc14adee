/** Claims: spans of a document's text that an analyst checks. */
import { FactmarkError } from '../../shared/errors'
import type { Claim } from '../../shared/model'
import { quoteSelector, splitsSurrogatePair, trimSpan, type TextPositionSelector } from '../../shared/selector'
import type { Status } from '../../shared/status'
import type { ServiceContext } from './context'
import { requireDocument } from './documents'
import { recordHistory } from './history'

interface ClaimRow {
  id: string
  document_id: string
  exact: string
  prefix: string
  suffix: string
  start_offset: number
  end_offset: number
  status: Status
  claimant: string | null
  orphaned: number
  rationale: string
  created_by: string | null
  created_at: string
  updated_at: string
  number: number
  approved_status: Status | null
  approved_by: string | null
  approved_at: string | null
  tags: string | null
  note_count: number
  source_count: number
}

const SELECT_CLAIMS = `
  SELECT c.*, (SELECT json_group_array(tag) FROM (SELECT tag FROM claim_tags t WHERE t.claim_id = c.id ORDER BY tag)) AS tags,
    (SELECT count(*) FROM notes n WHERE n.claim_id = c.id) AS note_count,
    (SELECT count(*) FROM sources s WHERE s.claim_id = c.id) AS source_count
  FROM claims c`

function toClaim(row: ClaimRow): Claim {
  return {
    id: row.id,
    documentId: row.document_id,
    number: row.number,
    quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    position: { start: row.start_offset, end: row.end_offset },
    status: row.status,
    claimant: row.claimant,
    tags: row.tags ? (JSON.parse(row.tags) as string[]) : [],
    orphaned: row.orphaned === 1,
    rationale: row.rationale,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    noteCount: row.note_count,
    sourceCount: row.source_count,
    approval: row.approved_status && row.approved_by && row.approved_at
      ? { status: row.approved_status, by: row.approved_by, at: row.approved_at }
      : null
  }
}

export function listClaims(context: ServiceContext, documentId: string): Claim[] {
  requireDocument(context, documentId)
  const rows = context.db
    .prepare(`${SELECT_CLAIMS} WHERE c.document_id = ? ORDER BY c.start_offset, c.end_offset, c.created_at`)
    .all(documentId) as ClaimRow[]
  return rows.map(toClaim)
}

export function getClaim(context: ServiceContext, claimId: string): Claim {
  const row = context.db.prepare(`${SELECT_CLAIMS} WHERE c.id = ?`).get(claimId) as ClaimRow | undefined
  if (!row) throw new FactmarkError('not_found', `There is no claim with id ${claimId}.`)
  return toClaim(row)
}

/** Marks a claim; `origin` adds to its `created` history row (e.g. the suggestion it came from). */
export function createClaim(
  context: ServiceContext,
  input: { documentId: string; start: number; end: number },
  origin: Record<string, unknown> = {}
): Claim {
  const { text } = requireDocument(context, input.documentId)
  const span = claimSpan(text, input)
  const quote = quoteSelector(text, span)
  const id = context.newId()
  const at = context.now()
  context.db
    .prepare(
      `INSERT INTO claims (id, document_id, exact, prefix, suffix, start_offset, end_offset, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(id, input.documentId, quote.exact, quote.prefix, quote.suffix, span.start, span.end, context.author(), at, at)
  recordHistory(context, { id, documentId: input.documentId }, 'created', { start: span.start, end: span.end, exact: quote.exact, ...origin })
  return getClaim(context, id)
}

/** The span a selection makes a claim of, trimmed of white space; throws when it cannot be one. */
export function claimSpan(text: string, selection: TextPositionSelector): TextPositionSelector {
  if (selection.end > text.length) {
    throw new FactmarkError(
      'invalid_input',
      `The selection ${selection.start}–${selection.end} falls outside the document, which is ${text.length} characters long.`
    )
  }
  if (selection.start >= selection.end) {
    throw new FactmarkError('invalid_input', `The selection is empty: start (${selection.start}) must be before end (${selection.end}).`)
  }
  if (splitsSurrogatePair(text, selection.start) || splitsSurrogatePair(text, selection.end)) {
    throw new FactmarkError('invalid_input', 'The selection cuts a character in half.')
  }
  const span = trimSpan(text, selection)
  if (!span) throw new FactmarkError('invalid_input', 'The selection holds only white space.')
  return span
}
