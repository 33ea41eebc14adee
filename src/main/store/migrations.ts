/**
 * Numbered SQL migrations (migrations/NNNN_name.sql), applied in order, each
 * in its own transaction, and recorded in the `schema_migrations` ledger.
 *
 * A database is refused, untouched, when its ledger is not a prefix of the
 * files this build knows: it was written by a newer Factmark, or one of its
 * migrations was changed after it shipped.
 */
import { createHash } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import { FactmarkError } from '../../shared/errors'

export interface Migration {
  version: number
  name: string
  sql: string
}

// Bundled at build time, so the app never looks for .sql files at run time.
const files = import.meta.glob<string>('../../../migrations/*.sql', {
  query: '?raw',
  import: 'default',
  eager: true
})

/** The migrations this build carries, in order. */
export const bundledMigrations: Migration[] = parseMigrationFiles(files)

export function parseMigrationFiles(byPath: Record<string, string>): Migration[] {
  const migrations = Object.entries(byPath).map(([path, sql]) => {
    const file = path.split('/').pop()!
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file)
    if (!match) throw new Error(`Migration file name "${file}" is not NNNN_name.sql`)
    return { version: Number(match[1]), name: match[2]!, sql }
  })
  migrations.sort((a, b) => a.version - b.version)
  // Numbers are assigned to work in progress ahead of time, so one may land before a lower one: increasing, not consecutive.
  migrations.forEach((m, i) => {
    const previous = i === 0 ? 0 : migrations[i - 1]!.version
    if (m.version <= previous) throw new Error(`Migrations must have increasing numbers; found ${m.version} after ${previous}`)
  })
  return migrations
}

/** Line endings are normalised so a Windows checkout hashes the same. */
export function checksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex')
}

interface LedgerRow {
  version: number
  name: string
  checksum: string
}

function readLedger(db: Database): LedgerRow[] {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get()
  if (!table) return []
  return db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as LedgerRow[]
}

/**
 * Checks the ledger against the known migrations without writing anything.
 * Returns the migrations still to apply.
 */
export function pendingMigrations(db: Database, migrations: Migration[]): Migration[] {
  const ledger = readLedger(db)
  if (ledger.length === 0 && hasUserTables(db)) {
    throw new FactmarkError('conflict', 'This file has tables but no Factmark migration ledger: it is not a Factmark library.')
  }
  if (ledger.length > migrations.length) {
    throw new FactmarkError(
      'conflict',
      `This library was written by a newer version of Factmark (schema ${ledger.length}; this version knows ${migrations.length}). ` +
        'Update Factmark to open it. The file was left untouched.'
    )
  }
  ledger.forEach((row, i) => {
    const known = migrations[i]!
    if (row.version !== known.version || row.name !== known.name || row.checksum !== checksum(known.sql)) {
      throw new FactmarkError(
        'conflict',
        `This library's migration ${row.version} (${row.name}) does not match this version's ` +
          `${known.version} (${known.name}): it comes from a different build of Factmark. The file was left untouched.`
      )
    }
  })
  return migrations.slice(ledger.length)
}

function hasUserTables(db: Database): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").get()
}

/** Applies each pending migration in its own transaction. */
export function applyMigrations(db: Database, pending: Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`)
  const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)')
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql)
      record.run(migration.version, migration.name, checksum(migration.sql), new Date().toISOString())
    })()
  }
}
