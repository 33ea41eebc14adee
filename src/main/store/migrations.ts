/**
 * Numbered SQL migrations (migrations/NNNN_name.sql), applied in order, each
 * in its own transaction, and recorded in the `schema_migrations` ledger.
 *
 * A migration whose header says `-- factmark: rebuilds-tables` may rebuild a
 * table the way SQLite's ALTER TABLE documentation prescribes (create the
 * new table, copy, drop the old, rename). Foreign keys are switched off for
 * it, outside its transaction (SQLite ignores the pragma inside one), so
 * dropping `claims` does not cascade into every note and source, and the
 * table's indexes and triggers are the migration's to create again; before the
 * transaction commits, `foreign_key_check` and `integrity_check` must come
 * back clean, or it rolls back and the library is as it was.
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

/** The header line by which a migration says it rebuilds tables. */
export const REBUILDS_TABLES = '-- factmark: rebuilds-tables'

/** True when the migration's leading comment lines hold `-- factmark: rebuilds-tables`. */
export function rebuildsTables(migration: Migration): boolean {
  for (const line of migration.sql.split(/\r?\n/)) {
    const trimmed = line.trim()
    if (trimmed === REBUILDS_TABLES) return true
    if (trimmed !== '' && !trimmed.startsWith('--')) return false
  }
  return false
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
    const apply = db.transaction(() => {
      db.exec(migration.sql)
      if (rebuildsTables(migration)) checkRebuild(db, migration)
      record.run(migration.version, migration.name, checksum(migration.sql), new Date().toISOString())
    })
    if (!rebuildsTables(migration)) {
      apply.immediate()
      continue
    }
    // Legacy renaming leaves other tables' triggers alone: between the DROP and the RENAME
    // they name a table that is briefly missing, which the modern RENAME refuses.
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number
    const legacyAlter = db.pragma('legacy_alter_table', { simple: true }) as number
    db.pragma('foreign_keys = OFF')
    db.pragma('legacy_alter_table = ON')
    try {
      apply.immediate()
    } finally {
      db.pragma(`legacy_alter_table = ${legacyAlter ? 'ON' : 'OFF'}`)
      db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`)
    }
  }
}

/** Inside the rebuild's transaction, before it commits: every reference resolves and the file is sound. */
function checkRebuild(db: Database, migration: Migration): void {
  const dangling = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]
  if (dangling.length) {
    const first = dangling[0]!
    throw new FactmarkError(
      'conflict',
      `Migration ${migration.version} (${migration.name}) would leave ${dangling.length} row(s) pointing at nothing ` +
        `(first: ${first.table} row ${first.rowid} → ${first.parent}); it was rolled back and the library is as it was.`
    )
  }
  const integrity = db.pragma('integrity_check', { simple: true })
  if (integrity !== 'ok') {
    throw new FactmarkError(
      'conflict',
      `Migration ${migration.version} (${migration.name}) failed SQLite's integrity check (${String(integrity)}); it was rolled back and the library is as it was.`
    )
  }
}
