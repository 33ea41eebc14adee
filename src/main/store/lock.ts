/**
 * Who has the library open. Every process that opens it (the desktop app,
 * the browser host, the `factmark` command) registers in a folder beside the
 * library, `factmark.sqlite.users/`, one small JSON file per opening: pid,
 * program, start time. Ordinary reads and writes need nothing more: SQLite's
 * own locks (WAL, busy_timeout) let them share the file.
 *
 * Anything that replaces the file (a restore, moving a damaged file aside)
 * first claims `factmark.sqlite.users/replacing`, then looks for anyone
 * else: a registration whose process is alive refuses the replacement with
 * a message naming it. An opener registers first and looks for a claim
 * second, and a replacer claims first and looks for openers second, so of
 * two racing processes at least one sees the other. Registrations of dead
 * processes (a crash, kill -9) are found by a liveness check and removed.
 */
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { basename } from 'node:path'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { FactmarkError } from '../../shared/errors'

/** One process's registration. */
export interface LibraryUser {
  pid: number
  program: string
  startedAt: string
  host: string
  /** The kernel's start time of the process (Linux), so a reused pid is not taken for the original. */
  processStart?: string
}

export interface Registration {
  user: LibraryUser
  /** Removes the registration (closing the library). */
  release(): void
  /** The registration's file name, so a replacement made by this opening does not count it. */
  readonly id: string
}

const REPLACING = 'replacing'

export function usersDir(libraryFile: string): string {
  return `${libraryFile}.users`
}

/** The program's name for messages: what the shells pass, else the script's file name. */
function defaultProgram(): string {
  return basename(process.argv[1] ?? process.execPath)
}

function processStart(pid: number): string | undefined {
  try {
    // Field 22 of /proc/PID/stat, counted after the parenthesised command name (which may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  } catch {
    return undefined
  }
}

function me(program: string): LibraryUser {
  const start = processStart(process.pid)
  return { pid: process.pid, program, startedAt: new Date().toISOString(), host: hostname(), ...(start && { processStart: start }) }
}

/** True while the registered process runs (on another machine sharing the folder: assumed so). */
function isAlive(user: LibraryUser): boolean {
  if (user.host !== hostname()) return true
  try {
    process.kill(user.pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false
  }
  if (user.processStart === undefined) return true
  const now = processStart(user.pid)
  return now === undefined || now === user.processStart
}

function readUser(file: string): LibraryUser | null {
  try {
    const user = JSON.parse(readFileSync(file, 'utf8')) as LibraryUser
    return typeof user.pid === 'number' ? user : null
  } catch {
    return null // half written by a process killed while registering: not a live user
  }
}

/** Live registrations other than `except`; dead ones are removed on the way. */
function liveUsers(libraryFile: string, except: readonly string[]): LibraryUser[] {
  const dir = usersDir(libraryFile)
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  const live: LibraryUser[] = []
  for (const name of names) {
    if (!name.endsWith('.json') || except.includes(name)) continue
    const user = readUser(join(dir, name))
    if (user && isAlive(user)) live.push(user)
    else rmSync(join(dir, name), { force: true })
  }
  return live
}

/** "the Factmark host (pid 4242, open since 2026-11-28 16:20 UTC)" */
export function describeUser(user: LibraryUser): string {
  const since = user.startedAt.replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC')
  return `${user.program} (pid ${user.pid}${user.host === hostname() ? '' : ` on ${user.host}`}, open since ${since})`
}

/** The claim of a replacement under way, if its process is alive. */
function replacer(libraryFile: string): LibraryUser | null {
  const file = join(usersDir(libraryFile), REPLACING)
  const user = readUser(file)
  if (user && isAlive(user)) return user
  if (user) rmSync(file, { force: true })
  return null
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/**
 * Registers this process as a user of the library. Waits (up to `waitMs`)
 * while another process is replacing the file, then refuses naming it.
 */
export function registerUser(libraryFile: string, program = defaultProgram(), waitMs = 15_000): Registration {
  const dir = usersDir(libraryFile)
  mkdirSync(dir, { recursive: true })
  const id = `${process.pid}-${randomUUID()}.json`
  const user = me(program)
  writeFileSync(join(dir, id), JSON.stringify(user))
  const release = () => rmSync(join(dir, id), { force: true })
  for (const deadline = Date.now() + waitMs; ; ) {
    const other = replacer(libraryFile)
    if (!other || other.pid === process.pid) break
    if (Date.now() > deadline) {
      release()
      throw new FactmarkError('conflict', `The library is being replaced by ${describeUser(other)}; try again when it has finished.`)
    }
    sleep(100)
  }
  return { user, id, release }
}

/**
 * Runs `replace` while no other process has the library open; refuses,
 * naming them, when one does. `own` is the caller's registration (its own
 * opening does not count).
 */
export function whileSoleUser<T>(libraryFile: string, what: string, replace: () => T, own?: Registration, program = defaultProgram()): T {
  const dir = usersDir(libraryFile)
  mkdirSync(dir, { recursive: true })
  const claim = join(dir, REPLACING)
  const other = replacer(libraryFile)
  if (other && other.pid !== process.pid) throw new FactmarkError('conflict', `Cannot ${what}: ${describeUser(other)} is already replacing the library.`)
  writeFileSync(claim, JSON.stringify(me(program)))
  try {
    const others = liveUsers(libraryFile, own ? [own.id] : [])
    if (others.length) {
      throw new FactmarkError(
        'conflict',
        `Cannot ${what} while the library is open in ${others.map(describeUser).join(' and ')}: close it first.`
      )
    }
    return replace()
  } finally {
    rmSync(claim, { force: true })
  }
}

/** The other processes that have the library open (for messages and tests). */
export function otherUsers(libraryFile: string, own?: Registration): LibraryUser[] {
  return liveUsers(libraryFile, own ? [own.id] : [])
}
