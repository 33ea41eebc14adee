/**
 * The team library at desk scale, on a throwaway PostgreSQL cluster:
 * 20 simulated analysts (FACTMARK_BENCH_ANALYSTS) each make 5,000 changes
 * (FACTMARK_BENCH_CHANGES) offline, push, and pull everyone else's; every
 * library must end identical. Figures, each beside a bare baseline in the
 * same run:
 *
 * - push: every analyst's events into the team library, against a bare COPY
 *   of the same rows into an unindexed table (goal: ≥ 0.3× COPY's rate,
 *   i.e. at most 3.33× its time);
 * - pull: all the events into one new library, applied, against a bare
 *   SELECT of the same rows inserted into a bare SQLite table;
 * - pull-to-applied latency (p95) with the live link, against a bare
 *   NOTIFY → LISTEN round trip; goal p95 ≤ 200 ms on loopback.
 */
import BetterSqlite3 from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Readable } from 'node:stream'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { dispatch } from '../src/main/operations/dispatch'
import { openLibrary, type Library } from '../src/main/library/library'
import { LiveTeamLink } from '../src/main/team/live'
import { grantTeamRole, initTeam, openServer, parseTeamUrl } from '../src/main/team/server'
import { connectTeam, pull, push } from '../src/main/team/sync'
import { currentRows } from '../src/main/team/triggers'
import { startCluster, type Cluster } from '../src/main/testing/postgres'
import type { BenchResult } from './types'

const ANALYSTS = Number(process.env.FACTMARK_BENCH_ANALYSTS ?? 20)
const CHANGES = Number(process.env.FACTMARK_BENCH_CHANGES ?? 5000)
const LATENCY_SAMPLES = 60

function call<T>(library: Library, name: string, input: unknown): T {
  const outcome = dispatch(library.service, name, input)
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`)
  return outcome.value as T
}

/** One analyst's offline morning: claims, verdicts, tags, notes, until `changes` events are recorded. */
function morning(library: Library, n: number, changes: number): void {
  const count = library.db.prepare('SELECT count(*) FROM sync_events WHERE pushed = 0').pluck()
  // One transaction for the whole morning: the bench measures sync, not a disk's fsyncs.
  library.db.transaction(() => {
    const text = Array.from({ length: 200 }, (_, i) => `Analyst ${n} reads claim ${i}: ${i * 3}% of the budget went to buses.`).join(' ')
    const doc = call<{ id: string }>(library, 'importDocument', { source: { kind: 'text', text, format: 'text' }, title: `Desk ${n}` })
    let i = 0
    while ((count.get() as number) < changes) {
      const start = (i % 190) * 60
      const claim = call<{ id: string }>(library, 'createClaim', { documentId: doc.id, start, end: start + 30 })
      call(library, 'updateClaim', { claimId: claim.id, status: i % 2 ? 'false' : 'misleading', tags: [`t${i % 9}`] })
      call(library, 'addNote', { claimId: claim.id, body: `Checked by analyst ${n}, item ${i}.` })
      i++
    }
  })()
}

/** A digest of every replicated row: equal digests, identical libraries. */
function digest(library: Library): string {
  const rows = [...currentRows(library.db)].map((r) => `${r.entity}\t${r.key}\t${r.data}`).sort()
  return createHash('sha256').update(rows.join('\n')).digest('hex')
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!

async function copyBaseline(cluster: Cluster, database: string, rows: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: cluster.url(database) })
  await client.connect()
  try {
    await client.query(
      'CREATE TABLE bare_events (id uuid, hlc bigint, entity text, key text, parent text, op text, data jsonb, old jsonb)'
    )
    const start = performance.now()
    await pipeline(Readable.from(rows), client.query(copyFrom("COPY bare_events FROM STDIN WITH (FORMAT csv)")))
    return performance.now() - start
  } finally {
    await client.end()
  }
}

const csv = (value: unknown) => (value === null || value === undefined ? '' : `"${String(value).replace(/"/g, '""')}"`)

export async function run(): Promise<BenchResult[]> {
  const cluster = await startCluster()
  const dirs: string[] = []
  const libraries: Library[] = []
  try {
    const database = await cluster.createDatabase()
    const owner = parseTeamUrl(cluster.url(database))
    await initTeam(owner)
    const roles = Array.from({ length: ANALYSTS }, (_, i) => `analyst_${i + 1}`)
    for (const role of roles) {
      await cluster.createRole(role, `${role}-secret`)
      await grantTeamRole(owner, role, 'analyst')
    }
    const open = () => {
      const dir = mkdtempSync(join(tmpdir(), 'factmark-bench-team-'))
      dirs.push(dir)
      const library = openLibrary(dir)
      libraries.push(library)
      return library
    }
    const desks: { library: Library; role: string; client?: pg.Client }[] = []
    for (const role of roles) {
      const library = open()
      await connectTeam(library.db, cluster.url(database, role), { password: `${role}-secret` })
      morning(library, desks.length + 1, CHANGES)
      desks.push({ library, role })
    }
    const total = desks.reduce((n, d) => n + (d.library.db.prepare('SELECT count(*) FROM sync_events').pluck().get() as number), 0)

    // The bare baseline: the same rows as the wire carries them, by COPY.
    const wire: string[] = []
    for (const { library } of desks) {
      for (const e of library.db.prepare('SELECT id, hlc, entity, key, parent, op, data, old FROM sync_events').iterate() as IterableIterator<Record<string, unknown>>) {
        wire.push([e.id, e.hlc, e.entity, e.key, e.parent, e.op, e.data, e.old].map(csv).join(',') + '\n')
      }
    }
    const copyMs = await copyBaseline(cluster, database, wire)

    // Push: every analyst's outbox, all at once (the server serialises the inserts).
    for (const desk of desks) desk.client = await openServer(parseTeamUrl(cluster.url(database, desk.role)), { password: `${desk.role}-secret` })
    let start = performance.now()
    await Promise.all(desks.map((d) => push(d.library.db, d.client!)))
    const pushMs = performance.now() - start

    // Pull into a new library (joined as one of the analysts, without its own events).
    const fresh = open()
    const reader = await openServer(parseTeamUrl(cluster.url(database, roles[0]!)), { password: `${roles[0]}-secret` })
    start = performance.now()
    await pull(fresh.db, reader)
    const pullMs = performance.now() - start
    // Bare: the same rows read and inserted into a bare SQLite table, one transaction.
    const bareDir = mkdtempSync(join(tmpdir(), 'factmark-bench-bare-'))
    dirs.push(bareDir)
    const bare = new BetterSqlite3(join(bareDir, 'bare.sqlite'))
    bare.pragma('journal_mode = WAL')
    bare.exec('CREATE TABLE events (id TEXT PRIMARY KEY, hlc INTEGER, entity TEXT, key TEXT, parent TEXT, op TEXT, data TEXT, old TEXT)')
    start = performance.now()
    const { rows } = await reader.query('SELECT id::text, hlc, entity, key, parent, op, data, old FROM factmark.events ORDER BY seq')
    const insert = bare.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    bare.transaction(() => {
      for (const r of rows as Record<string, unknown>[]) {
        insert.run(r.id, r.hlc, r.entity, r.key, r.parent, r.op, r.data === null ? null : JSON.stringify(r.data), r.old === null ? null : JSON.stringify(r.old))
      }
    })()
    const barePullMs = performance.now() - start
    bare.close()

    // Everyone pulls everyone else's; all libraries must be identical.
    start = performance.now()
    await Promise.all(desks.map((d) => pull(d.library.db, d.client!)))
    const convergeMs = performance.now() - start
    const digests = new Set([fresh, ...desks.map((d) => d.library)].map(digest))
    if (digests.size !== 1) throw new Error(`the ${desks.length + 1} libraries did not converge (${digests.size} different states)`)

    // Latency: analyst 1 changes a verdict and pushes; analyst 2's live link applies it.
    const [writer, watcher] = desks as [(typeof desks)[0], (typeof desks)[0]]
    const claimId = writer.library.db.prepare('SELECT id FROM claims LIMIT 1').pluck().get() as string
    let resolveApplied: (() => void) | undefined
    const link = new LiveTeamLink(() => watcher.library.db, {
      password: `${watcher.role}-secret`,
      pollEvery: 60_000,
      onApplied: () => resolveApplied?.()
    })
    link.start()
    while (!link.connected) await new Promise((r) => setTimeout(r, 20))
    const latencies: number[] = []
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      call(writer.library, 'updateClaim', { claimId, status: i % 2 ? 'verified' : 'disputed' })
      const applied = new Promise<void>((resolve) => (resolveApplied = resolve))
      await push(writer.library.db, writer.client!)
      const pushed = performance.now()
      await applied
      latencies.push(performance.now() - pushed)
    }
    await link.stop()
    // Bare: NOTIFY from one connection, heard on another.
    const listener = new pg.Client({ connectionString: cluster.url(database) })
    const notifier = new pg.Client({ connectionString: cluster.url(database) })
    await Promise.all([listener.connect(), notifier.connect()])
    await listener.query('LISTEN bare')
    const bareLatencies: number[] = []
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const heard = new Promise<void>((resolve) => listener.once('notification', () => resolve()))
      const sent = performance.now()
      await notifier.query("NOTIFY bare, 'x'")
      await heard
      bareLatencies.push(performance.now() - sent)
    }
    await Promise.all([listener.end(), notifier.end(), reader.end(), ...desks.map((d) => d.client!.end())])

    const p95 = percentile(latencies, 0.95)
    return [
      {
        name: `team push: ${ANALYSTS} analysts × ${CHANGES} changes (${total} events) into PostgreSQL`,
        unit: 'ms',
        measured: pushMs,
        baseline: copyMs,
        goal: 3.33,
        notes: `bare COPY of the same rows; ${Math.round(total / (pushMs / 1000))} vs ${Math.round(total / (copyMs / 1000))} events/s (goal ≥ 0.3× COPY)`
      },
      {
        name: `team pull: ${total} events into a new library, applied`,
        unit: 'ms',
        measured: pullMs,
        baseline: barePullMs,
        notes:
          `bare SELECT + one-transaction SQLite insert; ${Math.round(total / (pullMs / 1000))} events/s applied ` +
          `(${(copyMs / pullMs).toFixed(2)}× COPY's rate); then all ${desks.length} analysts applied each other's in ` +
          `${(convergeMs / 1000).toFixed(0)} s and the ${desks.length + 1} libraries converged`
      },
      {
        name: 'team pull-to-applied latency, p95 (live link, loopback)',
        unit: 'ms',
        measured: p95,
        baseline: percentile(bareLatencies, 0.95),
        notes: `bare NOTIFY → LISTEN p95; median ${percentile(latencies, 0.5).toFixed(1)} ms; goal p95 ≤ 200 ms: ${p95 <= 200 ? 'met' : 'MISSED'}`
      }
    ]
  } finally {
    for (const library of libraries) library.close()
    cluster.destroy()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  }
}
