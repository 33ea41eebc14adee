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
import type { SearchHit } from '../../shared/model'
import { DATABASE_FILE } from './datadir'
import { openLibrary } from '../library/library'
import { fixtureDocument, fixtureReport } from '../report/fixture'
import { apiOn } from '../testing/calls'
import { snapshot, tempDir } from '../testing/temp'
import { openDatabase } from './database'
import { bundledMigrations, rebuildsTables, REBUILDS_TABLES, type Migration } from './migrations'

const before3 = bundledMigrations.filter((m) => m.version < 3)
const through3 = bundledMigrations.filter((m) => m.version <= 3)
const rebuild = bundledMigrations.find((m) => m.version === 3)!
const fileHash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

/**
 * A closed library at schema 2, full of work: three documents, each with the
 * report fixture's claims (every verdict, claimants, tags, orphans), notes,
 * sources and a history for every claim. Written as rows, as schema 2 held
 * them: today's operations need tables of later migrations.
 */
function fullLibrary(): string {
  const dataDir = tempDir()
  const db = openDatabase(join(dataDir, DATABASE_FILE), { migrations: before3 })
  const history = db.prepare('INSERT INTO claim_history (claim_id, document_id, at, author, action, detail) VALUES (?, ?, ?, ?, ?, ?)')
  for (let copy = 0; copy < 3; copy++) {
    const id = (original: string) => `${copy}${original.slice(1)}`
    const report = fixtureReport()
    const document = { ...report.document, id: id(report.document.id), title: `${report.document.title} (${copy})` }
    // The columns of schema 2 (migrations/0001), as its operations wrote them.
    db.prepare(
      `INSERT INTO documents (id, title, source_url, publisher, author, published_at, language, imported_at, text, content, origin)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'text')`
    ).run(document.id, document.title, document.sourceUrl, document.publisher, document.author, document.publishedAt, document.language, document.importedAt, document.text, JSON.stringify(document.content))
    const insertClaim = db.prepare(
      `INSERT INTO claims (id, document_id, exact, prefix, suffix, start_offset, end_offset, status, claimant, orphaned, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    for (const c of report.claims) {
      insertClaim.run(id(c.id), document.id, c.quote.exact, c.quote.prefix, c.quote.suffix, c.position.start, c.position.end, c.status, c.claimant, c.orphaned ? 1 : 0, c.createdAt, c.updatedAt)
      for (const tag of c.tags) db.prepare('INSERT INTO claim_tags (claim_id, tag) VALUES (?, ?)').run(id(c.id), tag)
    }
    for (const n of report.notes) {
      db.prepare('INSERT INTO notes (id, claim_id, author, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id(n.id), id(n.claimId), n.author, n.body, n.createdAt, n.updatedAt)
    }
    for (const x of report.sources) {
      db.prepare('INSERT INTO sources (id, claim_id, url, title, excerpt, stance, accessed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        id(x.id), id(x.claimId), x.url, x.title, x.excerpt, x.stance, x.accessedAt, x.createdAt
      )
    }
    for (const claim of report.claims) {
      history.run(id(claim.id), document.id, claim.createdAt, 'Mina Karimi', 'created', JSON.stringify({ start: claim.position.start }))
      history.run(id(claim.id), document.id, claim.updatedAt, 'Mina Karimi', 'status_changed', JSON.stringify({ from: 'unverified', to: claim.status }))
    }
  }
  db.close()
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
    const count = (db: BetterSqlite3.Database, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()
    expect(['claims', 'notes', 'sources', 'claim_tags', 'claim_history', 'search_items'].map((t) => count(old, t))).toEqual([24, 15, 12, 9, 48, 54])
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

    // The app on the rebuilt library (and every later migration): search follows new notes and sources; deleting cascades.
    const library = openLibrary(dataDir)
    const { ok } = apiOn(library)
    const documentId = `0${fixtureDocument.id.slice(1)}`
    const claim = ok('listClaims', { documentId })[0]!
    ok('addNote', { claimId: claim.id, body: 'Checked against the passports archive.' })
    ok('addSource', { claimId: claim.id, url: 'https://example.org/archive', title: 'Passports archive', stance: 'context' })
    const kinds = (query: string) => ok('search', { query }).map((hit: SearchHit) => hit.kind).sort()
    expect(kinds('passports archive')).toEqual(['note', 'source'])
    ok('deleteDocument', { documentId })
    expect(['documents', 'claims', 'notes', 'sources', 'claim_tags'].map((t) => count(library.db, t))).toEqual([2, 16, 10, 8, 6])
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
    // Loses every claim: the notes, sources and tags would point at nothing.
    const careless: Migration = {
      version: 3,
      name: 'careless',
      sql: rebuild.sql.replace(/FROM claims;/, 'FROM claims WHERE 0;')
    }
    expect(rebuildsTables(careless)).toBe(true)
    expect(() => openDatabase(file, { migrations: [...before3, careless] })).toThrow(
      /^Migration 3 \(careless\) would leave \d+ row\(s\) pointing at nothing \(first: \w+ row \d+ → claims\); it was rolled back and the library is as it was\.$/
    )
    expect(fileHash(file)).toBe(hash)
    const db = openDatabase(file, { migrations: before3 })
    expect(db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(24)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    db.close()
  })
})
