/** Test helpers: real SQLite files in fresh temp directories. */
import type { Database } from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { openLibrary, type Library } from '../library/library'

const made: string[] = []
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true })
})

/** A fresh directory, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'factmark-test-'))
  made.push(dir)
  return dir
}

/** A library on a fresh data directory, closed after the test. */
export function tempLibrary(): Library {
  const library = openLibrary(tempDir())
  afterEach(() => library.close())
  return library
}

/** Every row of every table, as one string: equal strings mean an unchanged database. */
export function snapshot(db: Database): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[]
  return JSON.stringify(
    tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}"`).all().map((row) => JSON.stringify(row)).sort()])
  )
}
