/**
 * What the synchronous mode costs: one claim created and committed through
 * the service (as the app does it), with Factmark's synchronous=NORMAL and
 * with FULL, each beside a bare single-row insert under the same mode. The
 * durability test (scripts/durability.mjs) shows NORMAL loses nothing to a
 * killed process; FULL only adds protection against power loss.
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dispatch } from '../src/main/operations/dispatch'
import { openLibrary } from '../src/main/library/library'
import type { ArticleDocument } from '../src/shared/model'
import { medianMs, type BenchResult } from './types'

const RUNS = 200

async function measure(mode: 'NORMAL' | 'FULL'): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'factmark-bench-sync-'))
  const library = openLibrary(dir)
  const bare = new Database(join(dir, 'bare.sqlite'))
  try {
    library.db.pragma(`synchronous = ${mode}`)
    const text = 'Durability\n\n' + 'One sentence that is claimed again and again. '.repeat(200)
    const outcome = dispatch(library.service, 'importDocument', { source: { kind: 'text', text, format: 'text' } })
    if (!outcome.ok) throw new Error(outcome.error.message)
    const documentId = (outcome.value as ArticleDocument).id
    let i = 0
    const measured = await medianMs(RUNS, () => {
      const start = 12 + (i++ % 150) * 47
      const result = dispatch(library.service, 'createClaim', { documentId, start, end: start + 40 })
      if (!result.ok) throw new Error(result.error.message)
    })
    bare.pragma('journal_mode = WAL')
    bare.pragma(`synchronous = ${mode}`)
    bare.exec('CREATE TABLE claims (id INTEGER PRIMARY KEY, start_offset INTEGER, end_offset INTEGER)')
    const insert = bare.prepare('INSERT INTO claims (start_offset, end_offset) VALUES (?, ?)')
    const baseline = await medianMs(RUNS, () => insert.run(1, 2))
    return {
      name: `create one claim, committed, synchronous=${mode}`,
      unit: 'ms',
      measured,
      baseline,
      notes: mode === 'FULL' ? 'Factmark’s setting: an fsync per commit' : 'for comparison: kill-safe, not power-safe'
    }
  } finally {
    library.close()
    bare.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function run(): Promise<BenchResult[]> {
  return [await measure('NORMAL'), await measure('FULL')]
}
