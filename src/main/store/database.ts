/**
 * Opens a Factmark library: one SQLite file, owned by the main process.
 */
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs'
import { FactmarkError } from '../../shared/errors'
import { applyMigrations, bundledMigrations, pendingMigrations, type Migration } from './migrations'

export interface OpenOptions {
  /** The migrations to apply; the bundled ones by default (tests pass their own). */
  migrations?: Migration[]
  /** Path to a better_sqlite3.node built for this runtime (Electron needs its own ABI). */
  nativeBinding?: string
  /** Called before migrations change an existing library (the library takes a pinned backup). */
  beforeMigrating?: (db: Database, pending: readonly Migration[]) => void
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/**
 * What is wrong with a library file's first bytes, or null. An empty file or
 * one without SQLite's header is damage, never a new library: SQLite would
 * take a 0-byte file for an empty database and start afresh over it.
 */
export function headerDamage(file: string): string | null {
  if (!existsSync(file)) return null
  if (statSync(file).size === 0) return 'the file is empty'
  const header = Buffer.alloc(SQLITE_HEADER.length)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, header, 0, header.length, 0)
  } finally {
    closeSync(fd)
  }
  return header.equals(SQLITE_HEADER) ? null : 'the file does not start with an SQLite header'
}

/**
 * A new library is made under a temporary name and renamed into place once it
 * has its tables, so a crash while creating it never leaves an empty file
 * where the library should be.
 */
function createLibrary(file: string, options: OpenOptions): void {
  const fresh = `${file}.new`
  const clear = () => {
    for (const leftover of [fresh, `${fresh}-wal`, `${fresh}-shm`]) rmSync(leftover, { force: true })
  }
  clear()
  try {
    openFile(fresh, { ...options, beforeMigrating: undefined }).close()
  } catch (error) {
    clear()
    throw error
  }
  renameSync(fresh, file)
}

/** The process's build of better-sqlite3 (Electron sets its own ABI's once, at start-up). */
let processBinding: string | undefined

export function useNativeBinding(path: string | undefined): void {
  processBinding = path
}

/** A bare connection (for checks and backups), with the process's native binding. */
export function connect(file: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Database {
  return new BetterSqlite3(file, { ...options, ...(processBinding ? { nativeBinding: processBinding } : {}) })
}

/** Opens a library file, making a new library if there is none; a damaged file is refused, untouched. */
export function openDatabase(file: string, options: OpenOptions = {}): Database {
  const damage = headerDamage(file)
  if (damage) throw new FactmarkError('conflict', `${file} is not a Factmark library or is damaged: ${damage}.`)
  if (!existsSync(file)) createLibrary(file, options)
  return openFile(file, options)
}

function openFile(file: string, options: OpenOptions): Database {
  let db: Database
  try {
    const nativeBinding = options.nativeBinding ?? processBinding
    db = new BetterSqlite3(file, nativeBinding ? { nativeBinding } : {})
  } catch (error) {
    throw new FactmarkError('internal', `Cannot open the library at ${file}: ${(error as Error).message}`)
  }
  try {
    // Check before any write (even setting WAL), so a refused file stays untouched.
    const pending = pendingMigrations(db, options.migrations ?? bundledMigrations)
    db.pragma('journal_mode = WAL')
    // FULL: each acknowledged action is on disk, even through a power cut. NORMAL would
    // also survive a killed app (scripts/durability.mjs), but FULL costs only about half a
    // millisecond per action (bench/durability.bench.ts), which no analyst can notice.
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    if (pending.length && options.beforeMigrating && hasTables(db)) options.beforeMigrating(db, pending)
    applyMigrations(db, pending)
    return db
  } catch (error) {
    db.close()
    if (error instanceof FactmarkError) throw error
    const message = (error as Error).message
    if (/not a database|malformed/i.test(message)) {
      throw new FactmarkError('conflict', `${file} is not a Factmark library or is damaged: ${message}`)
    }
    throw error
  }
}

/** True once the library has any table (a library being created has none). */
function hasTables(db: Database): boolean {
  return db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() !== 0
}
