/**
 * Backups: copies of the library taken with SQLite's online backup API
 * (consistent while the app keeps working), kept in <data dir>/backups/.
 *
 * - No duplicates: a backup whose bytes equal the newest one's is dropped
 *   (an unchanged library is not backed up twice, however often it starts).
 * - Retention by age (RETENTION): the newest few always, then the newest
 *   backup of each hour for a day, of each day for a week, of each week for
 *   two months, and of each month for a year; older ones are deleted.
 * - Pinned backups are never deleted: the one taken before a restore and the
 *   one taken before a migration (a `NAME.pinned` file beside it says why).
 *
 * Also the pieces of a restore, which the app, the start-up recovery and the CLI share:
 *
 *   listBackups(dataDir)          newest first
 *   restoreBackup(dataDir, name)  with the library closed and no other process
 *                                 using it: keeps the current file as a pinned
 *                                 backup, then swaps the chosen one in.
 */
import type { Database } from 'better-sqlite3'
import { createHash } from 'node:crypto'
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import { FactmarkError } from '../../shared/errors'
import type { Backup, RestoredBackup } from '../../shared/model'
import { DATABASE_FILE } from './datadir'
import { connect } from './database'
import { whileSoleUser, type Registration } from './lock'

/** What the service needs to offer backups: the library (src/main/library/library.ts) provides it. */
export interface BackupControl {
  list(): Backup[]
  /** Checks the backup now; the library swaps it in as soon as the current call has finished. */
  restore(name: string): RestoredBackup
}

export const BACKUP_DIR = 'backups'
/** factmark-<ISO time with : and . as ->[-n].sqlite */
export const BACKUP_NAME = /^factmark-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(?:-\d+)?\.sqlite$/

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

/**
 * How long backups are kept, and how densely: within `within` of now, the
 * newest backup of each `bucket` stays. A backup stays if any rule (or
 * KEEP_NEWEST, or a pin) keeps it.
 */
export const RETENTION: { label: string; within: number; bucket: (time: number) => string }[] = [
  { label: 'hourly for a day', within: DAY, bucket: (t) => new Date(t).toISOString().slice(0, 13) },
  { label: 'daily for a week', within: 7 * DAY, bucket: (t) => new Date(t).toISOString().slice(0, 10) },
  { label: 'weekly for two months', within: 61 * DAY, bucket: (t) => String(Math.floor(t / (7 * DAY))) },
  { label: 'monthly for a year', within: 365 * DAY, bucket: (t) => new Date(t).toISOString().slice(0, 7) }
]
/** The newest backups are kept whatever their age: a library left alone for a year still has them. */
export const KEEP_NEWEST = 3

export function backupsDir(dataDir: string): string {
  return join(dataDir, BACKUP_DIR)
}

const backupFile = (dataDir: string, name: string) => join(backupsDir(dataDir), name)
const pinFile = (dataDir: string, name: string) => `${backupFile(dataDir, name)}.pinned`

/** A fresh name for a backup taken now (never one that exists). */
function newBackupName(dataDir: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  let name = `factmark-${stamp}.sqlite`
  for (let n = 1; existsSync(backupFile(dataDir, name)); n++) name = `factmark-${stamp}-${n}.sqlite`
  return name
}

function createdAt(name: string): string {
  const stamp = /^factmark-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(name)!
  return `${stamp[1]}T${stamp[2]}:${stamp[3]}:${stamp[4]}.${stamp[5]}Z`
}

/** Why a backup is pinned, or null. */
function pinReason(dataDir: string, name: string): string | null {
  try {
    return readFileSync(pinFile(dataDir, name), 'utf8').trim() || 'pinned'
  } catch {
    return null
  }
}

/** Pins a backup (before it is written, so a crash never leaves the backup unpinned). */
function pin(dataDir: string, name: string, reason: string): void {
  mkdirSync(backupsDir(dataDir), { recursive: true })
  writeFileSync(pinFile(dataDir, name), `${reason}\n`)
}

function describe(dataDir: string, name: string): Backup {
  const stat = statSync(backupFile(dataDir, name))
  return { name, createdAt: createdAt(name), bytes: stat.size, claims: null, pinned: pinReason(dataDir, name) }
}

/** The number of claims in a backup, or null when it cannot be read. */
function claimCount(file: string): number | null {
  let db: Database | undefined
  try {
    db = connect(file, { readonly: true, fileMustExist: true })
    return db.prepare('SELECT count(*) FROM claims').pluck().get() as number
  } catch {
    return null
  } finally {
    db?.close()
  }
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

/** The backups with their claim counts: what the analyst's list shows (it opens each backup). */
export function listBackupsInDetail(dataDir: string): Backup[] {
  return listBackups(dataDir).map((backup) => ({ ...backup, claims: claimCount(backupFile(dataDir, backup.name)) }))
}

/** Chronological order of backup names (a -n suffix comes after the plain name). */
function compareNames(a: string, b: string): number {
  const key = (name: string) => name.replace(/\.sqlite$/, '').replace(/Z$/, 'Z-0').replace(/Z-(\d+)$/, (_, n: string) => `Z-${n.padStart(6, '0')}`)
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0
}

/** The names of the backups that retention keeps at `now` (given newest first). */
export function backupsToKeep(backups: readonly Backup[], now: Date): Set<string> {
  const keep = new Set(backups.slice(0, KEEP_NEWEST).map((b) => b.name))
  for (const backup of backups) if (backup.pinned) keep.add(backup.name)
  for (const rule of RETENTION) {
    const seen = new Set<string>()
    for (const backup of backups) {
      const time = Date.parse(backup.createdAt)
      if (now.getTime() - time > rule.within) continue
      const bucket = rule.bucket(time)
      if (seen.has(bucket)) continue
      seen.add(bucket)
      keep.add(backup.name)
    }
  }
  return keep
}

/** Deletes the backups retention no longer keeps, and half-written ones an interrupted backup left behind. */
export function pruneBackups(dataDir: string, now = new Date()): void {
  const backups = listBackups(dataDir)
  const keep = backupsToKeep(backups, now)
  for (const backup of backups) if (!keep.has(backup.name)) rmSync(backupFile(dataDir, backup.name), { force: true })
  let names: string[] = []
  try {
    names = readdirSync(backupsDir(dataDir))
  } catch {
    return
  }
  for (const name of names) {
    const file = join(backupsDir(dataDir), name)
    // A partial file an hour old belongs to a backup that was killed, not to one under way.
    if (name.endsWith('.partial') && now.getTime() - statSync(file).mtimeMs > HOUR) rmSync(file, { force: true })
    // A pin whose backup was never written (killed before it was).
    if (name.endsWith('.pinned') && !existsSync(file.slice(0, -'.pinned'.length)) && now.getTime() - statSync(file).mtimeMs > HOUR) {
      rmSync(file, { force: true })
    }
  }
}

function sameBytes(a: string, b: string): boolean {
  if (statSync(a).size !== statSync(b).size) return false
  const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
  return digest(a) === digest(b)
}


/** Makes a backup file standalone: no WAL flag in its header, so it opens read-only anywhere. */
function standalone(file: string): void {
  const copy = connect(file)
  copy.pragma('journal_mode = DELETE')
  copy.close()
}

/**
 * Takes a backup of the open library with SQLite's online backup API. It is
 * written under a temporary name and renamed when complete, so a crash never
 * leaves a half backup among the good ones. When the library is unchanged
 * since the newest backup (the bytes are the same), no new one is kept and
 * that newest backup is the answer.
 */
export async function backUp(db: Database, dataDir: string, now = new Date()): Promise<Backup> {
  mkdirSync(backupsDir(dataDir), { recursive: true })
  const name = newBackupName(dataDir, now)
  const partial = `${backupFile(dataDir, name)}.partial`
  try {
    await db.backup(partial)
    standalone(partial)
    const newest = listBackups(dataDir)[0]
    if (newest && sameBytes(partial, backupFile(dataDir, newest.name))) return newest
    renameSync(partial, backupFile(dataDir, name))
  } finally {
    rmSync(partial, { force: true })
  }
  pruneBackups(dataDir, now)
  return describe(dataDir, name)
}

/**
 * A pinned backup taken synchronously (VACUUM INTO), before something that
 * changes the whole library: a migration. Answers its name.
 */
export function backUpPinned(db: Database, dataDir: string, reason: string, now = new Date()): string {
  mkdirSync(backupsDir(dataDir), { recursive: true })
  const name = newBackupName(dataDir, now)
  const partial = `${backupFile(dataDir, name)}.partial`
  pin(dataDir, name, reason)
  try {
    rmSync(partial, { force: true })
    db.prepare('VACUUM INTO ?').run(partial)
    standalone(partial)
    renameSync(partial, backupFile(dataDir, name))
  } finally {
    rmSync(partial, { force: true })
  }
  return name
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

/** Copies a file so that `to` appears complete or not at all, and is on disk when this returns. */
function copyDurably(from: string, to: string): void {
  const partial = `${to}.partial`
  copyFileSync(from, partial)
  const fd = openSync(partial, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(partial, to)
  syncDirectory(dirname(to))
}

/** Makes a rename in `dir` durable (a no-op where directories cannot be opened, as on Windows). */
function syncDirectory(dir: string): void {
  let fd: number | undefined
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch {
    // Not supported here: the rename is still atomic, only its durability is the OS's.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** Where a restore puts the chosen backup before it swaps it in. */
const stagedRestore = (dataDir: string) => `${join(dataDir, DATABASE_FILE)}.restoring`

/**
 * Finishes or forgets a restore that a crash interrupted: the staged copy is
 * complete (it is renamed into place only once on disk), so if the library
 * file is gone it is swapped in; if the library is still there, the restore
 * had not happened and the copy is dropped. Never a half-restored library.
 */
export function settleInterruptedRestore(dataDir: string): void {
  const staged = stagedRestore(dataDir)
  rmSync(`${staged}.partial`, { force: true })
  if (!existsSync(staged)) return
  const [file] = libraryFiles(dataDir) as [string, string, string]
  if (existsSync(file)) rmSync(staged, { force: true })
  else {
    for (const companion of [`${file}-wal`, `${file}-shm`]) rmSync(companion, { force: true })
    renameSync(staged, file)
    syncDirectory(dataDir)
  }
}

/**
 * Restores a backup into the data directory. The library must be closed by
 * this process, and no other process may have it open (lock.ts): the restore
 * is refused, naming them, when one has. `own` is this process's own opening.
 *
 * The current library is kept as a pinned backup (so the restore can be
 * undone), or moved aside when it is damaged; the chosen backup is staged
 * beside the library and renamed into place, so a crash leaves either the
 * old library or the restored one, never half of either.
 */
export function restoreBackup(dataDir: string, name: string, now = new Date(), own?: Registration): RestoredBackup {
  const [file] = libraryFiles(dataDir) as [string, string, string]
  return whileSoleUser(file, `restore ${name}`, () => {
    const backup = requireGoodBackup(dataDir, name)
    const staged = stagedRestore(dataDir)
    copyDurably(join(backupsDir(dataDir), backup.name), staged)
    let keptAs: string | null = null
    if (existsSync(file) && damageOf(file) === null) {
      // Fold the WAL in, so the single file is the whole library, then keep a copy as a backup.
      const db = connect(file)
      db.pragma('wal_checkpoint(TRUNCATE)')
      db.close()
      keptAs = newBackupName(dataDir, now)
      pin(dataDir, keptAs, `before restoring ${backup.name}`)
      copyDurably(file, join(backupsDir(dataDir), keptAs))
    } else {
      moveAside(dataDir, 'replaced', now)
    }
    for (const companion of [`${file}-wal`, `${file}-shm`]) rmSync(companion, { force: true })
    renameSync(staged, file)
    syncDirectory(dataDir)
    pruneBackups(dataDir)
    return { restored: backup.name, keptAs }
  }, own)
}
