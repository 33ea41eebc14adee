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

export function openDatabase(file: string, options: OpenOptions = {}): Database {
  let db: Database
  try {
    db = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  } catch (error) {
    throw new FactmarkError('internal', `Cannot open the library at ${file}: ${(error as Error).message}`)
  }
  try {
    // Check before any write (even setting WAL), so a refused file stays untouched.
    const pending = pendingMigrations(db, options.migrations ?? bundledMigrations)
    db.pragma('journal_mode = WAL')
    // NORMAL in WAL mode survives a killed process; only power loss can drop the last commits.
    db.pragma('synchronous = NORMAL')
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
