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
import { articleText, type Block } from '../src/shared/article'
import type { Claim, Note } from '../src/shared/model'
import { renderAnnotations } from '../src/shared/report/annotations'
import { quoteSelector } from '../src/shared/selector'
import { statuses } from '../src/shared/status'
import { openLibrary, type Library } from '../src/main/library/library'
import type { BenchResult } from './types'

const CLAIMS = 100_000
const PER_PARAGRAPH = 20
const RUNS = 3

function colleaguesFile(): string {
  const content: Block[] = []
  for (let p = 0; p < CLAIMS / PER_PARAGRAPH; p++) {
    const sentences = Array.from({ length: PER_PARAGRAPH }, (_, i) => `Claim ${p * PER_PARAGRAPH + i} says ${(p * 7919 + i) % 1000} fighters joined 😀.`)
    content.push({ type: 'paragraph', content: [{ text: sentences.join(' ') }] })
  }
  const text = articleText(content)
  const at = '2026-11-20T09:00:00.000Z'
  const claims: Claim[] = []
  const notes: Note[] = []
  let from = 0
  for (let n = 0; n < CLAIMS; n++) {
    const start = text.indexOf(`Claim ${n} says`, from)
    const end = text.indexOf('.', start) + 1
    from = end
    const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
    claims.push({
      id,
      documentId: 'd',
      quote: quoteSelector(text, { start, end }),
      position: { start, end },
      status: statuses[n % statuses.length]!,
      claimant: null,
      tags: [],
      orphaned: false,
      rationale: '',
      createdBy: 'Mina',
      createdAt: at,
      updatedAt: at,
      number: n + 1,
      noteCount: n % 10 === 0 ? 1 : 0,
      sourceCount: 0
    })
    if (n % 10 === 0) notes.push({ id: `n${n}`, claimId: id, author: 'Mina', body: `Checked claim ${n} against the source.`, public: false, createdAt: at, updatedAt: at })
  }
  const document = { id: 'd', title: 'A long article', sourceUrl: null, publisher: null, author: null, publishedAt: null, language: 'en', importedAt: at, version: 1, text, content, conclusion: '', publicationUrl: null, publicationDate: null }
  return renderAnnotations({ document, claims, notes, sources: [], analyst: 'Colleague', generatedAt: at })
}

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
  const file = colleaguesFile()
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
      library.service.importDocument({ source: { kind: 'file', fileName: 'colleague.jsonld', data } })
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
