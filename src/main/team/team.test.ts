/**
 * The team library against a real PostgreSQL 15 cluster: two analysts'
 * libraries and an editor's converge through one server; rights are the
 * server's; bad addresses leave the library as it was.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { openLibrary } from '../library/library'
import { startCluster, type Cluster } from '../testing/postgres'
import { createPeople, exportsOf, teamDatabase, teamDesk, type Desk } from '../testing/team'
import { snapshot, tempDir } from '../testing/temp'
import { applyEvents } from './apply'
import { approveClaim } from './signoff'
import { connectTeam, joinedTeam, teamStatus } from './sync'
import { checkServerVersion, initTeam, parseTeamUrl } from './server'

let cluster: Cluster
beforeAll(async () => {
  cluster = await startCluster()
  await createPeople(cluster)
}, 60_000)
afterAll(() => cluster?.destroy())

const team = () => teamDatabase(cluster)
const desk = (database: string, role: string) => teamDesk(cluster, database, role)
const exports = (d: Desk) => exportsOf(d.library)

const text = 'The mayor said 40% of buses run late. Ridership fell by a third in 2024. The budget doubled.'

describe('team library', () => {
  it('two analysts working offline converge, with the concurrent verdict shown as a conflict', async () => {
    const database = await team()
    const alice = await desk(database, 'alice')
    const doc = await alice.call('importDocument', { source: { kind: 'text', text, format: 'text' }, title: 'Buses' })
    const claim = await alice.call('createClaim', { documentId: doc.id, start: 0, end: 38 })
    await alice.call('updateClaim', { claimId: claim.id, status: 'in_progress', tags: ['transport'] })
    await alice.sync()

    const bob = await desk(database, 'bob')
    await bob.sync()
    expect(await exports(bob)).toEqual(await exports(alice))

    // Offline: both change the verdict, add tags and notes; bob marks the same words again.
    await alice.call('updateClaim', { claimId: claim.id, status: 'false', tags: ['transport', 'city'] })
    await alice.call('addNote', { claimId: claim.id, body: 'The transit report says 12%.' })
    await bob.call('updateClaim', { claimId: claim.id, status: 'verified', tags: ['transport', 'budget'] })
    await bob.call('addNote', { claimId: claim.id, body: 'Called the mayor’s office.' })
    const twin = await bob.call('createClaim', { documentId: doc.id, start: 0, end: 38 })
    await bob.call('addSource', { claimId: twin.id, url: 'https://example.org/report', stance: 'refutes' })

    await alice.sync()
    await bob.sync()
    await alice.sync()

    const [a, b] = [await exports(alice), await exports(bob)]
    expect(a).toEqual(b)
    const claims = await bob.call('listClaims', { documentId: doc.id })
    expect(claims).toHaveLength(2)
    const merged = claims.find((c) => c.id === claim.id)!
    expect(merged.status).toBe('verified') // bob's change came later by the clock
    expect(merged.tags).toEqual(['budget', 'city', 'transport'])
    for (const d of [alice, bob]) {
      const status = teamStatus(d.library.db)
      expect(status).toMatchObject({ conflicts: 1, duplicates: 2, waiting: 0 })
      const history = await d.call('listHistory', { claimId: claim.id })
      expect(history.find((h) => h.action === 'sync_conflict')?.detail).toMatchObject({ field: 'status', kept: 'verified', keptBy: 'bob', lost: 'false', lostBy: 'alice' })
      const twinHistory = await d.call('listHistory', { claimId: twin.id })
      if (d === alice) expect(twinHistory.map((h) => h.action)).toContain('duplicate')
    }
    const notes = alice.library.db.prepare('SELECT count(*) FROM notes').pluck().get()
    expect(notes).toBe(2)
  }, 60_000)

  it('publishing fields travel: rationale and conclusion last-writer-wins, public notes, publication address', async () => {
    const database = await team()
    const alice = await desk(database, 'alice')
    const doc = await alice.call('importDocument', { source: { kind: 'text', text, format: 'text' }, title: 'Buses' })
    const claim = await alice.call('createClaim', { documentId: doc.id, start: 0, end: 38 })
    const note = await alice.call('addNote', { claimId: claim.id, body: 'The transit report says 12%.' })
    await alice.sync()
    const bob = await desk(database, 'bob')
    await bob.sync()

    // Offline: both write the rationale and the conclusion; alice publishes, bob makes her note public.
    await alice.call('updateClaim', { claimId: claim.id, rationale: 'The transit report counts 12% late.' })
    await alice.call('updatePublication', { documentId: doc.id, conclusion: 'Mostly false.', publicationUrl: 'https://desk.example/buses', publicationDate: '2026-03-01' })
    await bob.call('updateClaim', { claimId: claim.id, rationale: 'The city’s own figure is 12%.' })
    await bob.call('updatePublication', { documentId: doc.id, conclusion: 'False: the figure is 12%.' })
    await bob.call('setNotePublic', { noteId: note.id, public: true })
    await alice.sync()
    await bob.sync()
    await alice.sync()

    expect(await exports(alice)).toEqual(await exports(bob))
    for (const d of [alice, bob]) {
      const merged = (await d.call('listClaims', { documentId: doc.id }))[0]!
      expect(merged.rationale).toBe('The city’s own figure is 12%.') // bob's came later by the clock
      const document = await d.call('getDocument', { documentId: doc.id })
      expect(document).toMatchObject({ conclusion: 'False: the figure is 12%.', publicationUrl: 'https://desk.example/buses', publicationDate: '2026-03-01' })
      expect(d.library.db.prepare('SELECT public FROM notes WHERE id = ?').pluck().get(note.id)).toBe(1)
      const history = await d.call('listHistory', { claimId: claim.id })
      expect(history.find((h) => h.action === 'sync_conflict')?.detail).toMatchObject({ field: 'rationale', keptBy: 'bob', lostBy: 'alice' })
    }
    const aliceHistory = await alice.call('listHistory', { claimId: claim.id })
    expect(aliceHistory).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'note_made_public', author: 'bob' })]))
    expect(aliceHistory).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'rationale_changed', author: 'bob' })]))

    // A publishing field that breaks the shared field rules is refused on arrival.
    const forged = { id: crypto.randomUUID(), hlc: Date.now() * 1024, author: 'bob', entity: 'documents', key: doc.id, parent: null, op: 'upsert' }
    const refused = applyEvents(alice.library.db, [{ ...forged, data: { id: doc.id, publication_url: 'javascript:alert(1)' }, old: { id: doc.id, publication_url: null } }])
    expect(refused).toMatchObject({ applied: 0, refused: [{ reason: expect.stringMatching(/^documents\.publication_url: /) }] })
  }, 60_000)

  it('a colleague’s delete can be undone where it arrives, and the undo travels back', async () => {
    const database = await team()
    const alice = await desk(database, 'alice')
    const doc = await alice.call('importDocument', { source: { kind: 'text', text, format: 'text' }, title: 'Buses' })
    const claim = await alice.call('createClaim', { documentId: doc.id, start: 39, end: 72 })
    await alice.call('updateClaim', { claimId: claim.id, status: 'false', tags: ['transport'], rationale: 'Ridership rose.' })
    await alice.call('addNote', { claimId: claim.id, body: 'Transit authority figures.' })
    await alice.call('addSource', { claimId: claim.id, url: 'https://example.org/ridership', stance: 'refutes' })
    await alice.sync()
    const bob = await desk(database, 'bob')
    await bob.sync()

    await alice.call('deleteClaim', { claimId: claim.id })
    await alice.sync()
    await bob.sync()
    expect(await bob.call('listClaims', { documentId: doc.id })).toEqual([])

    const restored = await bob.call('restoreClaim', { claimId: claim.id })
    expect(restored).toMatchObject({ id: claim.id, status: 'false', tags: ['transport'], rationale: 'Ridership rose.' })
    await bob.sync()
    await alice.sync()
    expect(await exports(alice)).toEqual(await exports(bob))
    expect(await alice.call('listClaims', { documentId: doc.id })).toEqual([expect.objectContaining({ id: claim.id, status: 'false', tags: ['transport'] })])
    expect(alice.library.db.prepare('SELECT (SELECT count(*) FROM notes) + (SELECT count(*) FROM sources)').pluck().get()).toBe(2)
  }, 60_000)

  it('an editor approves; an analyst cannot, in the app or in SQL', async () => {
    const database = await team()
    const alice = await desk(database, 'alice')
    const doc = await alice.call('importDocument', { source: { kind: 'text', text, format: 'text' }, title: 'Buses' })
    const claim = await alice.call('createClaim', { documentId: doc.id, start: 39, end: 72 })
    await alice.call('updateClaim', { claimId: claim.id, status: 'misleading' })
    await alice.sync()
    expect(teamStatus(alice.library.db).unapproved).toBe(1)
    const unapproved = async () =>
      (await alice.call('checkReadiness', { documentId: doc.id })).filter((e) => e.check === 'unapproved')
    expect(await unapproved()).toEqual([expect.objectContaining({ claimId: claim.id })])
    expect(() => approveClaim(alice.library.db, claim.id)).toThrow(/editor/)

    const carol = await desk(database, 'carol')
    await carol.sync()
    approveClaim(carol.library.db, claim.id)
    await carol.sync()
    await alice.sync()
    const row = alice.library.db.prepare('SELECT approved_status, approved_by FROM claims WHERE id = ?').get(claim.id)
    expect(row).toEqual({ approved_status: 'misleading', approved_by: 'carol' })
    expect(teamStatus(alice.library.db).unapproved).toBe(0)
    expect(await unapproved()).toEqual([])

    // A changed verdict is proposed again.
    await alice.call('updateClaim', { claimId: claim.id, status: 'false' })
    expect(teamStatus(alice.library.db).unapproved).toBe(1)

    // Forging a sign-off in the local file does not get past the server.
    alice.library.db
      .prepare("UPDATE claims SET approved_status = 'false', approved_by = 'alice', approved_at = '2026-01-01T00:00:00Z' WHERE id = ?")
      .run(claim.id)
    await expect(alice.sync()).rejects.toThrow(/only an editor can approve/)
    // …and the forged approval is gone from the library; the rest still syncs.
    expect(alice.library.db.prepare('SELECT approved_status, approved_by FROM claims WHERE id = ?').get(claim.id)).toEqual({
      approved_status: 'misleading',
      approved_by: 'carol'
    })
    await alice.sync()
    await carol.sync()
    expect(carol.library.db.prepare('SELECT status, approved_status FROM claims WHERE id = ?').get(claim.id)).toEqual({
      status: 'false',
      approved_status: 'misleading'
    })
  }, 60_000)

  it('the server refuses forged authors, edits and deletions of events', async () => {
    const database = await team()
    const alice = await desk(database, 'alice')
    await alice.call('importDocument', { source: { kind: 'text', text, format: 'text' }, title: 'Buses' })
    await alice.sync()
    const bob = await import('pg').then(({ default: pg }) => new pg.Client({ connectionString: cluster.url(database, 'bob', 'bob-secret') }))
    await bob.connect()
    try {
      const attempt = (sql: string) => bob.query(sql).then(() => 'accepted', (error: Error) => error.message)
      expect(
        await attempt(
          "INSERT INTO factmark.events (id, author, hlc, entity, key, op, data) VALUES (gen_random_uuid(), 'alice', 1, 'notes', 'n1', 'delete', NULL)"
        )
      ).toMatch(/permission denied/)
      expect(await attempt("UPDATE factmark.events SET data = '{}' WHERE author = 'alice'")).toMatch(/permission denied/)
      expect(await attempt("DELETE FROM factmark.events WHERE author = 'alice'")).toMatch(/permission denied/)
      expect(
        await attempt(
          `INSERT INTO factmark.events (id, hlc, entity, key, op, data) VALUES (gen_random_uuid(), 1, 'claims', 'c1', 'upsert',
           '{"id":"c1","status":"false","approved_status":"false","approved_by":"bob","approved_at":"2026-01-01"}')`
        )
      ).toMatch(/only an editor can approve/)
      // What bob may do, the server stamps with his name.
      await bob.query("INSERT INTO factmark.events (id, hlc, entity, key, op) VALUES (gen_random_uuid(), 1, 'notes', 'n1', 'delete')")
      const authors = await cluster.admin(database, "SELECT DISTINCT author::text FROM factmark.events WHERE key = 'n1'")
      expect(authors).toEqual([{ author: 'bob' }])
    } finally {
      await bob.end()
    }
  }, 60_000)

  it('bad addresses, wrong passwords, missing servers and foreign databases leave the library untouched', async () => {
    const database = await team()
    const library = openLibrary(tempDir())
    onTestFinished(() => library.close())
    const before = snapshot(library.db)
    const refuse = async (url: string, password?: string) => {
      const error = await connectTeam(library.db, url, password === undefined ? {} : { password }).then(
        () => undefined,
        (e: Error) => e.message
      )
      expect(snapshot(library.db)).toBe(before)
      return error
    }
    expect(await refuse('postgres//alice@host/db')).toMatch(/is not a team library address/)
    expect(await refuse('mysql://alice@127.0.0.1/db')).toMatch(/must start with postgres:\/\//)
    expect(await refuse(`postgres://alice@127.0.0.1:${cluster.port}/`)).toMatch(/names no database/)
    expect(await refuse(cluster.url(database, 'alice', 'wrong'))).toBe(`Wrong password for role “alice” on the team library at 127.0.0.1:${cluster.port}.`)
    expect(await refuse(`postgres://alice@127.0.0.1:1/${database}`, 'x')).toMatch(/^Cannot reach the team library at 127\.0\.0\.1:1/)
    expect(await refuse(cluster.url(database, 'mallory', 'mallory-secret'))).toMatch(/not in this team/)
    const empty = await cluster.createDatabase()
    expect(await refuse(cluster.url(empty, 'alice', 'alice-secret'))).toMatch(/not a team library yet/)
    const foreign = await cluster.createDatabase()
    await cluster.admin(foreign, 'CREATE TABLE invoices (id int)')
    await expect(initTeam(parseTeamUrl(cluster.url(foreign)))).rejects.toThrow(/holds 1 other table \(public\.invoices…\)/)
    expect(await refuse(cluster.url(foreign, 'alice', 'alice-secret'))).toMatch(/holds 1 other table/)
    expect(joinedTeam(library.db)).toBeUndefined()
    // A server older than 15 is refused by its version number (this machine has only 15 to run).
    expect(() => checkServerVersion(140011, '14.11')).toThrow('The server runs PostgreSQL 14.11; a team library needs PostgreSQL 15 or newer.')
    expect(() => checkServerVersion(150018, '15.18')).not.toThrow()
    // Running init again changes nothing.
    await expect(initTeam(parseTeamUrl(cluster.url(database)))).resolves.toEqual({ version: 1, created: false })
  }, 60_000)
})
