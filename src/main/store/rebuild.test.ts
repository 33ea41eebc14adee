/**
 * Migrations that rebuild tables: a library full of claims, notes, sources,
 * tags and history goes through migrations/0003 (which rebuilds claims and
 * sources) and comes out with every row as it was, its search index still
 * fed by its triggers, and its foreign keys on; a rebuild whose checks fail
 * rolls back and leaves the file byte for byte as it was.
 */
import BetterSqlite3 from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Claim, SearchHit } from '../../shared/model'
import { DATABASE_FILE } from '../datadir'
import { openLibrary } from '../library'
import { apiOn, pasted } from '../testing/calls'
import { snapshot, tempDir } from '../testing/temp'
import { openDatabase } from './database'
import { bundledMigrations, rebuildsTables, REBUILDS_TABLES, type Migration } from './migrations'

const ARTICLE = [
  'Uyghurs in Syria',
  'According to a 2016 New America report, 114 Uyghurs have joined IS in Syria and Iraq.',
  'The Turkistan Islamic Party fields several thousand fighters in Idlib, officials said.',
  '报告称数百人已前往叙利亚。 گزارش‌ها می‌گویند که صدها نفر به سوریه رفته‌اند.'
].join('\n\n')

const before3 = bundledMigrations.filter((m) => m.version < 3)
const through3 = bundledMigrations.filter((m) => m.version <= 3)
const rebuild = bundledMigrations.find((m) => m.version === 3)!
const fileHash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

/** A closed library at schema 2, full of work: claims with verdicts, claimants, tags, notes, sources, edits and a deletion. */
function fullLibrary(): string {
  const dataDir = tempDir()
  const library = openLibrary(dataDir, { migrations: before3 })
  const { ok } = apiOn(library)
  for (let d = 0; d < 3; d++) {
    const document = ok('importDocument', pasted(`${ARTICLE}\n\nCopy ${d}.`))
    const claim = (words: string): Claim => {
      const start = document.text.indexOf(words)
      return ok('createClaim', { documentId: document.id, start, end: start + words.length })
    }
    const uyghurs = claim('114 Uyghurs have joined IS')
    const fighters = claim('several thousand fighters')
    const hundreds = claim('报告称数百人已前往叙利亚')
    ok('updateClaim', { claimId: uyghurs.id, status: 'disputed', claimant: 'New America', tags: ['Syria', 'IS'] })
    ok('updateClaim', { claimId: fighters.id, status: 'misleading', tags: ['Idlib'] })
    ok('updateClaim', { claimId: hundreds.id, status: 'unverifiable' })
    const note = ok('addNote', { claimId: uyghurs.id, body: 'The report counts passports, not fighters.' })
    ok('editNote', { noteId: note.id, body: 'The report counts passports and travel records, not fighters.' })
    ok('addNote', { claimId: fighters.id, body: 'Officials gave no source.' })
    ok('addSource', { claimId: uyghurs.id, url: 'https://www.newamerica.org/isis-files', title: 'ISIS files', excerpt: '114 Uyghurs', stance: 'supports', accessedAt: '2026-11-20' })
    ok('addSource', { claimId: fighters.id, url: 'https://example.org/idlib', stance: 'refutes' })
    const removed = ok('addSource', { claimId: fighters.id, url: 'https://example.org/old', title: 'Old', stance: 'context' })
    ok('removeSource', { sourceId: removed.id })
    ok('deleteClaim', { claimId: claim('officials said').id })
  }
  library.close()
  return dataDir
}

/** Every row of every table but the ledger. */
const rows = (db: BetterSqlite3.Database) => JSON.parse(snapshot(db)).filter(([table]: [string]) => table !== 'schema_migrations')

describe('a migration that rebuilds tables', () => {
  it('is marked as such in its header, and 0003 is', () => {
    expect(rebuildsTables(rebuild)).toBe(true)
    expect(rebuildsTables({ version: 9, name: 'x', sql: `-- What it does\n${REBUILDS_TABLES}\nDROP TABLE x;` })).toBe(true)
    expect(rebuildsTables({ version: 9, name: 'x', sql: `CREATE TABLE x (y);\n${REBUILDS_TABLES}` })).toBe(false)
    expect(before3.some(rebuildsTables)).toBe(false)
  })

  it('0003 keeps every row of a full library, drops the vocabulary CHECKs, and keeps search and cascades working', () => {
    const dataDir = fullLibrary()
    const file = join(dataDir, DATABASE_FILE)
    const old = new BetterSqlite3(file, { readonly: true })
    const expected = rows(old)
    expect(old.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(9)
    expect(old.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(6)
    expect(old.prepare('SELECT count(*) FROM claim_history').pluck().get()).toBeGreaterThan(40)
    old.close()

    const db = openDatabase(file, { migrations: through3 })
    expect(rows(db)).toEqual(expected)
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual([1, 2, 3])
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.exec("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
    const sql = (table: string) => db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string
    expect(sql('claims')).not.toMatch(/status IN/)
    expect(sql('sources')).not.toMatch(/stance IN/)
    // Everything but the vocabularies is still checked.
    expect(sql('claims')).toMatch(/CHECK \(end_offset > start_offset\)/)
    expect(sql('claims')).toMatch(/REFERENCES documents\(id\) ON DELETE CASCADE/)
    db.close()

    // The app on the rebuilt library: search follows new claims, notes and sources; deleting cascades.
    const library = openLibrary(dataDir, { migrations: through3 })
    const { ok } = apiOn(library)
    const [document] = ok('listDocuments', {})
    const claims = ok('listClaims', { documentId: document!.id })
    const claim = claims[0]!
    ok('addNote', { claimId: claim.id, body: 'Checked against the passports archive.' })
    ok('addSource', { claimId: claim.id, url: 'https://example.org/archive', title: 'Passports archive', stance: 'context' })
    const kinds = (query: string) => ok('search', { query }).map((hit: SearchHit) => hit.kind).sort()
    expect(kinds('passports archive')).toEqual(['note', 'source'])
    expect(kinds('Turkistan Islamic')).toEqual(['document', 'document', 'document'])
    ok('deleteDocument', { documentId: document!.id })
    const count = (table: string) => library.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()
    expect([count('documents'), count('claims'), count('notes'), count('sources'), count('claim_tags')]).toEqual([2, 6, 4, 4, 6])
    expect(kinds('passports archive')).toEqual([])
    library.close()
  })

  it('without its header, the same rebuild is refused by SQLite and writes nothing', () => {
    const dataDir = fullLibrary()
    const file = join(dataDir, DATABASE_FILE)
    const hash = fileHash(file)
    const unmarked: Migration = { ...rebuild, sql: rebuild.sql.replace(REBUILDS_TABLES, '-- (header removed)') }
    // With foreign keys on, DROP TABLE claims would empty notes, sources and tags; the rename then trips on their triggers.
    expect(() => openDatabase(file, { migrations: [...before3, unmarked] })).toThrow(/no such table: main\.claims/)
    expect(fileHash(file)).toBe(hash)
  })

  it('rolls back when its foreign key check fails, leaving the file byte for byte as it was', () => {
    const dataDir = fullLibrary()
    const file = join(dataDir, DATABASE_FILE)
    const hash = fileHash(file)
    // Loses the claims with a verdict: their notes, sources and tags would point at nothing.
    const careless: Migration = {
      version: 3,
      name: 'careless',
      sql: rebuild.sql.replace(/FROM claims;/, "FROM claims WHERE status = 'unverifiable';")
    }
    expect(rebuildsTables(careless)).toBe(true)
    expect(() => openDatabase(file, { migrations: [...before3, careless] })).toThrow(
      /^Migration 3 \(careless\) would leave \d+ row\(s\) pointing at nothing \(first: \w+ row \d+ → claims\); it was rolled back and the library is as it was\.$/
    )
    expect(fileHash(file)).toBe(hash)
    const db = openDatabase(file, { migrations: before3 })
    expect(db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(9)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    db.close()
  })
})
