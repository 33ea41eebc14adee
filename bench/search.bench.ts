/**
 * Full-text search over 100,000 notes: Factmark's `search` operation (its
 * transaction, the join to documents, snippets) beside the bare FTS5 query
 * it is built on, on the same database in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibrary } from '../src/main/library/library'
import { ftsPhrase } from '../src/main/service/search'
import { medianMs, type BenchResult } from './types'

const NOTES = 100_000
const NOTES_PER_CLAIM = 20
const WORDS = (
  'report count fighters official ministry source archive record entry figure witness border province camp estimate ' +
  'satellite video photo caption date location translation interview researcher database registry contradicts confirms'
).split(' ')
const CHINESE = ['报告', '维吾尔', '伊斯兰国', '官员', '数字', '夸大', '新疆', '记录']

/** A deterministic pseudo-random sequence, so every run searches the same notes. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state / 0x7fffffff
  }
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'factmark-bench-search-'))
  const library = openLibrary(dir)
  try {
    const next = random(7)
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
    const { db, service } = library
    const doc = await service.importDocument({
      source: { kind: 'text', text: 'A long investigation.\n\nIt makes many claims about fighters and figures.', format: 'text' }
    })
    db.transaction(() => {
      const claim = db.prepare(
        `INSERT INTO claims (id, document_id, exact, prefix, suffix, start_offset, end_offset, created_at, updated_at)
         VALUES (?, ?, 'many claims', '', '', 30, 41, '2026-01-01', '2026-01-01')`
      )
      const note = db.prepare(`INSERT INTO notes (id, claim_id, author, body, created_at, updated_at) VALUES (?, ?, 'bench', ?, '2026-01-01', '2026-01-01')`)
      for (let c = 0; c < NOTES / NOTES_PER_CLAIM; c++) {
        const claimId = `claim-${c}`
        claim.run(claimId, doc.id)
        for (let n = 0; n < NOTES_PER_CLAIM; n++) {
          const words = Array.from({ length: 12 + Math.floor(next() * 30) }, () => (next() < 0.1 ? pick(CHINESE) : pick(WORDS)))
          note.run(`note-${c}-${n}`, claimId, words.join(' '))
        }
      }
    })()

    const bare = db.prepare('SELECT rowid, body FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT 50')
    const queries = [
      { name: 'common word ("witness", in about half the notes)', query: 'witness' },
      { name: 'phrase ("official source")', query: 'official source' },
      { name: 'Chinese ("伊斯兰国")', query: '伊斯兰国' }
    ]
    const results: BenchResult[] = []
    for (const { name, query } of queries) {
      const hits = service.search({ query }).length
      const bareHits = bare.all(ftsPhrase(query)).length
      if (hits !== bareHits) throw new Error(`search "${query}": service found ${hits}, bare FTS5 ${bareHits}`)
      // Alternate the two so neither always runs on a warmer cache.
      const measured: number[] = []
      const baseline: number[] = []
      for (let round = 0; round < 5; round++) {
        baseline.push(await medianMs(5, () => bare.all(ftsPhrase(query))))
        measured.push(await medianMs(5, () => service.search({ query })))
      }
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
      results.push({
        name: `search ${NOTES.toLocaleString('en')} notes: ${name}`,
        unit: 'ms',
        measured: median(measured),
        baseline: median(baseline),
        goal: 1.5,
        notes: `${hits} hits shown (limit 50)`
      })
    }
    return results
  } finally {
    library.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
