/**
 * `npm run test:durability`: every acknowledged change survives the app being
 * killed. Drives writes through the HTTP API of the built browser host
 * (out/main/host.js, so run `npm run build` first) while the host is killed
 * with SIGKILL at random moments, CYCLES times (100 by default). After each
 * kill: `PRAGMA integrity_check` says ok; after each restart: every document
 * and claim whose creation was answered 200 is there.
 *
 * Then SPECIAL kills (3 by default) of each riskier kind, each landing while
 * the work is under way (the script watches for its files):
 * - during a backup (its `.partial` file exists): no backup is left half
 *   written, every backup passes the integrity check;
 * - during a restore (its staged `factmark.sqlite.restoring` exists): the
 *   library is afterwards either exactly as before or exactly the backup,
 *   never a mix, and the backup if the restore was acknowledged;
 * - during a large JSON-LD import (in the import worker): the document is
 *   there with every claim, or not at all, and there if acknowledged;
 * - during a migration (a test-only migration, run by
 *   scripts/durability-migrate.ts on a copy of the library): applied whole or
 *   not at all, nothing acknowledged lost.
 *
 * FACTMARK_DURABILITY_CYCLES, FACTMARK_DURABILITY_SPECIAL and
 * FACTMARK_DURABILITY_SEED override the defaults.
 */
import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBuiltHost } from './host.mjs'

const CYCLES = Number(process.env.FACTMARK_DURABILITY_CYCLES ?? 100)
const SPECIAL = Number(process.env.FACTMARK_DURABILITY_SPECIAL ?? 3)
let seed = Number(process.env.FACTMARK_DURABILITY_SEED ?? Date.now() % 2 ** 31)
const firstSeed = seed
/** Small deterministic PRNG (mulberry32), so a failing run can be replayed with its seed. */
function random() {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const dataDir = mkdtempSync(join(tmpdir(), 'factmark-durability-'))
const started = performance.now()

/** Starts the host; `watch`, if given, sees the process at once (to kill it while it starts). */
const startHost = (watch) => startBuiltHost(dataDir, { watch })

/** One API call; answers the value only when the host acknowledged it (HTTP 200, ok). */
async function call(host, operation, input) {
  const outcome = await host.call(operation, input)
  if (!outcome.ok) throw new Error(`${operation} refused: ${outcome.error.message}`)
  if (!/^(list|get|export)/.test(operation)) answered++
  return outcome.value
}

const ARTICLE = 'Durability\n\n' + Array.from({ length: 40 }, (_, i) => `Sentence ${i} says that ${i * 7} people were counted.`).join(' ')
const acknowledged = { documents: new Set(), claims: new Set() }
/** Every write the host answered 200, over the whole run (a restore may later take some back, by the analyst's choice). */
let answered = 0
let target

/** Writes until the host dies: new documents and new claims, two at a time. */
async function writeUntilKilled(host) {
  const writer = async () => {
    for (;;) {
      try {
        if (random() < 0.3) {
          const document = await call(host, 'importDocument', { source: { kind: 'text', text: `${ARTICLE} ${acknowledged.documents.size}`, format: 'text' } })
          acknowledged.documents.add(document.id)
        } else {
          const start = 12 + Math.floor(random() * 1500)
          const claim = await call(host, 'createClaim', { documentId: target, start, end: start + 1 + Math.floor(random() * 60) })
          acknowledged.claims.add(claim.id)
        }
      } catch (error) {
        if (/refused:/.test(error.message)) continue // a span of white space: refused, not lost
        return // the host is gone: the call was never acknowledged
      }
    }
  }
  return Promise.all([writer(), writer()])
}

function checkIntegrity(cycle) {
  const db = new Database(join(dataDir, 'factmark.sqlite'))
  try {
    const result = db.pragma('integrity_check', { simple: true })
    if (result !== 'ok') throw new Error(`cycle ${cycle}: integrity_check says ${result}`)
  } finally {
    db.close()
  }
}

async function verify(host, cycle) {
  const documents = new Set((await call(host, 'listDocuments', {})).map((d) => d.id))
  for (const id of acknowledged.documents) if (!documents.has(id)) throw new Error(`cycle ${cycle}: acknowledged document ${id} is missing`)
  const claims = new Set((await call(host, 'listClaims', { documentId: target })).map((c) => c.id))
  for (const id of acknowledged.claims) if (!claims.has(id)) throw new Error(`cycle ${cycle}: acknowledged claim ${id} is missing`)
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const libraryFile = join(dataDir, 'factmark.sqlite')
const backupsDir = join(dataDir, 'backups')
const kills = { writes: 0, backup: 0, restore: 0, import: 0, migration: 0 }
/** Acknowledged writes of the special kinds (restores and imports answered 200). */
const acknowledgedSpecial = { restores: 0, imports: 0 }
/** How the killed migrations were found: applied whole, or not at all. */
const migrations = { whole: 0, none: 0 }

/** Polls every millisecond until `seen()`; false if the child exits or `ms` pass first. */
async function watchFor(seen, child, ms = 30_000) {
  for (const deadline = Date.now() + ms; Date.now() < deadline && child.exitCode === null && child.signalCode === null; await sleep(1)) {
    if (seen()) return true
  }
  return false
}

async function kill(child) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
}

/** The ids of every document and claim in a library file (read-only, beside a running host). */
function contentsOf(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const ids = (table) => new Set(db.prepare(`SELECT id FROM ${table}`).pluck().all())
    return { documents: ids('documents'), claims: ids('claims') }
  } finally {
    db.close()
  }
}

const sameIds = (a, b) => a.size === b.size && [...a].every((id) => b.has(id))
const sameContents = (a, b) => sameIds(a.documents, b.documents) && sameIds(a.claims, b.claims)

/** No backup is left half written: every finished backup passes SQLite's check. */
function checkBackups(what) {
  for (const name of readdirSync(backupsDir).filter((n) => /^factmark-.*\.sqlite$/.test(n))) {
    const db = new Database(join(backupsDir, name), { readonly: true })
    try {
      const result = db.pragma('integrity_check', { simple: true })
      if (result !== 'ok') throw new Error(`${what}: backup ${name} fails integrity_check: ${result}`)
    } finally {
      db.close()
    }
  }
}

/** Kills the host while it backs up the library at start-up (the backup's .partial file exists). */
async function killDuringBackups() {
  const backupUnderWay = () => existsSync(backupsDir) && readdirSync(backupsDir).some((n) => n.endsWith('.partial'))
  for (let attempt = 0; kills.backup < SPECIAL && attempt < SPECIAL * 10; attempt++) {
    // A change since the last backup, so the next start backs the library up.
    acknowledged.documents.add((await call(host, 'importDocument', { source: { kind: 'text', text: `${ARTICLE} backup ${attempt}`, format: 'text' } })).id)
    await kill(host.child)
    let hit = false
    let watching
    let readyAt = Infinity
    // Watched from the spawn until two seconds after the host is ready (the start-up backup runs beside the start).
    const watch = (child) =>
      (watching = watchFor(() => backupUnderWay() || Date.now() > readyAt + 2000, child).then(async () => {
        if (backupUnderWay()) {
          hit = true
          await kill(child)
        }
      }))
    try {
      host = await startHost(watch)
      readyAt = Date.now()
    } catch {
      host = undefined // killed before it was ready
    }
    await watching
    if (!hit) continue // the backup finished before the script saw it: not counted
    if (host) await kill(host.child)
    kills.backup++
    checkIntegrity(`backup kill ${kills.backup}`)
    checkBackups(`backup kill ${kills.backup}`)
    host = await startHost()
    await verify(host, `backup kill ${kills.backup}`)
  }
}

/** Kills the host while it restores the newest backup (its staged copy exists): before or after, never between. */
async function killDuringRestores() {
  const staged = () => existsSync(`${libraryFile}.restoring`)
  for (let attempt = 0; kills.restore < SPECIAL && attempt < SPECIAL * 10; attempt++) {
    // A change since the newest backup, so the restore changes something.
    acknowledged.documents.add((await call(host, 'importDocument', { source: { kind: 'text', text: `${ARTICLE} restore ${attempt}`, format: 'text' } })).id)
    const [newest] = await call(host, 'listBackups', {})
    const backup = contentsOf(join(backupsDir, newest.name))
    const before = contentsOf(libraryFile)
    let restored = false
    const restoring = call(host, 'restoreBackup', { name: newest.name }).then(
      () => (restored = true),
      () => undefined
    )
    const seen = await watchFor(staged, host.child)
    // Mostly at once, while the file is being replaced; sometimes late enough for the restore to be answered.
    await sleep(random() < 0.6 ? random() * 10 : random() * 300)
    await kill(host.child)
    await restoring
    if (seen) kills.restore++
    const what = `restore kill ${attempt + 1}`
    checkIntegrity(what)
    host = await startHost()
    const after = contentsOf(libraryFile)
    if (restored ? !sameContents(after, backup) : !sameContents(after, before) && !sameContents(after, backup)) {
      throw new Error(`${what}: the library is neither as it was nor the backup${restored ? ' the acknowledged restore chose' : ''}: half restored`)
    }
    if (restored) acknowledgedSpecial.restores++
    // What the analyst now has (the restore, or the library as before) is what must survive from here on.
    acknowledged.documents = new Set(after.documents)
    acknowledged.claims = new Set([...acknowledged.claims].filter((id) => after.claims.has(id)))
    await verify(host, what)
  }
}

/** A colleague's export with 600 claims (about 600 KB: imported in the worker), made through the API. */
async function colleaguesExport() {
  const sentences = Array.from({ length: 600 }, (_, i) => `Claim ${i} says that ${i * 13} fighters joined.`)
  const document = await call(host, 'importDocument', { source: { kind: 'text', text: `Colleague export\n\n${sentences.join(' ')}`, format: 'text' } })
  let from = 0
  for (const sentence of sentences) {
    const start = document.text.indexOf(sentence, from)
    from = start + sentence.length
    await call(host, 'createClaim', { documentId: document.id, start, end: start + sentence.length })
  }
  acknowledged.documents.add(document.id)
  const file = await call(host, 'exportReport', { documentId: document.id, format: 'jsonld' })
  return { data: Buffer.from(file.data).toString('base64'), title: document.title, claims: sentences.length }
}

/** Kills the host during a large JSON-LD import: its document is there whole or not at all, and there if acknowledged. */
async function killDuringImports() {
  const file = await colleaguesExport()
  const importing = () => call(host, 'importDocument', { source: { kind: 'file', fileName: 'colleague.jsonld', data: file.data } })
  let started = performance.now()
  acknowledged.documents.add((await importing()).id)
  const importMs = performance.now() - started
  for (let n = 1; n <= SPECIAL; n++) {
    let imported
    const pending = importing().then(
      (document) => (imported = document.id),
      () => undefined
    )
    await sleep(random() * importMs)
    await kill(host.child)
    await pending
    kills.import++
    const what = `import kill ${n}`
    checkIntegrity(what)
    host = await startHost()
    if (imported) {
      acknowledged.documents.add(imported)
      acknowledgedSpecial.imports++
    }
    for (const document of (await call(host, 'listDocuments', {})).filter((d) => d.title === file.title)) {
      const claims = (await call(host, 'listClaims', { documentId: document.id })).length
      if (claims !== file.claims) throw new Error(`${what}: an imported document holds ${claims} of its ${file.claims} claims: half imported`)
    }
    await verify(host, what)
  }
}

/**
 * Kills a process applying a test-only migration (scripts/durability-migrate.ts)
 * to a copy of the library, at a random moment of the migration: applied
 * whole (ledger row, 300,000 rows, every title changed) or not at all.
 */
async function killDuringMigrations() {
  const copyDir = mkdtempSync(join(tmpdir(), 'factmark-durability-migration-'))
  const copy = join(copyDir, 'factmark.sqlite')
  const migrate = () =>
    spawn(process.execPath, ['node_modules/vite-node/dist/cli.mjs', 'scripts/durability-migrate.ts', copyDir], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
  const said = (child, word) =>
    new Promise((resolve, reject) => {
      let output = ''
      child.stdout.on('data', (chunk) => (output += chunk) && output.includes(`${word}\n`) && resolve(performance.now()))
      child.stderr.on('data', (chunk) => (output += chunk))
      child.once('exit', (code, signal) => (output.includes(`${word}\n`) ? resolve(performance.now()) : reject(new Error(`the migration exited (${code ?? signal}):\n${output}`))))
    })
  const fresh = () => {
    rmSync(copyDir, { recursive: true, force: true })
    mkdirSync(copyDir)
    // A consistent copy of the library as the host left it (the host is stopped).
    const db = new Database(libraryFile, { readonly: true })
    db.prepare('VACUUM INTO ?').run(copy)
    db.close()
  }
  try {
    await kill(host.child)
    host = undefined
    fresh()
    const timing = migrate()
    const startedAt = await said(timing, 'migrating')
    const migrateMs = (await said(timing, 'migrated')) - startedAt
    for (let n = 1; n <= SPECIAL; n++) {
      fresh()
      const child = migrate()
      await said(child, 'migrating')
      await sleep(random() * migrateMs)
      await kill(child)
      kills.migration++
      const what = `migration kill ${n}`
      const db = new Database(copy, { readonly: true })
      try {
        const integrity = db.pragma('integrity_check', { simple: true })
        if (integrity !== 'ok') throw new Error(`${what}: integrity_check says ${integrity}`)
        const ledger = db.prepare("SELECT count(*) FROM schema_migrations WHERE name = 'durability_test'").pluck().get()
        const table = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'durability_test'").pluck().get()
        const rows = table ? db.prepare('SELECT count(*) FROM durability_test').pluck().get() : 0
        const migrated = db.prepare("SELECT count(*) FROM documents WHERE title LIKE '% (migrated)'").pluck().get()
        const documents = db.prepare('SELECT count(*) FROM documents').pluck().get()
        const whole = ledger === 1 && rows === 300000 && migrated === documents
        const none = ledger === 0 && table === 0 && migrated === 0
        if (!whole && !none) throw new Error(`${what}: the migration is half applied (ledger ${ledger}, ${rows} rows, ${migrated} of ${documents} titles)`)
        migrations[whole ? 'whole' : 'none']++
      } finally {
        db.close()
      }
      const after = contentsOf(copy)
      for (const id of acknowledged.documents) if (!after.documents.has(id)) throw new Error(`${what}: acknowledged document ${id} is missing`)
      for (const id of acknowledged.claims) if (!after.claims.has(id)) throw new Error(`${what}: acknowledged claim ${id} is missing`)
    }
  } finally {
    rmSync(copyDir, { recursive: true, force: true })
  }
}

let host
try {
  host = await startHost()
  target = (await call(host, 'importDocument', { source: { kind: 'text', text: ARTICLE, format: 'text' } })).id
  acknowledged.documents.add(target)
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const writing = writeUntilKilled(host)
    // Some kills land in the first writes after start-up, most in the thick of it.
    await sleep(random() < 0.2 ? random() * 5 : 5 + random() * 150)
    await kill(host.child)
    kills.writes++
    await writing
    checkIntegrity(cycle)
    host = await startHost()
    await verify(host, cycle)
  }
  await killDuringBackups()
  await killDuringRestores()
  await killDuringImports()
  await killDuringMigrations()
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const total = Object.values(kills).reduce((a, b) => a + b, 0)
  console.log(
    `Durability: ${total} SIGKILLs (${kills.writes} during writes, ${kills.backup} during a backup, ${kills.restore} during a restore, ` +
      `${kills.import} during a JSON-LD import, ${kills.migration} during a migration: ${migrations.none} found not applied, ${migrations.whole} whole); ${answered} acknowledged writes ` +
      `(${acknowledgedSpecial.restores} of them restores, ${acknowledgedSpecial.imports} JSON-LD imports; ${acknowledged.documents.size} documents and ${acknowledged.claims.size} claims held at the end), 0 lost; ` +
      `integrity ok every time, no backup half written, no library half restored, no migration half applied (${seconds} s, seed ${firstSeed}).`
  )
  if (kills.backup < SPECIAL || kills.restore < SPECIAL) throw new Error(`too few kills landed during backups (${kills.backup}) or restores (${kills.restore})`)
} catch (error) {
  console.error(`Durability FAILED (seed ${firstSeed}): ${error.message}`)
  process.exitCode = 1
} finally {
  // Whatever happened, leave no host running (a failure would otherwise keep this script alive).
  if (host && host.child.exitCode === null) host.child.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
}
