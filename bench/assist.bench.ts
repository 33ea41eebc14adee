/**
 * Claim assist. Check-worthiness: leave-one-transcript-out MAP on the CLEF
 * 2019 training transcripts beside the digits-and-length heuristic (and a
 * random ranking), and the time to rank a 10,000-word article beside
 * segmenting it alone. Prior fact-checks: MAP@5 on one cross-validation fold
 * of CLEF 2020 task 2 beside bare FTS5 bm25, a 100,000-item feed's import
 * beside parsing it and inserting bare rows, and the p95 time per match with
 * 100,000 prior fact-checks beside the bare bm25 query.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { MATCH_FEATURES } from '../src/shared/assist/matching'
import {
  MATCHING_DATA,
  bareMapAt5,
  bm25Order,
  candidatesFor,
  folds,
  loadFactChecks,
  mapAt5,
  readRetrievalData,
  trainMatching
} from '../src/main/assist/matchingTraining'
import { openLibrary } from '../src/main/library/library'
import { serviceContext } from '../src/main/operations/service'
import { bareBm25, importFactCheckFeed, matchPriorFactChecks } from '../src/main/service/priorFactChecks'
import { rankSentences } from '../src/shared/assist/worthiness'
import { sentences } from '../src/shared/sentences'
import {
  WORTHINESS_DATA,
  digitsAndLength,
  leaveOneTranscriptOut,
  meanAveragePrecision,
  randomScorer,
  readTranscripts
} from '../src/main/assist/worthinessTraining'
import { medianMs, type BenchResult } from './types'

const root = resolve(import.meta.dirname, '..')

export async function run(): Promise<BenchResult[]> {
  return [...(await worthinessResults()), ...(await matchingResults())]
}

async function worthinessResults(): Promise<BenchResult[]> {
  const transcripts = readTranscripts(resolve(root, WORTHINESS_DATA))
  const loto = leaveOneTranscriptOut(transcripts)
  const heuristic = meanAveragePrecision(transcripts, digitsAndLength)
  const random = meanAveragePrecision(transcripts, randomScorer())

  // A 10,000-word article: transcript sentences in order, five to a paragraph.
  const all = transcripts.flatMap((t) => t.sentences.map((s) => s.text))
  const picked: string[] = []
  let words = 0
  for (const sentence of all) {
    if (words >= 10_000) break
    picked.push(sentence)
    words += sentence.split(/\s+/u).length
  }
  const paragraphs: string[] = []
  for (let i = 0; i < picked.length; i += 5) paragraphs.push(picked.slice(i, i + 5).join(' '))
  const article = paragraphs.join('\n\n')
  const rank = await medianMs(9, () => rankSentences(article, 'en'))
  const segment = await medianMs(9, () => paragraphs.map((p) => sentences(p, 'en')))

  return [
    {
      name: 'check-worthiness MAP, leave-one-transcript-out (baseline: digits and length)',
      unit: 'MAP',
      measured: loto,
      baseline: heuristic,
      atLeast: 0.166,
      notes: `${transcripts.length} CLEF 2019 transcripts; random ranking ${random.toFixed(3)}`
    },
    {
      name: 'rank the sentences of a 10,000-word article (baseline: segmenting it alone)',
      unit: 'ms',
      measured: rank,
      baseline: segment,
      notes: `${picked.length} sentences, ${words} words; goal < 200 ms`
    }
  ]
}

/** The p95 of a list of times. */
function p95(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!
}

/** A deterministic pseudo-random sequence. */
function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state / 0x7fffffff
  }
}

async function matchingResults(): Promise<BenchResult[]> {
  const data = readRetrievalData(resolve(root, MATCHING_DATA))
  const dir = mkdtempSync(join(tmpdir(), 'factmark-bench-assist-'))
  const library = openLibrary(dir)
  try {
    const context = serviceContext(library.db)
    loadFactChecks(context, data)
    // One fold of five: weights trained on the other four, both methods ranked on the same candidates.
    const queries = candidatesFor(context, data)
    const [{ train, test }] = folds(queries, 5) as [{ train: typeof queries; test: typeof queries }]
    const weights = trainMatching(train)
    const reranked = mapAt5(test, (f) => f.reduce((sum, v, k) => sum + v * weights[k]!, 0))
    const recall = mapAt5(test, bm25Order)
    const bare = bareMapAt5(context, data, test)

    // A 100,000-item ClaimReview feed: the benchmark's fact-checks, then recombinations of their words.
    const vocabulary = data.factChecks.flatMap((f) => f.claim.split(/\s+/u))
    const next = seeded(13)
    const items = Array.from({ length: 100_000 - data.factChecks.length }, (_, i) => ({
      '@type': 'ClaimReview',
      url: `https://checks.example/${i}`,
      claimReviewed: Array.from({ length: 8 + Math.floor(next() * 20) }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' '),
      author: { name: 'Example Checks' },
      datePublished: '2020-01-01',
      reviewRating: { alternateName: 'False' }
    }))
    const feed = JSON.stringify({ '@context': 'https://schema.org', '@type': 'DataFeed', dataFeedElement: items.map((item) => ({ '@type': 'DataFeedItem', item })) })
    let start = performance.now()
    const imported = library.db.transaction(() => importFactCheckFeed(context, feed)).immediate()
    const importMs = performance.now() - start
    // Bare: parse the same JSON and insert its rows into a table without the index.
    library.db.exec('CREATE TEMP TABLE bare_feed (url TEXT, claim TEXT, rating TEXT, publisher TEXT, reviewed_at TEXT)')
    start = performance.now()
    library.db.transaction(() => {
      const insert = library.db.prepare('INSERT INTO bare_feed VALUES (?, ?, ?, ?, ?)')
      const parsed = JSON.parse(feed) as { dataFeedElement: { item: (typeof items)[number] }[] }
      for (const { item } of parsed.dataFeedElement) insert.run(item.url, item.claimReviewed, item.reviewRating.alternateName, item.author.name, item.datePublished)
    })()
    const bareImportMs = performance.now() - start

    const total = library.db.prepare('SELECT count(*) FROM prior_fact_checks').pluck().get() as number
    const sample = data.queries.slice(0, 300)
    const matchTimes: number[] = []
    const bareTimes: number[] = []
    for (const q of sample) {
      start = performance.now()
      bareBm25(library.db, q.text, 5)
      bareTimes.push(performance.now() - start)
      start = performance.now()
      matchPriorFactChecks(context, { query: q.text, limit: 5 })
      matchTimes.push(performance.now() - start)
    }
    return [
      {
        name: 'prior fact-check MAP@5, one CV fold of CLEF 2020 train (baseline: bare FTS5 bm25)',
        unit: 'MAP@5',
        measured: reranked,
        baseline: bare,
        atLeast: 0.9,
        notes: `${test.length} held-out queries, ${data.factChecks.length} fact-checks; ${MATCH_FEATURES.length} features; recall BM25 alone ${recall.toFixed(3)}`
      },
      {
        name: 'import a 100,000-item ClaimReview feed (baseline: JSON.parse + bare INSERT)',
        unit: 'ms',
        measured: importMs,
        baseline: bareImportMs,
        notes: `${imported.imported} new, ${imported.updated} updated, ${imported.rejected.length} rejected; ${(feed.length / 1e6).toFixed(0)} MB; goal < 30 s`
      },
      {
        name: `match a claim, p95 over ${sample.length} queries, ${total.toLocaleString('en')} prior fact-checks (baseline: bare FTS5 bm25 query)`,
        unit: 'ms',
        measured: p95(matchTimes),
        baseline: p95(bareTimes),
        notes: 'goal p95 ≤ 50 ms'
      }
    ]
  } finally {
    library.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
