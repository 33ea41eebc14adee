/**
 * `npm run train:matching`: tunes the prior fact-check re-ranker on CLEF 2020
 * CheckThat! task 2 (train split) and rewrites src/shared/assist/matching-model.json.
 * Deterministic. Prints 5-fold cross-validated MAP@5 beside bare FTS5 bm25.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { MATCHING_DATA, bareMapAt5, candidatesFor, crossValidate, loadFactChecks, matchModelFrom, readRetrievalData, trainMatching } from '../src/main/assist/matchingTraining'
import { openLibrary } from '../src/main/library/library'
import { serviceContext } from '../src/main/operations/service'

const root = resolve(import.meta.dirname, '..')
const data = readRetrievalData(resolve(root, process.env.MATCHING_DATA ?? MATCHING_DATA))
const dir = mkdtempSync(join(tmpdir(), 'factmark-train-matching-'))
const library = openLibrary(dir)
try {
  const context = serviceContext(library.db)
  loadFactChecks(context, data)
  const queries = candidatesFor(context, data)
  const recalled = queries.filter((q) => q.labels.includes(1)).length
  console.log(`${data.factChecks.length} fact-checks, ${queries.length} queries; a relevant fact-check among the candidates for ${recalled}`)
  const cv = crossValidate(queries)
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  console.log(`5-fold MAP@5: re-ranked ${mean(cv.reranked).toFixed(4)} (folds ${cv.reranked.map((x) => x.toFixed(3)).join(' ')})`)
  console.log(`            recall BM25 ${mean(cv.bm25).toFixed(4)} (folds ${cv.bm25.map((x) => x.toFixed(3)).join(' ')})`)
  console.log(`         bare FTS5 bm25 ${bareMapAt5(context, data, queries).toFixed(4)} (all queries)`)
  const weights = trainMatching(queries)
  const about = `Pairwise logistic regression over MATCH_FEATURES, trained by scripts/train-matching.ts on the CLEF 2020 CheckThat! task 2 train split (${queries.length} queries, ${data.factChecks.length} fact-checks).`
  const file = resolve(root, 'src/shared/assist/matching-model.json')
  writeFileSync(file, `${JSON.stringify(matchModelFrom(weights, about), null, 2)}\n`)
  console.log(`Wrote ${file}`)
} finally {
  library.close()
  rmSync(dir, { recursive: true, force: true })
}
