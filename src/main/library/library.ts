/**
 * A library: the data directory's database and the service over it. Both
 * shells (Electron and the browser host) and the tests open one this way.
 *
 * The service handed out stays the same object for the library's life, even
 * when a restore swaps the database underneath it: a restore is checked inside
 * its call, and carried out right after that call's transaction has ended.
 *
 * Opening registers this process as a user of the library (store/lock.ts), so
 * a restore in another process refuses while this one has it open.
 */
import type { Database } from 'better-sqlite3'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { operationNames, type ApiHandlers } from '../../shared/api'
import { FactmarkError } from '../../shared/errors'
import { DATABASE_FILE } from '../store/datadir'
import type { PdfPrinter } from '../report/export'
import { createService } from '../operations/service'
import { backUpPinned, listBackupsInDetail, requireGoodBackup, restoreBackup, settleInterruptedRestore } from '../store/backup'
import { openDatabase, type OpenOptions } from '../store/database'
import { describeUser, otherUsers, registerUser } from '../store/lock'
import { teamControl } from '../team/control'

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
  /** The program's name, as another process's refusal names it ("the Factmark app"). */
  program?: string
  /** The clock for the backups the library takes itself (tests simulate time). */
  now?: () => Date
  /** Keep a live link with the team library, if the library has joined one (the app does; the CLI does not). */
  liveTeam?: boolean
}

export function openLibrary(dataDir: string, options: LibraryOptions = {}): Library {
  const file = join(dataDir, DATABASE_FILE)
  const clock = options.now ?? (() => new Date())
  const registration = registerUser(file, options.program)
  const opening: OpenOptions = {
    ...options,
    // A migration changes the whole library: the library as it was stays in a pinned backup.
    beforeMigrating: (database, pending) =>
      backUpPinned(database, dataDir, `before migration ${pending.map((m) => m.name).join(', ')}`, clock())
  }
  let db: Database
  try {
    settleInterruptedRestore(dataDir)
    db = openDatabase(file, opening)
  } catch (error) {
    registration.release()
    throw error
  }
  let pendingRestore: string | undefined
  const team = teamControl(() => db, { live: options.liveTeam ?? false })
  const open = (database: Database) =>
    createService(database, {
      accountName: accountName(),
      team,
      ...(options.printPdf && { printPdf: options.printPdf }),
      backups: {
        list: () => listBackupsInDetail(dataDir),
        restore: (name) => {
          const backup = requireGoodBackup(dataDir, name)
          // Refused now, in the call, rather than after it; checked again while the file is replaced.
          const others = otherUsers(file, registration)
          if (others.length) {
            throw new FactmarkError('conflict', `Cannot restore ${name} while the library is open in ${others.map(describeUser).join(' and ')}: close it first.`)
          }
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
      const { keptAs } = restoreBackup(dataDir, name, clock(), registration)
      db = openDatabase(file, opening)
      inner = open(db)
      return { keptAs }
    } catch (error) {
      // Whatever happened, leave an open library behind (the kept file is among the backups).
      db = openDatabase(file, opening)
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
      registration.release()
    }
  }
}

/** The OS account name, which only pre-fills the analyst's name on first run. */
function accountName(): string {
  try {
    return userInfo().username || 'analyst'
  } catch {
    return 'analyst'
  }
}
