/**
 * Team sync under SIGKILL: `factmark team sync` processes (the built CLI,
 * out/main/cli.js) are killed at random moments while they push and pull,
 * FACTMARK_TEAM_KILLS times (50 by default), on a throwaway PostgreSQL cluster.
 * Between kills alice's library gains changes. After each kill both libraries
 * pass SQLite's integrity check; at the end, after clean syncs, the server holds
 * every event alice made exactly once, bob's library holds everything alice
 * acknowledged, and both libraries export the same JSON-LD.
 *
 * Run: npm run build && vite-node scripts/team-durability.ts (part of npm run test:durability)
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { dispatchAsync } from '../src/main/operations/dispatch'
import { openLibrary, type Library } from '../src/main/library/library'
import { connect } from '../src/main/store/database'
import { connectTeam } from '../src/main/team/sync'
import { grantTeamRole, initTeam, parseTeamUrl } from '../src/main/team/server'
import { startCluster } from '../src/main/testing/postgres'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'

const KILLS = Number(process.env.FACTMARK_TEAM_KILLS ?? 50)
let seed = Number(process.env.FACTMARK_DURABILITY_SEED ?? Date.now() % 2 ** 31)
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
const cli = join(process.cwd(), 'out/main/cli.js')

async function call<T>(library: Library, name: string, input: unknown): Promise<T> {
  const outcome = await dispatchAsync(library.service, name, input)
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`)
  return outcome.value as T
}

interface Kill {
  /** Connected to the server, the process is killed this many ms later. */
  after: number
  /** Whether the role is connected (pg_stat_activity). */
  connected: () => Promise<boolean>
}

/** `factmark team sync` as its own process; with `kill`, killed with SIGKILL in the middle of its sync. */
function sync(dataDir: string, password: string, kill?: Kill): Promise<{ killed: boolean; code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, '--data-dir', dataDir, 'team', 'sync'], {
      env: { ...process.env, PGPASSWORD: password },
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    let exited = false
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    let killed = false
    if (kill) {
      void (async () => {
        while (!exited && !(await kill.connected())) await new Promise((r) => setTimeout(r, 10))
        await new Promise((r) => setTimeout(r, kill.after))
        if (!exited) killed = child.kill('SIGKILL')
      })()
    }
    child.on('exit', (code) => {
      exited = true
      resolve({ killed, code, stderr })
    })
  })
}

function integrity(dataDir: string): void {
  const db = connect(join(dataDir, 'factmark.sqlite'), { readonly: true })
  try {
    const result = db.pragma('integrity_check', { simple: true })
    if (result !== 'ok') throw new Error(`integrity_check on ${dataDir}: ${String(result)}`)
  } finally {
    db.close()
  }
}

async function main(): Promise<void> {
  if (!existsSync(cli)) throw new Error('Build first: npm run build')
  const started = Date.now()
  const cluster = await startCluster()
  const dirs: string[] = []
  try {
    for (const role of ['alice', 'bob']) await cluster.createRole(role, `${role}-secret`)
    const database = await cluster.createDatabase()
    const owner = parseTeamUrl(cluster.url(database))
    await initTeam(owner)
    await grantTeamRole(owner, 'alice', 'analyst')
    await grantTeamRole(owner, 'bob', 'analyst')

    const [aliceDir, bobDir] = ['alice', 'bob'].map(() => mkdtempSync(join(tmpdir(), 'factmark-team-kill-')))
    dirs.push(aliceDir!, bobDir!)
    for (const [dir, role] of [[aliceDir!, 'alice'], [bobDir!, 'bob']] as const) {
      const library = openLibrary(dir)
      await connectTeam(library.db, cluster.url(database, role), { password: `${role}-secret` })
      library.close()
    }

    // Alice's morning: enough events that a sync takes a while, then more between kills.
    const text = Array.from({ length: 60 }, (_, i) => `Sentence ${i} says ${i * 7}% of something happened.`).join(' ')
    const acknowledged: string[] = []
    const work = async (claims: number) => {
      const library = openLibrary(aliceDir!)
      try {
        const doc = await call<{ id: string }>(library, 'importDocument', { source: { kind: 'text', text, format: 'text' }, title: `Batch ${acknowledged.length}` })
        for (let i = 0; i < claims; i++) {
          const start = (i % 55) * 40
          const claim = await call<{ id: string }>(library, 'createClaim', { documentId: doc.id, start, end: start + 30 })
          await call(library, 'updateClaim', { claimId: claim.id, status: 'false', tags: [`t${i % 5}`] })
          await call(library, 'addNote', { claimId: claim.id, body: `Note ${i}` })
          acknowledged.push(claim.id)
        }
      } finally {
        library.close()
      }
    }
    await work(250)

    const connected = (role: string) => async () =>
      (await cluster.admin('postgres', "SELECT 1 FROM pg_stat_activity WHERE usename = $1 AND application_name = 'factmark'", [role])).length > 0
    const state = (dir: string) => {
      const db = connect(join(dir, 'factmark.sqlite'), { readonly: true })
      try {
        return db.prepare('SELECT (SELECT count(*) FROM sync_events WHERE pushed = 0) AS waiting, cursor FROM sync_state').get() as { waiting: number; cursor: number }
      } finally {
        db.close()
      }
    }
    const seen = { midPush: 0, beforeFirstBatch: 0, midPull: 0, beforeFirstPull: 0, killed: 0 }
    for (let round = 0; round < KILLS; round++) {
      if (round % 5 === 4) await work(40)
      const [a0, b0] = [state(aliceDir!), state(bobDir!)]
      const [a, b] = await Promise.all([
        sync(aliceDir!, 'alice-secret', { after: random() * 400, connected: connected('alice') }),
        sync(bobDir!, 'bob-secret', { after: random() * 400, connected: connected('bob') })
      ])
      for (const r of [a, b]) if (!r.killed && r.code !== 0) throw new Error(`a sync failed on its own: ${r.stderr}`)
      integrity(aliceDir!)
      integrity(bobDir!)
      const [a1, b1] = [state(aliceDir!), state(bobDir!)]
      seen.killed += Number(a.killed) + Number(b.killed)
      if (a.killed) seen[a1.waiting === 0 ? 'midPull' : a1.waiting < a0.waiting ? 'midPush' : 'beforeFirstBatch']++
      if (b.killed) seen[b1.cursor > b0.cursor ? 'midPull' : 'beforeFirstPull']++
    }

    for (const [dir, role] of [[aliceDir!, 'alice'], [bobDir!, 'bob'], [aliceDir!, 'alice'], [bobDir!, 'bob']] as const) {
      const r = await sync(dir, `${role}-secret`)
      if (r.code !== 0) throw new Error(`the final sync failed: ${r.stderr}`)
    }

    const alice = openLibrary(aliceDir!)
    const bob = openLibrary(bobDir!)
    try {
      const ids = (library: Library) => new Set(library.db.prepare('SELECT id FROM sync_events').pluck().all() as string[])
      const aliceEvents = ids(alice)
      const server = await cluster.admin<{ id: string }>(database, "SELECT id::text FROM factmark.events WHERE author = 'alice'")
      if (server.length !== aliceEvents.size) throw new Error(`the server holds ${server.length} of alice's events; she made ${aliceEvents.size}`)
      for (const { id } of server) if (!aliceEvents.has(id)) throw new Error(`the server holds an event alice never made: ${id}`)
      const bobEvents = ids(bob)
      for (const id of aliceEvents) if (!bobEvents.has(id)) throw new Error(`bob never received ${id}`)
      const claims = (library: Library) => new Set(library.db.prepare('SELECT id FROM claims').pluck().all() as string[])
      const [aliceClaims, bobClaims] = [claims(alice), claims(bob)]
      for (const id of acknowledged) {
        if (!aliceClaims.has(id)) throw new Error(`alice lost claim ${id}`)
        if (!bobClaims.has(id)) throw new Error(`bob is missing claim ${id}`)
      }
      const rows = (library: Library, table: string) => library.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()
      for (const table of ['documents', 'claims', 'claim_tags', 'notes']) {
        if (rows(alice, table) !== rows(bob, table)) throw new Error(`${table}: alice has ${rows(alice, table)}, bob ${rows(bob, table)}`)
      }
      const documents = await call<{ id: string }[]>(alice, 'listDocuments', {})
      for (const { id } of documents) {
        const [x, y] = await Promise.all(
          [alice, bob].map(async (l) => {
            const file = await call<{ data: string }>(l, 'exportReport', { documentId: id, format: 'jsonld' })
            const json = JSON.parse(file.data) as Record<string, unknown>
            delete json.generated
            delete json.creator
            return JSON.stringify(json)
          })
        )
        if (x !== y) throw new Error(`document ${id} exports differently on the two libraries`)
      }
      console.log(
        `team durability: ${KILLS} rounds, ${seen.killed} sync processes killed with SIGKILL while connected ` +
          `(${seen.midPush} after pushing part of the outbox, ${seen.beforeFirstBatch} before its first push was marked, ` +
          `${seen.midPull} while pulling after applying part, ${seen.beforeFirstPull} before applying any), ` +
          `${aliceEvents.size} events, ${acknowledged.length} claims — nothing lost, nothing repeated, ` +
          `exports equal (seed ${process.env.FACTMARK_DURABILITY_SEED ?? 'random'}, ${((Date.now() - started) / 1000).toFixed(0)} s)`
      )
    } finally {
      alice.close()
      bob.close()
    }
  } finally {
    cluster.destroy()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(`team durability FAILED: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
