/**
 * Importing a colleague's JSON-LD with 100,000 claims (a tenth with a note)
 * into an empty library, beside the bare baseline: the same rows (document,
 * claims, notes, history) inserted in one transaction with prepared
 * statements, no parsing, no validation, no re-anchoring. Goal: ≤ 2×.
 */
import type { Database } from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibrary, type Library } from '../src/main/library/library'
import { colleaguesFile } from '../src/main/testing/colleague'
import type { BenchResult } from './types'

const CLAIMS = 100_000
const RUNS = 3

const TABLES = ['documents', 'claims', 'notes', 'claim_history'] as const

/** Every row the import wrote, to insert again bare. */
function rowsOf(db: Database): Record<(typeof TABLES)[number], Record<string, unknown>[]> {
  return Object.fromEntries(TABLES.map((table) => [table, db.prepare(`SELECT * FROM ${table}`).all()])) as never
}

function bareInsert(db: Database, rows: ReturnType<typeof rowsOf>): void {
  db.transaction(() => {
    for (const table of TABLES) {
      const list = rows[table]
      if (!list.length) continue
      const columns = Object.keys(list[0]!)
      const insert = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`)
      for (const row of list) insert.run(row)
    }
  }).immediate()
}

export async function run(): Promise<BenchResult[]> {
  const file = colleaguesFile(CLAIMS)
  // The file as the API takes it; encoding it is the caller's work, not the import's.
  const data = Buffer.from(file).toString('base64')
  const made: { dir: string; library: Library }[] = []
  const fresh = (): Library => {
    const dir = mkdtempSync(join(tmpdir(), 'factmark-bench-'))
    const library = openLibrary(dir)
    made.push({ dir, library })
    return library
  }
  try {
    const importTimes: number[] = []
    const bareTimes: number[] = []
    let rows: ReturnType<typeof rowsOf> | null = null
    for (let i = 0; i < RUNS; i++) {
      const library = fresh()
      const started = performance.now()
      await library.service.importDocument({ source: { kind: 'file', fileName: 'colleague.jsonld', data } })
      importTimes.push(performance.now() - started)
      rows ??= rowsOf(library.db)

      const bare = fresh()
      const bareStarted = performance.now()
      bareInsert(bare.db, rows)
      bareTimes.push(performance.now() - bareStarted)
    }
    const median = (times: number[]) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!
    return [
      {
        name: `import ${CLAIMS.toLocaleString('en')} claims from JSON-LD (${(file.length / 1024 / 1024).toFixed(0)} MB)`,
        unit: 'ms',
        measured: median(importTimes),
        baseline: median(bareTimes),
        goal: 2,
        notes: `${rows!.claims.length} claims, ${rows!.notes.length} notes, ${rows!.claim_history.length} history rows`
      }
    ]
  } finally {
    for (const { dir, library } of made) {
      library.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
