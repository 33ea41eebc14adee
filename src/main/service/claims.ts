/** Claims: spans of a document's text that an analyst checks. */
import { FactmarkError } from '../../shared/errors'
import type { Claim } from '../../shared/model'
import { quoteSelector, splitsSurrogatePair, trimSpan } from '../../shared/selector'
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
  created_at: string
  updated_at: string
  tags: string | null
}

const SELECT_CLAIMS = `
  SELECT c.*, (SELECT json_group_array(tag) FROM (SELECT tag FROM claim_tags t WHERE t.claim_id = c.id ORDER BY tag)) AS tags
  FROM claims c`

function toClaim(row: ClaimRow): Claim {
  return {
    id: row.id,
    documentId: row.document_id,
    quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    position: { start: row.start_offset, end: row.end_offset },
    status: row.status,
    claimant: row.claimant,
    tags: row.tags ? (JSON.parse(row.tags) as string[]) : [],
    orphaned: row.orphaned === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at
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

export function createClaim(
  context: ServiceContext,
  input: { documentId: string; start: number; end: number }
): Claim {
  const { text } = requireDocument(context, input.documentId)
  if (input.end > text.length) {
    throw new FactmarkError(
      'invalid_input',
      `The selection ${input.start}–${input.end} falls outside the document, which is ${text.length} characters long.`
    )
  }
  if (input.start >= input.end) {
    throw new FactmarkError('invalid_input', `The selection is empty: start (${input.start}) must be before end (${input.end}).`)
  }
  if (splitsSurrogatePair(text, input.start) || splitsSurrogatePair(text, input.end)) {
    throw new FactmarkError('invalid_input', 'The selection cuts a character in half.')
  }
  const span = trimSpan(text, input)
  if (!span) throw new FactmarkError('invalid_input', 'The selection holds only white space.')
  const quote = quoteSelector(text, span)
  const id = context.newId()
  const at = context.now()
  context.db
    .prepare(
      `INSERT INTO claims (id, document_id, exact, prefix, suffix, start_offset, end_offset, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(id, input.documentId, quote.exact, quote.prefix, quote.suffix, span.start, span.end, at, at)
  recordHistory(context, { id, documentId: input.documentId }, 'created', { start: span.start, end: span.end, exact: quote.exact })
  return getClaim(context, id)
}
