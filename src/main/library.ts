/**
 * A library: the data directory's database and the service over it. Both
 * shells (Electron and the browser host) and the tests open one this way.
 *
 * The service handed out stays the same object for the library's life, even
 * when a restore swaps the database underneath it: a restore is checked inside
 * its call, and carried out right after that call's transaction has ended.
 */
import type { Database } from 'better-sqlite3'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { operationNames, type ApiHandlers } from '../shared/api'
import { FactmarkError } from '../shared/errors'
import { DATABASE_FILE } from './datadir'
import type { PdfPrinter } from './report/export'
import { createService } from './service/service'
import { listBackups, requireGoodBackup, restoreBackup } from './store/backup'
import { openDatabase, type OpenOptions } from './store/database'
import { teamControl } from './team/control'

export interface Library {
  dataDir: string
  /** The open database (a new one after a restore). */
  readonly db: Database
  service: ApiHandlers
  close(): void
}

export interface LibraryOptions extends OpenOptions {
  /** How PDF reports are printed; headless Chromium when absent. */
  printPdf?: PdfPrinter
  /** Keep a live link with the team library, if the library has joined one (the app does; the CLI does not). */
  liveTeam?: boolean
}

export function openLibrary(dataDir: string, options: LibraryOptions = {}): Library {
  const file = join(dataDir, DATABASE_FILE)
  let db = openDatabase(file, options)
  let pendingRestore: string | undefined
  const team = teamControl(() => db, { live: options.liveTeam ?? false })
  const open = (database: Database) =>
    createService(database, {
      defaultAuthor: analystName(),
      team,
      ...(options.printPdf && { printPdf: options.printPdf }),
      backups: {
        list: () => listBackups(dataDir),
        restore: (name) => {
          const backup = requireGoodBackup(dataDir, name)
          pendingRestore = backup.name
          return { restored: backup.name, keptAs: null }
        }
      }
    })
  let inner = open(db)

  /** Closes the database, restores the backup into place and reopens. */
  function carryOutRestore(name: string): { keptAs: string | null } {
    db.close()
    try {
      const { keptAs } = restoreBackup(dataDir, name)
      db = openDatabase(file, options)
      inner = open(db)
      return { keptAs }
    } catch (error) {
      // Whatever happened, leave an open library behind (the kept file is among the backups).
      db = openDatabase(file, options)
      inner = open(db)
      throw error instanceof FactmarkError ? error : new FactmarkError('internal', `Restoring ${name} failed: ${(error as Error).message}`)
    }
  }

  const service = Object.fromEntries(
    operationNames.map((name) => [
      name,
      (input: unknown) => {
        const result = (inner[name] as (input: unknown) => unknown)(input)
        if (pendingRestore === undefined) return result
        const restoring = pendingRestore
        pendingRestore = undefined
        return { ...(result as object), ...carryOutRestore(restoring) }
      }
    ])
  ) as ApiHandlers

  return {
    dataDir,
    get db() {
      return db
    },
    service,
    close: () => {
      team.stop()
      db.close()
    }
  }
}

function analystName(): string {
  try {
    return userInfo().username || 'analyst'
  } catch {
    return 'analyst'
  }
}
