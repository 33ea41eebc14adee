/**
 * Tuning the prior fact-check re-ranker on CLEF 2020 CheckThat! task 2
 * (tweets and the Snopes fact-checks that verify them): candidates from the
 * library's own FTS5 recall, features from src/shared/assist/matching.ts,
 * logistic regression weights, MAP@5 by k-fold cross-validation beside bare
 * bm25 on the same candidates. Used by `npm run train:matching` and the
 * assist benchmark.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MATCH_FEATURES, matchFeatures, prepareQuery, type MatchModel } from '../../shared/assist/matching'
import type { ServiceContext } from '../service/context'
import { bareBm25, insertPriorFactChecks, recallPriorFactChecks } from '../service/priorFactChecks'

export const MATCHING_DATA = '../shared/datasets/claim-retrieval-clef2020'

export interface RetrievalData {
  factChecks: { id: string; claim: string; title: string }[]
  queries: { id: string; text: string }[]
  relevant: Map<string, Set<string>>
}

function tsv(file: string, header: boolean): string[][] {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim())
  return (header ? lines.slice(1) : lines).map((l) => l.split('\t'))
}

export function readRetrievalData(dir: string): RetrievalData {
  const relevant = new Map<string, Set<string>>()
  for (const [query, , doc] of tsv(join(dir, 'train.qrels'), false)) {
    if (!relevant.has(query!)) relevant.set(query!, new Set())
    relevant.get(query!)!.add(doc!)
  }
  return {
    factChecks: tsv(join(dir, 'verified_claims.docs.tsv'), true).map(([id, claim, title]) => ({ id: id!, claim: claim ?? '', title: title ?? '' })),
    queries: tsv(join(dir, 'train.queries.tsv'), true).map(([id, text]) => ({ id: id!, text: text ?? '' })),
    relevant
  }
}

/** The address a CLEF fact-check gets in the library, so a match can be traced back to its id. */
export const factCheckUrl = (id: string) => `https://www.snopes.com/clef2020/${id}`
const idOfUrl = (url: string) => url.slice(url.lastIndexOf('/') + 1)

/** Puts the benchmark's fact-checks into a library as prior fact-checks. */
export function loadFactChecks(context: ServiceContext, data: RetrievalData): void {
  context.db.transaction(() =>
    insertPriorFactChecks(
      context,
      data.factChecks.map((f) => ({
        url: factCheckUrl(f.id),
        claimReviewed: f.claim,
        title: f.title || null,
        rating: null,
        publisher: 'Snopes',
        claimant: null,
        reviewedAt: null,
        language: 'en'
      }))
    )
  )()
}

/** One query's candidates in bm25 order: their ids, whether each is relevant, and their features. */
export interface QueryCandidates {
  query: string
  ids: string[]
  labels: number[]
  features: number[][]
  relevantCount: number
}

export function candidatesFor(context: ServiceContext, data: RetrievalData): QueryCandidates[] {
  return data.queries.map((q) => {
    const rows = recallPriorFactChecks(context.db, q.text)
    const ids = rows.map((r) => idOfUrl(r.url))
    const relevant = data.relevant.get(q.id) ?? new Set()
    return {
      query: q.id,
      ids,
      labels: ids.map((id) => (relevant.has(id) ? 1 : 0)),
      features: matchFeatures(
        prepareQuery(q.text),
        rows.map((r) => ({ claimReviewed: r.claim_reviewed, title: r.title, bm25: r.bm25 }))
      ),
      relevantCount: relevant.size
    }
  })
}

/** CLEF's AP@5: precision at each relevant hit in the top 5, over min(relevant, 5). */
export function averagePrecisionAt5(labels: readonly number[], relevantCount: number): number {
  let hits = 0
  let sum = 0
  labels.slice(0, 5).forEach((label, i) => {
    if (label) sum += ++hits / (i + 1)
  })
  return relevantCount ? sum / Math.min(relevantCount, 5) : 0
}

/** MAP@5 of ranking each query's candidates by `score` (ties keep bm25 order). */
export function mapAt5(queries: readonly QueryCandidates[], score: (features: number[], rank: number) => number): number {
  const aps = queries.map((q) => {
    const order = q.features.map((f, i) => ({ s: score(f, i), i })).sort((a, b) => b.s - a.s || a.i - b.i)
    return averagePrecisionAt5(order.map((o) => q.labels[o.i]!), q.relevantCount)
  })
  return aps.reduce((a, b) => a + b, 0) / aps.length
}

/** The recall order itself (BM25 without re-ranking). */
export const bm25Order = (_: number[], rank: number) => -rank

/** MAP@5 of bare SQLite FTS5 bm25 over the library's prior fact-checks, for the given queries. */
export function bareMapAt5(context: ServiceContext, data: RetrievalData, queries: readonly QueryCandidates[]): number {
  const text = new Map(data.queries.map((q) => [q.id, q.text]))
  const aps = queries.map((q) => {
    const relevant = data.relevant.get(q.query) ?? new Set()
    const labels = bareBm25(context.db, text.get(q.query)!, 5).map((r) => (relevant.has(idOfUrl(r.url)) ? 1 : 0))
    return averagePrecisionAt5(labels, q.relevantCount)
  })
  return aps.reduce((a, b) => a + b, 0) / aps.length
}

/**
 * Pairwise logistic regression (each relevant candidate against each other
 * candidate of its query), full-batch gradient descent from zero: no
 * randomness, so the same data gives the same weights.
 */
export function trainMatching(queries: readonly QueryCandidates[], { l2 = 1e-3, steps = 300, rate = 0.5 } = {}): number[] {
  const dims = MATCH_FEATURES.length
  const pairs: number[][] = []
  for (const q of queries) {
    q.labels.forEach((label, i) => {
      if (!label) return
      q.labels.forEach((other, j) => {
        if (!other) pairs.push(q.features[i]!.map((v, k) => v - q.features[j]![k]!))
      })
    })
  }
  const w = new Array<number>(dims).fill(0)
  for (let step = 0; step < steps; step++) {
    const grad = new Array<number>(dims).fill(0)
    for (const d of pairs) {
      const z = d.reduce((sum, v, k) => sum + v * w[k]!, 0)
      const g = -1 / (1 + Math.exp(z))
      for (let k = 0; k < dims; k++) grad[k]! += g * d[k]!
    }
    for (let k = 0; k < dims; k++) w[k]! -= rate * (grad[k]! / Math.max(1, pairs.length) + l2 * w[k]!)
  }
  return w.map((x) => Number(x.toPrecision(5)))
}

/** Queries split into k folds by position (query i in fold i mod k). */
export function folds<T>(items: readonly T[], k: number): { train: T[]; test: T[] }[] {
  return Array.from({ length: k }, (_, f) => ({
    train: items.filter((_, i) => i % k !== f),
    test: items.filter((_, i) => i % k === f)
  }))
}

const linearScore = (w: readonly number[]) => (f: number[]) => f.reduce((sum, v, k) => sum + v * w[k]!, 0)

/** k-fold cross-validated MAP@5 of the re-ranker, per fold, beside bare bm25 on the same folds. */
export function crossValidate(queries: readonly QueryCandidates[], k = 5): { reranked: number[]; bm25: number[] } {
  const reranked: number[] = []
  const bm25: number[] = []
  for (const { train, test } of folds(queries, k)) {
    reranked.push(mapAt5(test, linearScore(trainMatching(train))))
    bm25.push(mapAt5(test, bm25Order))
  }
  return { reranked, bm25 }
}

export function matchModelFrom(weights: number[], about: string): MatchModel {
  return { about, features: MATCH_FEATURES, weights }
}
