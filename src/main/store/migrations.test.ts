import BetterSqlite3 from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../testing/temp'
import { openDatabase } from './database'
import { bundledMigrations, checksum, parseMigrationFiles, type Migration } from './migrations'

const v1: Migration = { version: 1, name: 'first', sql: 'CREATE TABLE a (x INTEGER);' }
const v2: Migration = { version: 2, name: 'second', sql: 'CREATE TABLE b (y INTEGER);' }
const fileHash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('migrations', () => {
  it('bundles migrations/*.sql in order, starting at 1', () => {
    expect(bundledMigrations.length).toBeGreaterThan(0)
    const versions = bundledMigrations.map((m) => m.version)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    expect(bundledMigrations[0]!.name).toBe('initial')
  })

  it('applies every migration to a fresh database and records each in the ledger', () => {
    const file = join(tempDir(), 'lib.sqlite')
    const db = openDatabase(file)
    const ledger = db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all()
    expect(ledger).toEqual(bundledMigrations.map((m) => ({ version: m.version, name: m.name, checksum: checksum(m.sql) })))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    db.close()
  })

  it('opens an up-to-date database without applying anything again', () => {
    const file = join(tempDir(), 'lib.sqlite')
    openDatabase(file, { migrations: [v1] }).close()
    const db = openDatabase(file, { migrations: [v1, v2] })
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(2)
    db.close()
    const again = openDatabase(file, { migrations: [v1, v2] })
    expect(again.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(2)
    again.close()
  })

  it('applies each migration in its own transaction: a failing one leaves the earlier ones applied', () => {
    const file = join(tempDir(), 'lib.sqlite')
    const broken: Migration = { version: 3, name: 'broken', sql: 'CREATE TABLE c (z INTEGER); SELECT nonsense FROM nowhere;' }
    openDatabase(file, { migrations: [v1] }).close()
    expect(() => openDatabase(file, { migrations: [v1, v2, broken] })).toThrow(/nowhere/)
    const db = new BetterSqlite3(file)
    expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual([1, 2])
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'c'").get()).toBeUndefined()
    db.close()
  })

  it('creates a new library whole or not at all: a failing migration leaves no file behind', () => {
    const file = join(tempDir(), 'lib.sqlite')
    const broken: Migration = { version: 2, name: 'broken', sql: 'SELECT nonsense FROM nowhere;' }
    expect(() => openDatabase(file, { migrations: [v1, broken] })).toThrow(/nowhere/)
    expect(existsSync(file)).toBe(false)
    expect(existsSync(`${file}.new`)).toBe(false)
  })

  it('refuses a database from a newer version, and leaves it untouched', () => {
    const file = join(tempDir(), 'lib.sqlite')
    openDatabase(file, { migrations: [v1, v2] }).close()
    const before = fileHash(file)
    expect(() => openDatabase(file, { migrations: [v1] })).toThrow(/newer version of Factmark \(schema 2; this version knows 1\)/)
    expect(fileHash(file)).toBe(before)
  })

  it('refuses a database whose ledger is not a prefix of the migrations, and leaves it untouched', () => {
    const file = join(tempDir(), 'lib.sqlite')
    openDatabase(file, { migrations: [v1] }).close()
    const before = fileHash(file)
    const rewritten = { ...v1, sql: 'CREATE TABLE a (x TEXT);' }
    expect(() => openDatabase(file, { migrations: [rewritten, v2] })).toThrow(/migration 1 \(first\) does not match/)
    const renamed = { ...v1, name: 'other' }
    expect(() => openDatabase(file, { migrations: [renamed] })).toThrow(/does not match/)
    expect(fileHash(file)).toBe(before)
  })

  it('refuses a file that is not a database, or not a Factmark library', () => {
    const dir = tempDir()
    const text = join(dir, 'notes.sqlite')
    writeFileSync(text, 'These are my notes, not a database. '.repeat(200))
    const before = fileHash(text)
    expect(() => openDatabase(text)).toThrow(/not a Factmark library or is damaged/)
    expect(fileHash(text)).toBe(before)

    const other = join(dir, 'other.sqlite')
    const foreign = new BetterSqlite3(other)
    foreign.exec('CREATE TABLE people (name TEXT)')
    foreign.close()
    expect(() => openDatabase(other)).toThrow(/not a Factmark library/)
  })

  it('hashes migrations the same with Windows line endings', () => {
    expect(checksum('A;\r\nB;\r\n')).toBe(checksum('A;\nB;\n'))
  })

  it('rejects misnamed or misnumbered migration files', () => {
    expect(() => parseMigrationFiles({ '/m/0001_ok.sql': '', '/m/0001_again.sql': '' })).toThrow(/increasing numbers/)
    // A gap is allowed: numbers are reserved for work that lands later.
    expect(parseMigrationFiles({ '/m/0001_ok.sql': '', '/m/0003_gap.sql': '' }).map((m) => m.version)).toEqual([1, 3])
    expect(() => parseMigrationFiles({ '/m/first.sql': '' })).toThrow(/NNNN_name.sql/)
  })
})
