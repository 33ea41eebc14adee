/**
 * Backups: copies of the library taken with SQLite's online backup API
 * (consistent while the app keeps working), kept in <data dir>/backups/, the
 * newest KEEP_BACKUPS only. Also the pieces of a restore, which the app, the
 * start-up recovery and the CLI share:
 *
 *   listBackups(dataDir)          newest first
 *   restoreBackup(dataDir, name)  with the library closed: keeps the current
 *                                 file as a backup of its own, then copies the
 *                                 chosen one into place. Nothing is overwritten.
 */
import type { Database } from 'better-sqlite3'
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { FactmarkError } from '../../shared/errors'
import type { Backup, RestoredBackup } from '../../shared/model'
import { DATABASE_FILE } from '../datadir'
import { connect } from './database'

/** What the service needs to offer backups: the library (src/main/library.ts) provides it. */
export interface BackupControl {
  list(): Backup[]
  /** Checks the backup now; the library swaps it in as soon as the current call has finished. */
  restore(name: string): RestoredBackup
}

export const BACKUP_DIR = 'backups'
export const KEEP_BACKUPS = 10
/** factmark-<ISO time with : and . as ->[-n].sqlite */
export const BACKUP_NAME = /^factmark-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(?:-\d+)?\.sqlite$/

export function backupsDir(dataDir: string): string {
  return join(dataDir, BACKUP_DIR)
}

/** A fresh name for a backup taken now (never one that exists). */
function newBackupName(dataDir: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  let name = `factmark-${stamp}.sqlite`
  for (let n = 1; existsSync(join(backupsDir(dataDir), name)); n++) name = `factmark-${stamp}-${n}.sqlite`
  return name
}

function describe(dataDir: string, name: string): Backup {
  const stat = statSync(join(backupsDir(dataDir), name))
  const stamp = /^factmark-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(name)!
  return { name, createdAt: `${stamp[1]}T${stamp[2]}:${stamp[3]}:${stamp[4]}.${stamp[5]}Z`, bytes: stat.size }
}

/** The backups in the data directory, newest first. */
export function listBackups(dataDir: string): Backup[] {
  let names: string[]
  try {
    names = readdirSync(backupsDir(dataDir))
  } catch {
    return []
  }
  return names
    .filter((name) => BACKUP_NAME.test(name))
    .sort((a, b) => compareNames(b, a))
    .map((name) => describe(dataDir, name))
}

/** Chronological order of backup names (a -n suffix comes after the plain name). */
function compareNames(a: string, b: string): number {
  const key = (name: string) => name.replace(/\.sqlite$/, '').replace(/Z$/, 'Z-0').replace(/Z-(\d+)$/, (_, n: string) => `Z-${n.padStart(6, '0')}`)
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0
}

/** Deletes all but the newest `keep` backups. */
export function pruneBackups(dataDir: string, keep = KEEP_BACKUPS): void {
  for (const backup of listBackups(dataDir).slice(keep)) rmSync(join(backupsDir(dataDir), backup.name), { force: true })
}

/**
 * Takes a backup of the open library with SQLite's online backup API. It is
 * written under a temporary name and renamed when complete, so a crash never
 * leaves a half backup among the good ones.
 */
export async function backUp(db: Database, dataDir: string, now = new Date()): Promise<Backup> {
  mkdirSync(backupsDir(dataDir), { recursive: true })
  const name = newBackupName(dataDir, now)
  const partial = join(backupsDir(dataDir), `${name}.partial`)
  try {
    await db.backup(partial)
    // A standalone file: no WAL flag in its header, so it opens read-only anywhere.
    const copy = connect(partial)
    copy.pragma('journal_mode = DELETE')
    copy.close()
    renameSync(partial, join(backupsDir(dataDir), name))
  } finally {
    rmSync(partial, { force: true })
  }
  pruneBackups(dataDir)
  return describe(dataDir, name)
}

/**
 * Why a database file cannot be used, or null when SQLite's quick_check finds
 * it sound. A library that may hold a WAL from a crash is opened read-write
 * (`readonly: false`) so SQLite can recover it; backups are read-only.
 */
export function damageOf(file: string, readonly = true): string | null {
  let db: Database | undefined
  try {
    db = connect(file, { readonly, fileMustExist: true })
    const result = db.pragma('quick_check', { simple: true })
    return result === 'ok' ? null : String(result)
  } catch (error) {
    return (error as Error).message
  } finally {
    db?.close()
  }
}

/** The newest backup that SQLite finds sound. */
export function newestGoodBackup(dataDir: string): Backup | undefined {
  return listBackups(dataDir).find((backup) => damageOf(join(backupsDir(dataDir), backup.name)) === null)
}

/** A backup by name, checked: it exists and is a sound SQLite database. */
export function requireGoodBackup(dataDir: string, name: string): Backup {
  if (!BACKUP_NAME.test(name)) throw new FactmarkError('invalid_input', `"${name.slice(0, 80)}" is not the name of a Factmark backup.`)
  const file = join(backupsDir(dataDir), name)
  if (!existsSync(file)) throw new FactmarkError('not_found', `There is no backup called ${name}.`)
  const damage = damageOf(file)
  if (damage) throw new FactmarkError('conflict', `The backup ${name} is damaged and cannot be restored: ${damage}`)
  return describe(dataDir, name)
}

/** The library file and its WAL/shared-memory companions. */
function libraryFiles(dataDir: string): string[] {
  const file = join(dataDir, DATABASE_FILE)
  return [file, `${file}-wal`, `${file}-shm`]
}

/**
 * Moves the library file (and its WAL) aside under a new name, never over
 * anything; answers the new path of the main file, or null if there was none.
 */
export function moveAside(dataDir: string, why: string, now = new Date()): string | null {
  const [file] = libraryFiles(dataDir) as [string, string, string]
  if (!existsSync(file)) return null
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  let target = `${file}.${why}-${stamp}`
  for (let n = 1; existsSync(target); n++) target = `${file}.${why}-${stamp}-${n}`
  for (const [from, suffix] of [[file, ''], [`${file}-wal`, '-wal'], [`${file}-shm`, '-shm']] as const) {
    if (existsSync(from)) renameSync(from, target + suffix)
  }
  return target
}

/**
 * Restores a backup into the data directory. The library must be closed.
 * The current library file is kept as the newest backup (so the restore can
 * be undone), then the chosen backup is copied into place.
 */
export function restoreBackup(dataDir: string, name: string, now = new Date()): RestoredBackup {
  const backup = requireGoodBackup(dataDir, name)
  let keptAs: string | null = null
  const [file] = libraryFiles(dataDir) as [string, string, string]
  if (existsSync(file) && damageOf(file) === null) {
    // Fold the WAL in, so the single file is the whole library, then keep it as a backup.
    const db = connect(file)
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    keptAs = newBackupName(dataDir, now)
    renameSync(file, join(backupsDir(dataDir), keptAs))
    for (const companion of [`${file}-wal`, `${file}-shm`]) rmSync(companion, { force: true })
  } else {
    moveAside(dataDir, 'replaced', now)
  }
  copyFileSync(join(backupsDir(dataDir), backup.name), file)
  pruneBackups(dataDir, KEEP_BACKUPS + 1) // the restored one and the kept one both stay
  return { restored: backup.name, keptAs }
}
