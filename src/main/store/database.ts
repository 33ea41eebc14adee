/**
 * Opens a Factmark library: one SQLite file, owned by the main process.
 */
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { FactmarkError } from '../../shared/errors'
import { applyMigrations, bundledMigrations, pendingMigrations, type Migration } from './migrations'

export interface OpenOptions {
  /** The migrations to apply; the bundled ones by default (tests pass their own). */
  migrations?: Migration[]
  /** Path to a better_sqlite3.node built for this runtime (Electron needs its own ABI). */
  nativeBinding?: string
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

export function openDatabase(file: string, options: OpenOptions = {}): Database {
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
