/**
 * Prior fact-checks: ClaimReviews published elsewhere, imported from feeds,
 * and matched against a claim's words offline (FTS5 bm25 for recall, then the
 * re-ranker in src/shared/assist/matching.ts). The library's own claims that
 * already have a verdict are matched the same way.
 */
import { parseClaimReviewFeed, type PriorFactCheckInput } from '../../shared/assist/claimReviewFeed'
import { allOf, anyOf, contentWords, indexTerms, prepareQuery, queryWords, rerankScores, type Candidate } from '../../shared/assist/matching'
import type { Database } from 'better-sqlite3'
import { FactmarkError } from '../../shared/errors'
import { RecallIndex } from '../../shared/assist/recallIndex'
import type { ClaimMatches, FeedImportResult, PriorFactCheck, PriorMatch, VerdictedClaimMatch } from '../../shared/model'
import { getClaim } from './claims'
import type { ServiceContext } from './context'

/** How many recalled candidates the re-ranker sees. */
const RECALL = 20

/**
 * Each database's recall index, with the version of its prior fact-checks it
 * was built from (migration 0014 keeps that counter, also for other
 * processes' imports). Built on the first match after a change.
 */
const indexes = new WeakMap<Database, { version: number; index: RecallIndex }>()

function recallIndex(db: Database): RecallIndex {
  const version = db.prepare('SELECT version FROM prior_fact_checks_version').pluck().get() as number
  const cached = indexes.get(db)
  if (cached?.version === version) return cached.index
  const rows = db.prepare('SELECT id, terms FROM prior_fact_checks').iterate() as Iterable<{ id: number; terms: string }>
  const index = new RecallIndex(rows)
  indexes.set(db, { version, index })
  return index
}

/** Writes a feed's valid items (in the caller's transaction); `progress` hears every 1,000 items. */
export function insertPriorFactChecks(
  context: ServiceContext,
  items: readonly PriorFactCheckInput[],
  progress?: (done: number, total: number) => void
): { imported: number; updated: number } {
  const at = context.now()
  const find = context.db.prepare('SELECT id FROM prior_fact_checks WHERE url = ? AND claim_reviewed = ?').pluck()
  const insert = context.db.prepare(
    `INSERT INTO prior_fact_checks (url, claim_reviewed, title, rating, publisher, claimant, reviewed_at, language, imported_at, terms)
     VALUES (@url, @claimReviewed, @title, @rating, @publisher, @claimant, @reviewedAt, @language, @at, @terms)`
  )
  const update = context.db.prepare(
    `UPDATE prior_fact_checks SET title = @title, rating = @rating, publisher = @publisher, claimant = @claimant,
       reviewed_at = @reviewedAt, language = @language, imported_at = @at, terms = @terms WHERE id = @id`
  )
  // New rows enter the search index in one statement at the end (migration 0014 dropped the per-row trigger): 2–3× faster for a large feed.
  const newFrom = ((context.db.prepare('SELECT max(id) FROM prior_fact_checks').pluck().get() as number | null) ?? 0) + 1
  let imported = 0
  let updated = 0
  items.forEach((item, index) => {
    const row = { ...item, at, terms: indexTerms(`${item.claimReviewed} ${item.title ?? ''}`) }
    const id = find.get(item.url, item.claimReviewed) as number | undefined
    if (id === undefined) {
      insert.run(row)
      imported++
    } else {
      update.run({ ...row, id })
      updated++
    }
    if (progress && (index + 1) % 1000 === 0) progress(index + 1, items.length)
  })
  context.db.prepare('INSERT INTO prior_fact_check_index (rowid, terms) SELECT id, terms FROM prior_fact_checks WHERE id >= ?').run(newFrom)
  progress?.(items.length, items.length)
  return { imported, updated }
}

/** Imports a ClaimReview feed's text: the valid items, and each rejected one with its reason. */
export function importFactCheckFeed(context: ServiceContext, text: string, progress?: (done: number, total: number) => void): FeedImportResult {
  let feed
  try {
    feed = parseClaimReviewFeed(text)
  } catch (error) {
    throw new FactmarkError('invalid_input', (error as Error).message)
  }
  if (feed.items.length === 0) {
    throw new FactmarkError('invalid_input', `No item of the feed could be imported: ${feed.rejected.slice(0, 3).map((r) => `item ${r.item}: ${r.reason}`).join('; ')}`)
  }
  return { ...insertPriorFactChecks(context, feed.items, progress), rejected: feed.rejected }
}

interface PriorRow {
  id: number
  url: string
  claim_reviewed: string
  title: string | null
  rating: string | null
  publisher: string | null
  claimant: string | null
  reviewed_at: string | null
  language: string | null
}

function toPrior(row: PriorRow): PriorFactCheck {
  return {
    id: row.id,
    url: row.url,
    claimReviewed: row.claim_reviewed,
    title: row.title,
    rating: row.rating,
    publisher: row.publisher,
    claimant: row.claimant,
    reviewedAt: row.reviewed_at,
    language: row.language
  }
}

export type RecalledRow = PriorRow & { bm25: number }

/** Recall: the prior fact-checks with the highest BM25 for `query`, best first (`bm25` negated, lower is better, as FTS5 gives it). */
export function recallPriorFactChecks(db: Database, query: string, limit = RECALL): RecalledRow[] {
  const hits = recallIndex(db).search(query, limit)
  if (!hits.length) return []
  const rows = db.prepare('SELECT * FROM prior_fact_checks WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(hits.map((h) => h.id))) as PriorRow[]
  const byId = new Map(rows.map((r) => [r.id, r]))
  return hits.flatMap((h) => {
    const row = byId.get(h.id)
    return row ? [{ ...row, bm25: -h.score }] : []
  })
}

/** Bare SQLite FTS5 bm25 over the same prior fact-checks and query words: the baseline recall is measured against. */
export function bareBm25(db: Database, query: string, limit: number): RecalledRow[] {
  const match = anyOf(queryWords(query))
  if (!match) return []
  return db
    .prepare(
      `SELECT p.*, bm25(prior_fact_check_index) AS bm25 FROM prior_fact_check_index i JOIN prior_fact_checks p ON p.id = i.rowid
       WHERE prior_fact_check_index MATCH ? ORDER BY bm25 LIMIT ?`
    )
    .all(match, limit) as RecalledRow[]
}

/** The prior fact-checks closest to `query`, best first, each with its score (0–1). */
export function matchPriorFactChecks(context: ServiceContext, input: { query: string; limit?: number }): PriorMatch[] {
  const rows = recallPriorFactChecks(context.db, input.query)
  const candidates: Candidate[] = rows.map((r) => ({ claimReviewed: r.claim_reviewed, title: r.title, bm25: r.bm25 }))
  const scores = rerankScores(prepareQuery(input.query), candidates)
  return rows
    .map((row, i) => ({ ...toPrior(row), score: Number(scores[i]!.toFixed(4)) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, input.limit ?? 5)
}

/**
 * The library's own claims that have a verdict, closest to `query` first;
 * `exceptClaimId` leaves out the claim being looked at. Recall by the search
 * index's trigrams on the query's longer words, then the same re-ranker.
 */
export function matchVerdictedClaims(
  context: ServiceContext,
  input: { query: string; limit?: number; exceptClaimId?: string }
): VerdictedClaimMatch[] {
  const terms = [...new Set(contentWords(input.query).filter((w) => [...w].length >= 3))].slice(0, 20)
  if (!terms.length) return []
  const match = anyOf(terms)!
  const rows = context.db
    .prepare(
      `SELECT c.id, c.document_id, c.exact, c.status, d.title, bm25(search_index) AS bm25
       FROM search_index JOIN search_items s ON s.id = search_index.rowid
       JOIN claims c ON c.id = s.item_id JOIN documents d ON d.id = c.document_id
       WHERE search_index MATCH ? AND s.kind = 'claim' AND c.status != 'unverified' AND c.id IS NOT ?
       ORDER BY bm25 LIMIT ${RECALL}`
    )
    .all(match, input.exceptClaimId ?? null) as { id: string; document_id: string; exact: string; status: string; title: string; bm25: number }[]
  const scores = rerankScores(
    prepareQuery(input.query),
    rows.map((r) => ({ claimReviewed: r.exact, title: null, bm25: r.bm25 }))
  )
  return rows
    .map((r, i) => ({ claimId: r.id, documentId: r.document_id, documentTitle: r.title, quote: r.exact, status: r.status, score: Number(scores[i]!.toFixed(4)) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, input.limit ?? 5) as VerdictedClaimMatch[]
}

/** All prior fact-checks, newest review first, or those whose words match `query`. */
export function listPriorFactChecks(context: ServiceContext, input: { query?: string; limit?: number; offset?: number }): { total: number; items: PriorFactCheck[] } {
  const limit = input.limit ?? 50
  const offset = input.offset ?? 0
  // A search: every word must be there.
  const match = input.query ? allOf(queryWords(input.query)) : null
  if (input.query && !match) return { total: 0, items: [] }
  if (match) {
    const total = context.db.prepare('SELECT count(*) FROM prior_fact_check_index WHERE prior_fact_check_index MATCH ?').pluck().get(match) as number
    const rows = context.db
      .prepare(
        `SELECT p.* FROM prior_fact_check_index i JOIN prior_fact_checks p ON p.id = i.rowid
         WHERE prior_fact_check_index MATCH ? ORDER BY bm25(prior_fact_check_index) LIMIT ? OFFSET ?`
      )
      .all(match, limit, offset) as PriorRow[]
    return { total, items: rows.map(toPrior) }
  }
  const total = context.db.prepare('SELECT count(*) FROM prior_fact_checks').pluck().get() as number
  const rows = context.db
    .prepare('SELECT * FROM prior_fact_checks ORDER BY reviewed_at DESC NULLS LAST, id DESC LIMIT ? OFFSET ?')
    .all(limit, offset) as PriorRow[]
  return { total, items: rows.map(toPrior) }
}

/** What a claim's card shows: the closest prior fact-checks and the library's other claims with a verdict. */
export function claimMatches(context: ServiceContext, input: { claimId: string; limit?: number }): ClaimMatches {
  const claim = getClaim(context, input.claimId)
  const query = claim.quote.exact
  return {
    priorFactChecks: matchPriorFactChecks(context, { query, limit: input.limit }),
    verdictedClaims: matchVerdictedClaims(context, { query, limit: input.limit, exceptClaimId: claim.id })
  }
}
