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
import type { ClaimMatches, FeedImportResult, PriorFactCheck, PriorMatch, VerdictedClaimMatch } from '../../shared/model'
import { getClaim } from './claims'
import type { ServiceContext } from './context'

/** How many bm25 candidates the re-ranker sees. */
const RECALL = 40
/** Recall uses at most this many of a query's words, the rarest ones… */
const RECALL_WORDS = 20
/** …and leaves out words in more than this share of the prior fact-checks (they add little to bm25 and cost the most). */
const COMMON_SHARE = 0.2

/**
 * Document frequencies of the words queried so far, per database, until its
 * prior fact-checks change: FTS5 has to score every row a word matches, so
 * recall keeps to the rarer words of a query.
 */
const frequencies = new WeakMap<Database, { latest: number; total: number; df: Map<string, number> }>()

function documentFrequencies(db: Database, words: readonly string[]): { total: number; df: Map<string, number> } {
  const latest = (db.prepare('SELECT max(id) FROM prior_fact_checks').pluck().get() as number | null) ?? 0
  let table = frequencies.get(db)
  if (!table || table.latest !== latest) {
    table = { latest, total: db.prepare('SELECT count(*) FROM prior_fact_checks').pluck().get() as number, df: new Map() }
    frequencies.set(db, table)
  }
  const count = db.prepare('SELECT count(*) FROM prior_fact_check_index WHERE prior_fact_check_index MATCH ?').pluck()
  for (const word of words) if (!table.df.has(word)) table.df.set(word, count.get(anyOf([word])) as number)
  return table
}

/** The words of a query that recall searches for: those found, the rarest first, common ones left out. */
export function recallWords(db: Database, query: string): string[] {
  const words = queryWords(query)
  const { total, df } = documentFrequencies(db, words)
  const found = words.filter((w) => df.get(w)! > 0).sort((a, b) => df.get(a)! - df.get(b)!)
  const rare = found.filter((w) => df.get(w)! <= Math.max(50, total * COMMON_SHARE))
  return (rare.length >= 3 ? rare : found.slice(0, 3)).slice(0, RECALL_WORDS)
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

/** Bare FTS5 bm25 recall: the prior fact-checks sharing the most telling words with `query`, best first. */
export function recallPriorFactChecks(db: Database, query: string, limit = RECALL): RecalledRow[] {
  const match = anyOf(recallWords(db, query))
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
