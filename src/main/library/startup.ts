/**
 * Opening the library at start-up, safely: a library file that is damaged or
 * not a database is moved aside (never overwritten, never deleted), the shell
 * tells the analyst so in plain words and offers the newest good backup.
 * Then automatic backups: one at start-up, one after each period with changes.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Backup, RestoredBackup } from '../../shared/model'
import { DATABASE_FILE } from '../store/datadir'
import { openLibrary, type Library, type LibraryOptions } from './library'
import { backUp, backupsDir, damageOf, moveAside, newestGoodBackup, restoreBackup, settleInterruptedRestore } from '../store/backup'
import { headerDamage } from '../store/database'
import { whileSoleUser } from '../store/lock'

export interface Damage {
  file: string
  /** SQLite's words for what is wrong. */
  reason: string
  /** Where the damaged file now is. */
  movedTo: string
  /** The newest backup that SQLite finds sound, if any. */
  backup: Backup | undefined
}

export type RecoveryChoice = 'restore' | 'empty' | 'quit'

/** What is wrong with the library file, or null if it is sound (or does not exist yet). */
export function libraryDamage(dataDir: string): string | null {
  settleInterruptedRestore(dataDir)
  const file = join(dataDir, DATABASE_FILE)
  if (!existsSync(file)) return null
  // SQLite would take an empty or headerless file for a new database: it is a library that lost everything.
  return headerDamage(file) ?? damageOf(file, false)
}

/** The message both shells show, in the analyst's words. */
export function describeDamage(damage: Damage): string {
  const lines = [
    `The library ${damage.file} is damaged or is not a Factmark library (${damage.reason}).`,
    `It was moved aside, untouched, to ${damage.movedTo}.`
  ]
  lines.push(
    damage.backup
      ? `The newest good backup is from ${damage.backup.createdAt} (${damage.backup.name}). You can restore it, or start with an empty library.`
      : `There is no good backup in ${backupsDir(join(damage.file, '..'))}. You can start with an empty library.`
  )
  return lines.join('\n')
}

/**
 * Opens the library; when its file is damaged, moves it aside and asks
 * `choose` what to do. Answers null when the analyst chose to quit.
 */
export function openLibraryAtStartup(
  dataDir: string,
  choose: (damage: Damage) => RecoveryChoice,
  options: LibraryOptions = {}
): Library | null {
  const reason = libraryDamage(dataDir)
  if (reason !== null) {
    const file = join(dataDir, DATABASE_FILE)
    // Moving the file aside replaces it: not while another process has it open.
    const movedTo = whileSoleUser(file, 'move the damaged library aside', () => moveAside(dataDir, 'damaged')!)
    const backup = newestGoodBackup(dataDir)
    const choice = choose({ file, reason, movedTo, backup })
    if (choice === 'quit') return null
    if (choice === 'restore' && backup) restoreBackup(dataDir, backup.name)
  }
  return openLibrary(dataDir, options)
}

/**
 * Restores the newest good backup before the library is opened (the CLI's
 * --restore-newest-backup). The current file, sound or not, is kept.
 */
export function restoreNewestBackup(dataDir: string): RestoredBackup | null {
  const backup = newestGoodBackup(dataDir)
  return backup ? restoreBackup(dataDir, backup.name) : null
}

export interface AutomaticBackups {
  /** Resolves when the current backup (if one is running) has finished. */
  settled(): Promise<void>
  /** Runs the periodic check now (a backup if the library changed); resolves when it is done. */
  check(): Promise<void>
  stop(): void
}

/** Fifteen minutes: at most that much work lives only in the library file. */
export const BACKUP_PERIOD_MS = 15 * 60 * 1000

/**
 * A backup now, then one every `periodMs` if the library changed since the
 * last one (SQLite's total_changes() on the library's connection).
 */
export function startAutomaticBackups(library: Library, periodMs = BACKUP_PERIOD_MS): AutomaticBackups {
  let last: { db: unknown; changes: number } | undefined
  let running: Promise<void> = Promise.resolve()
  let busy = false
  const tick = (): void => {
    if (busy) return
    const db = library.db
    if (!db.open) return
    const changes = db.prepare('SELECT total_changes()').pluck().get() as number
    if (last && last.db === db && last.changes === changes) return
    busy = true
    running = backUp(db, library.dataDir)
      .then(() => {
        last = { db, changes }
      })
      .catch((error: unknown) => console.error(`factmark: the automatic backup failed: ${(error as Error).message}`))
      .finally(() => {
        busy = false
      })
  }
  tick()
  const timer = setInterval(tick, periodMs)
  timer.unref()
  return {
    settled: () => running,
    check: () => {
      tick()
      return running
    },
    stop: () => clearInterval(timer)
  }
}
