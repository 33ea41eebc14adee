/**
 * The team library under faults, on a real PostgreSQL cluster: events
 * delivered twice and out of order, the server stopped in the middle of a
 * sync, and two libraries that come back online with the live link.
 * (SIGKILL of a syncing process: scripts/team-durability.ts.)
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCluster, type Cluster } from '../testing/postgres'
import { createPeople, exportsOf, teamDatabase, teamDesk, type Desk } from '../testing/team'
import { applyEvents } from './apply'
import { LiveTeamLink } from './live'
import { BATCH, fetchEvents, teamStatus } from './sync'

let cluster: Cluster
beforeAll(async () => {
  cluster = await startCluster()
  await createPeople(cluster)
}, 60_000)
afterAll(() => cluster?.destroy())

const text = 'The mayor said 40% of buses run late. Ridership fell by a third in 2024. The budget doubled. Fares rose twice.'

/** A morning's work on both desks: claims, verdicts, tags, notes, sources, a deletion and its undo, a new version. */
async function busyMorning(alice: Desk, bob: Desk): Promise<void> {
  const doc = await alice.call('importDocument', { source: { kind: 'text', text, format: 'text' }, title: 'Buses' })
  const first = await alice.call('createClaim', { documentId: doc.id, start: 0, end: 38 })
  const second = await alice.call('createClaim', { documentId: doc.id, start: 39, end: 72 })
  await alice.call('updateClaim', { claimId: first.id, status: 'false', claimant: 'The mayor', tags: ['transport'] })
  await alice.sync()
  await bob.sync()
  await bob.call('updateClaim', { claimId: second.id, status: 'verified', tags: ['ridership', 'transport'] })
  const note = await bob.call('addNote', { claimId: first.id, body: 'First draft.' })
  await bob.call('editNote', { noteId: note.id, body: 'The transit report says 12%.' })
  await alice.call('addSource', { claimId: first.id, url: 'https://example.org/transit', stance: 'refutes', title: 'Transit report' })
  await alice.call('deleteClaim', { claimId: second.id })
  await alice.call('restoreClaim', { claimId: second.id })
  await alice.call('updateClaim', { claimId: first.id, tags: [] })
  const third = await bob.call('createClaim', { documentId: doc.id, start: 73, end: 91 })
  await bob.call('deleteClaim', { claimId: third.id })
  await alice.sync()
  await bob.sync()
  await alice.sync()
}

describe('team library faults', () => {
  it('events delivered twice and out of order give the same library', async () => {
    const database = await teamDatabase(cluster)
    const alice = await teamDesk(cluster, database, 'alice')
    const bob = await teamDesk(cluster, database, 'bob')
    await busyMorning(alice, bob)
    expect(await exportsOf(bob.library)).toEqual(await exportsOf(alice.library))

    const client = new pg.Client({ connectionString: cluster.url(database, 'carol', 'carol-secret') })
    await client.connect()
    const { rows } = await fetchEvents(client, 0, 100_000).finally(() => client.end())
    expect(rows.length).toBeGreaterThan(15)

    // Carol's fresh library gets every event at least once, in a shuffled order, in small batches.
    const carol = await teamDesk(cluster, database, 'carol', { join: false })
    let seed = 7
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    const delivery = [...rows, ...rows.filter(() => random() < 0.4)].sort(() => random() - 0.5)
    for (let i = 0; i < delivery.length; i += 3) applyEvents(carol.library.db, delivery.slice(i, i + 3))
    expect(await exportsOf(carol.library)).toEqual(await exportsOf(alice.library))
    const count = (d: Desk, table: string) => d.library.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()
    for (const table of ['documents', 'claims', 'claim_tags', 'notes', 'sources']) expect(count(carol, table), table).toBe(count(alice, table))
    expect(count(carol, 'sync_events')).toBe(rows.length)
    expect(count(carol, 'sync_pending')).toBe(0)

    // Delivering everything again changes nothing.
    const before = await exportsOf(carol.library)
    expect(applyEvents(carol.library.db, rows).applied).toBe(0)
    expect(await exportsOf(carol.library)).toEqual(before)
  }, 120_000)

  it('a sync cut off by the server stopping loses and repeats nothing', async () => {
    const database = await teamDatabase(cluster)
    const alice = await teamDesk(cluster, database, 'alice')
    const bob = await teamDesk(cluster, database, 'bob')
    const doc = await alice.call('importDocument', { source: { kind: 'text', text, format: 'text' }, title: 'Buses' })
    const claim = await alice.call('createClaim', { documentId: doc.id, start: 0, end: 38 })
    // Enough changes for several push batches.
    for (let i = 0; i < 700; i++) await alice.call('updateClaim', { claimId: claim.id, tags: [`t${i % 40}`, `u${i % 7}`] })
    const local = alice.library.db.prepare('SELECT count(*) FROM sync_events').pluck().get() as number
    expect(local).toBeGreaterThan(BATCH)

    const pushing = alice.sync()
    // Stop the server once the first batch is in.
    while (teamStatus(alice.library.db).waiting === local) await new Promise((resolve) => setTimeout(resolve, 5))
    cluster.stop()
    await expect(pushing).rejects.toThrow(/team library/)
    expect(teamStatus(alice.library.db).waiting).toBeGreaterThan(0)
    expect(teamStatus(alice.library.db).lastError).toMatch(/team library/)
    await expect(bob.sync()).rejects.toThrow(/Cannot reach the team library/)
    cluster.start()

    await alice.sync()
    await bob.sync()
    expect(teamStatus(alice.library.db).waiting).toBe(0)
    const [held] = await cluster.admin<{ n: string; distinct: string }>(database, 'SELECT count(*) AS n, count(DISTINCT id) AS distinct FROM factmark.events')
    expect(Number(held!.n)).toBe(local)
    expect(Number(held!.distinct)).toBe(local)
    expect(await exportsOf(bob.library)).toEqual(await exportsOf(alice.library))
  }, 180_000)

  it('two libraries that worked offline agree within 2 s of coming back online', async () => {
    const database = await teamDatabase(cluster)
    const alice = await teamDesk(cluster, database, 'alice')
    const bob = await teamDesk(cluster, database, 'bob')
    const doc = await alice.call('importDocument', { source: { kind: 'text', text, format: 'text' }, title: 'Buses' })
    const claim = await alice.call('createClaim', { documentId: doc.id, start: 0, end: 38 })
    await alice.sync()
    await bob.sync()

    // Offline: no links. Both edit.
    await alice.call('updateClaim', { claimId: claim.id, status: 'false', tags: ['city'] })
    await alice.call('addNote', { claimId: claim.id, body: 'Checked the transit report.' })
    await bob.call('updateClaim', { claimId: claim.id, status: 'disputed', tags: ['budget'] })
    await bob.call('createClaim', { documentId: doc.id, start: 39, end: 72 })

    const links = [alice, bob].map((d) => new LiveTeamLink(() => d.library.db, { password: d.password }))
    const online = Date.now()
    links.forEach((link) => link.start())
    try {
      let same = false
      while (!same && Date.now() - online < 2000) {
        await new Promise((resolve) => setTimeout(resolve, 50))
        same =
          teamStatus(alice.library.db).waiting === 0 &&
          teamStatus(bob.library.db).waiting === 0 &&
          JSON.stringify(await exportsOf(alice.library)) === JSON.stringify(await exportsOf(bob.library))
      }
      expect(same, 'converged within 2 s').toBe(true)
      expect(links.every((link) => link.connected)).toBe(true)
      expect(teamStatus(bob.library.db).conflicts).toBe(1)
    } finally {
      await Promise.all(links.map((link) => link.stop()))
    }
  }, 60_000)
})
