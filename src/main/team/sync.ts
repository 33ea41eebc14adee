/**
 * Joining a team library, and pushing and pulling events.
 *
 * Push sends the outbox (own events with pushed = 0) in batches; the server
 * ignores ids it already has, so a push cut short by a crash is simply sent
 * again. Pull reads the server's events after the library's cursor and
 * applies each batch with the new cursor in one SQLite transaction.
 */
import { createHash, randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type pg from 'pg'
import { FactmarkError } from '../../shared/errors'
import type { TeamStatus } from '../../shared/model'
import { applyEvents, recompute } from './apply'
import type { Entity } from './events'
import { currentRows, installSyncTriggers } from './triggers'
import { asTeamError, openServer, parseTeamUrl, requireTeamSchema, whoAmI, type TeamAddress } from './server'

export const BATCH = 2000

interface StateRow {
  url: string | null
  role: string | null
  editor: number
  cursor: number
  last_sync: string | null
  last_error: string | null
}

export function readState(db: Database): StateRow {
  return db.prepare('SELECT url, role, editor, cursor, last_sync, last_error FROM sync_state').get() as StateRow
}

/** The team library this library has joined, or undefined. */
export function joinedTeam(db: Database): TeamAddress | undefined {
  const { url } = readState(db)
  return url ? parseTeamUrl(url) : undefined
}

/**
 * Joins a team library: checks the server, the schema and the role's rights,
 * then records the address (without password) and starts recording changes.
 * The first time, every existing row becomes an event, so the team gets the
 * library's past too. Nothing local changes when any check fails.
 */
export async function connectTeam(db: Database, url: string, options: { password?: string } = {}): Promise<TeamStatus> {
  const address = parseTeamUrl(url)
  const joined = joinedTeam(db)
  if (joined && (joined.host !== address.host || joined.port !== address.port || joined.database !== address.database)) {
    throw new FactmarkError('conflict', `This library already belongs to the team library at ${joined.url}; one library syncs with one team.`)
  }
  const client = await openServer(address, options)
  try {
    await requireTeamSchema(client, address)
    const me = await whoAmI(client)
    if (!me.member) {
      throw new FactmarkError('forbidden', `Role “${me.role}” is not in this team: the owner runs “factmark team grant ${me.role} analyst”.`)
    }
    const stored = new URL(address.url)
    stored.username = encodeURIComponent(me.role)
    db.transaction(() => {
      db.prepare('UPDATE sync_state SET url = ?, role = ?, editor = ?, recording = 1, last_error = NULL').run(
        stored.toString(),
        me.role,
        me.editor ? 1 : 0
      )
      installSyncTriggers(db)
      if (!joined) recordExistingRows(db, me.role)
    }).immediate()
  } catch (error) {
    throw asTeamError(address, error)
  } finally {
    await client.end().catch(() => {})
  }
  return teamStatus(db)
}

/** Every row the library holds, as events: parents before children. */
function recordExistingRows(db: Database, role: string): void {
  const rows = [...currentRows(db)]
  let hlc = Math.max(Date.now() * 1024, (db.prepare('SELECT hlc FROM sync_state').pluck().get() as number) + 1)
  const insert = db.prepare(
    "INSERT INTO sync_events (id, hlc, author, entity, key, parent, op, data) VALUES (?, ?, ?, ?, ?, ?, 'upsert', ?)"
  )
  for (const row of rows) insert.run(randomUUID(), hlc++, role, row.entity, row.key, row.parent, row.data)
  db.prepare('UPDATE sync_state SET hlc = max(hlc, ?)').run(hlc)
}

/** A document version's name: the SHA-256 of its text and structure (the server checks it). */
export function versionHash(text: string, content: string): string {
  return createHash('sha256').update(text + content).digest('hex')
}

interface OutboxRow {
  id: string
  hlc: number
  entity: string
  key: string
  parent: string | null
  op: string
  data: string | null
  old: string | null
}

/** Moves a document's text out of the event into its named version. */
function toWire(row: OutboxRow, versions: Map<string, { text: string; content: string }>) {
  let data = row.data === null ? null : (JSON.parse(row.data) as Record<string, unknown>)
  let old = row.old === null ? null : (JSON.parse(row.old) as Record<string, unknown>)
  if (row.entity === 'documents') {
    const named = (fields: Record<string, unknown> | null) => {
      if (!fields || typeof fields.text !== 'string') return fields
      const { text, content, ...rest } = fields as { text: string; content: string }
      const hash = versionHash(text, content)
      versions.set(hash, { text, content })
      return { ...rest, content_hash: hash }
    }
    data = named(data)
    old = named(old)
  }
  return { id: row.id, hlc: row.hlc, entity: row.entity, key: row.key, parent: row.parent, op: row.op, data, old }
}

/** Sends the outbox; returns how many events the server now holds from it. */
export async function push(db: Database, client: pg.Client, batch = BATCH): Promise<number> {
  const outbox = db.prepare('SELECT rowid, id, hlc, entity, key, parent, op, data, old FROM sync_events WHERE pushed = 0 ORDER BY rowid LIMIT ?')
  const markPushed = db.prepare('UPDATE sync_events SET pushed = 1 WHERE id = ?')
  let sent = 0
  for (;;) {
    const rows = outbox.all(batch) as OutboxRow[]
    if (rows.length === 0) return sent
    try {
      await send(client, rows)
    } catch (error) {
      if ((error as { code?: string }).code !== '42501') throw error
      // The server refused something (a sign-off this role may not give): find it, undo it here.
      await dropRefused(db, client, rows)
      throw error
    }
    db.transaction(() => {
      for (const row of rows) markPushed.run(row.id)
    }).immediate()
    sent += rows.length
  }
}

/** One batch, in one server transaction. */
async function send(client: pg.Client, rows: OutboxRow[]): Promise<void> {
  const versions = new Map<string, { text: string; content: string }>()
  const wire = rows.map((row) => toWire(row, versions))
  try {
    await client.query('BEGIN')
    if (versions.size) {
      await client.query(
        `INSERT INTO factmark.versions (hash, text, content)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS v(hash text, text text, content text) ON CONFLICT (hash) DO NOTHING`,
        [JSON.stringify([...versions].map(([hash, v]) => ({ hash, ...v })))]
      )
    }
    await client.query(
      `INSERT INTO factmark.events (id, hlc, entity, key, parent, op, data, old)
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS e(id uuid, hlc bigint, entity text, key text, parent text, op text, data jsonb, old jsonb)
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(wire)]
    )
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  }
}

/**
 * Sends a refused batch one event at a time; the events the server refuses are
 * removed from the log and their rows recomputed without them, so the library
 * shows what the team holds (a forged approval disappears).
 */
async function dropRefused(db: Database, client: pg.Client, rows: OutboxRow[]): Promise<void> {
  const refused: OutboxRow[] = []
  for (const row of rows) {
    try {
      await send(client, [row])
    } catch (error) {
      if ((error as { code?: string }).code !== '42501') throw error
      refused.push(row)
    }
  }
  db.transaction(() => {
    for (const row of rows) if (!refused.includes(row)) db.prepare('UPDATE sync_events SET pushed = 1 WHERE id = ?').run(row.id)
    for (const row of refused) db.prepare('DELETE FROM sync_events WHERE id = ?').run(row.id)
  }).immediate()
  recompute(db, refused.map((row) => ({ entity: row.entity as Entity, key: row.key })))
}

interface ServerEvent {
  seq: string
  id: string
  author: string
  hlc: string
  entity: string
  key: string
  parent: string | null
  op: string
  data: Record<string, unknown> | null
  old: Record<string, unknown> | null
}

/**
 * Applies the server's events after the cursor; returns how many were new here.
 * The next batch is asked for before this one is applied, so the server reads
 * it while the library writes.
 */
export async function pull(db: Database, client: pg.Client, batch = BATCH): Promise<number> {
  const known = db.prepare('SELECT 1 FROM sync_events WHERE id = ?')
  const fetch = (cursor: number) => fetchEvents(client, cursor, batch, (id) => !known.get(id))
  let applied = 0
  let next = fetch(readState(db).cursor)
  try {
    for (;;) {
      const { rows, last } = await next
      if (last === undefined) return applied
      next = fetch(last)
      applied += applyEvents(db, rows, last).applied
    }
  } finally {
    next.catch(() => {}) // asked for ahead; an apply that failed leaves it unread
  }
}

/**
 * The server's events after `cursor`, as they are applied (document texts put
 * back), and the last sequence number read. `wanted` skips events already held.
 */
export async function fetchEvents(
  client: pg.Client,
  cursor: number,
  batch: number,
  wanted: (id: string) => boolean = () => true
): Promise<{ rows: unknown[]; last: number | undefined }> {
  const { rows } = await client.query<ServerEvent>(
    `SELECT seq, id::text, author::text, hlc, entity, key, parent, op, data, old
     FROM factmark.events WHERE seq > $1 ORDER BY seq LIMIT $2`,
    [cursor, batch]
  )
  if (rows.length === 0) return { rows: [], last: undefined }
  const fresh = rows.filter((row) => wanted(row.id))
  await restoreVersions(client, fresh)
  return { rows: fresh.map(({ seq: _seq, ...row }) => ({ ...row, hlc: Number(row.hlc) })), last: Number(rows.at(-1)!.seq) }
}

/** Puts each document version's text back into the events that name it. */
async function restoreVersions(client: pg.Client, events: ServerEvent[]): Promise<void> {
  const hashes = new Set<string>()
  for (const e of events) {
    if (e.entity !== 'documents') continue
    for (const fields of [e.data, e.old]) if (typeof fields?.content_hash === 'string') hashes.add(fields.content_hash)
  }
  if (hashes.size === 0) return
  const { rows } = await client.query<{ hash: string; text: string; content: string }>(
    'SELECT hash, text, content FROM factmark.versions WHERE hash = ANY($1)',
    [[...hashes]]
  )
  const byHash = new Map(rows.map((row) => [row.hash, row]))
  for (const e of events) {
    if (e.entity !== 'documents') continue
    for (const fields of [e.data, e.old]) {
      if (typeof fields?.content_hash !== 'string') continue
      const version = byHash.get(fields.content_hash)
      delete fields.content_hash
      if (version) Object.assign(fields, { text: version.text, content: version.content })
    }
  }
}

/** One push and one pull on a fresh connection; records the outcome for the status. */
export async function syncOnce(db: Database, options: { password?: string } = {}): Promise<{ pushed: number; pulled: number }> {
  const address = joinedTeam(db)
  if (!address) throw new FactmarkError('not_found', 'This library has not joined a team library: run “factmark team connect URL” first.')
  let client: pg.Client | undefined
  try {
    client = await openServer(address, options)
    await requireTeamSchema(client, address)
    const pushed = await push(db, client)
    const pulled = await pull(db, client)
    db.prepare('UPDATE sync_state SET last_sync = ?, last_error = NULL').run(new Date().toISOString())
    return { pushed, pulled }
  } catch (error) {
    const failure = asTeamError(address, error)
    db.prepare('UPDATE sync_state SET last_error = ?').run(failure.message)
    throw failure
  } finally {
    await client?.end().catch(() => {})
  }
}

/** What the app and `factmark team status` show. */
export function teamStatus(db: Database, connected: boolean | null = null): TeamStatus {
  const state = readState(db)
  const count = (sql: string) => db.prepare(sql).pluck().get() as number
  return {
    joined: state.url !== null,
    url: state.url,
    role: state.role,
    editor: state.editor === 1,
    connected,
    waiting: count('SELECT count(*) FROM sync_events WHERE pushed = 0'),
    lastSync: state.last_sync,
    lastError: state.last_error,
    conflicts: count('SELECT count(*) FROM sync_conflicts'),
    duplicates: count(
      `SELECT count(*) FROM claims c WHERE EXISTS (SELECT 1 FROM claims d WHERE d.document_id = c.document_id
         AND d.start_offset = c.start_offset AND d.end_offset = c.end_offset AND d.id <> c.id)`
    ),
    unapproved: count("SELECT count(*) FROM claims WHERE status <> 'unverified' AND approved_status IS NOT status"),
    received: 0
  }
}
