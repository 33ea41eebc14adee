/**
 * Full-text search over every document's text, claim quotes, notes and
 * sources (migration 0002: FTS5 with the trigram tokenizer, which matches any
 * substring of three or more characters, CJK included). Shorter searches —
 * a two-character Chinese word — fall back to LIKE over the same rows.
 */
import { foldWhitespace } from '../../shared/article'
import type { SearchHit } from '../../shared/model'
import type { ServiceContext } from './context'

interface HitRow {
  kind: SearchHit['kind']
  document_id: string
  claim_id: string | null
  body: string
  title: string
}

const SELECT_HITS = `SELECT i.kind, i.document_id, i.claim_id, i.body, d.title
  FROM search_items i JOIN documents d ON d.id = i.document_id`

/** The words of a search as one FTS5 phrase, so operators and quotes in it are only text. */
export function ftsPhrase(query: string): string {
  return `"${query.replace(/"/g, '""')}"`
}

export function search({ db }: ServiceContext, input: { query: string; limit?: number }): SearchHit[] {
  const query = input.query
  const limit = input.limit ?? 50
  const rows =
    [...query].length >= 3
      ? (db
          .prepare(
            `${SELECT_HITS} JOIN (SELECT rowid, rank FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?) m
             ON m.rowid = i.id ORDER BY m.rank`
          )
          .all(ftsPhrase(query), limit) as HitRow[])
      : (db
          .prepare(`${SELECT_HITS} WHERE i.body LIKE ? ESCAPE '\\' ORDER BY i.kind = 'document', i.id LIMIT ?`)
          .all(`%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit) as HitRow[])
  return rows.map((row) => {
    const found = snippetAround(row.body, query)
    return {
      kind: row.kind,
      documentId: row.document_id,
      documentTitle: row.title,
      claimId: row.claim_id,
      snippet: found.snippet,
      offset: row.kind === 'document' ? found.offset : null
    }
  })
}

/** The first case-insensitive match of `query` in `body`, with up to `radius` characters either side. */
export function snippetAround(body: string, query: string, radius = 60): { snippet: SearchHit['snippet']; offset: number | null } {
  const match = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu').exec(body)
  if (!match) return { snippet: { before: '', match: '', after: foldWhitespace(body.slice(0, radius * 2)) }, offset: null }
  const start = match.index
  const end = start + match[0].length
  const from = Math.max(0, start - radius)
  const to = Math.min(body.length, end + radius)
  return {
    snippet: {
      before: (from > 0 ? '…' : '') + foldWhitespace(body.slice(from, start)).trimStart(),
      match: foldWhitespace(match[0]),
      after: foldWhitespace(body.slice(end, to)).trimEnd() + (to < body.length ? '…' : '')
    },
    offset: start
  }
}
