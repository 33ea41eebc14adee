/**
 * Applying events: the rows of a library are computed from its event log.
 *
 * Each touched row is recomputed from all of its events in clock order (hlc,
 * then event id), so the result depends only on the set of events, never on
 * the order or the number of times they arrived: every replica that holds the
 * same events holds the same rows.
 *
 * - Single values (a verdict, a claimant, a note's text…) are last-writer-wins
 *   by clock, field by field. When the later value was written without having
 *   seen the one it replaces (its `old` differs), the replaced value is kept
 *   as a conflict: shown on the claim, and in its history.
 * - Tags are a set: each (claim, tag) row is added or removed by its latest event.
 * - Notes and sources have their own ids, so everyone's accumulate.
 * - A delete wins over later edits made without seeing it; only a re-insert
 *   (an undo) brings the row back.
 * - Two claims on the same words stay two claims; the newcomer's history says
 *   it duplicates the other.
 */
import type { Database, Statement } from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import type { HistoryAction } from '../../shared/model'
import type { ServiceContext } from '../service/context'
import { deletedRecord } from '../service/deleting'
import { checkEvent, entities, parentOf, type Entity } from './events'

/** Claim fields whose overwriting by someone who had not seen them is a conflict worth showing. */
const contested = new Set(['status', 'claimant', 'rationale', 'approved_status'])
/** Claim fields whose change goes into the claim's history when someone else makes it. */
const historyActions: Record<string, HistoryAction> = {
  status: 'status_changed',
  claimant: 'claimant_changed',
  rationale: 'rationale_changed',
  approved_status: 'approved'
}

interface StoredEvent {
  id: string
  hlc: number
  author: string
  op: 'upsert' | 'delete'
  data: string | null
  old: string | null
}

interface RowState {
  exists: boolean
  row: Record<string, unknown>
  /** Who set each field last. */
  setBy: Map<string, string>
  conflicts: { eventId: string; field: string; kept: unknown; keptBy: string; lost: unknown; lostBy: string }[]
}

const inClockOrder = (a: StoredEvent, b: StoredEvent) => a.hlc - b.hlc || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** Folds a row's events, oldest clock first, into its current state. */
export function foldEvents(events: StoredEvent[]): RowState {
  const state: RowState = { exists: false, row: {}, setBy: new Map(), conflicts: [] }
  for (const event of events) {
    if (event.op === 'delete') {
      state.exists = false
      continue
    }
    const data = JSON.parse(event.data!) as Record<string, unknown>
    const old = event.old === null ? null : (JSON.parse(event.old) as Record<string, unknown>)
    if (old === null) {
      // A whole row: created, restored, or sent when its library joined the team.
      for (const [field, value] of Object.entries(data)) {
        state.row[field] = value
        state.setBy.set(field, event.author)
      }
      state.exists = true
      continue
    }
    if (!state.exists) continue // an edit to a row someone deleted: the delete wins
    for (const [field, value] of Object.entries(data)) {
      if (same(value, old[field])) continue
      const setBy = state.setBy.get(field)
      if (contested.has(field) && setBy !== undefined && setBy !== event.author && !same(old[field], state.row[field])) {
        state.conflicts.push({ eventId: event.id, field, kept: value, keptBy: event.author, lost: state.row[field], lostBy: setBy })
      }
      state.row[field] = value
      state.setBy.set(field, event.author)
    }
  }
  return state
}

export interface ApplyResult {
  /** Events new to this library. */
  applied: number
  /** Events refused by the field rules (never stored). */
  refused: { id: unknown; reason: string }[]
}

/**
 * Stores others' events (ignoring those already known) and recomputes the
 * rows they touch, in one transaction with the new cursor: a crash leaves
 * either all of a batch or none of it.
 */
export function applyEvents(db: Database, incoming: unknown[], cursor?: number): ApplyResult {
  const result: ApplyResult = { applied: 0, refused: [] }
  db.transaction(() => {
    db.prepare('UPDATE sync_state SET recording = 0').run()
    const insert = db.prepare(
      `INSERT OR IGNORE INTO sync_events (id, hlc, author, entity, key, parent, op, data, old, pushed)
       VALUES (@id, @hlc, @author, @entity, @key, @parent, @op, @data, @old, 1)`
    )
    const touched = new Map<Entity, Set<string>>(entities.map((entity) => [entity, new Set()]))
    let latest = 0
    for (const raw of incoming) {
      const checked = checkEvent(raw)
      if (!checked.ok) {
        result.refused.push({ id: (raw as { id?: unknown } | null)?.id, reason: checked.reason })
        continue
      }
      const { event } = checked
      const stored = insert.run({
        ...event,
        data: event.data === null ? null : JSON.stringify(event.data),
        old: event.old === null ? null : JSON.stringify(event.old)
      })
      if (stored.changes === 0) continue
      result.applied++
      latest = Math.max(latest, event.hlc)
      touched.get(event.entity)!.add(event.key)
    }
    // The clock moves past everything seen, so the next local change is later than all of it.
    db.prepare('UPDATE sync_state SET hlc = max(hlc, ?)').run(latest)
    const rows = new RowWriter(db)
    for (const entity of entities) rows.materialiseAll(entity, [...touched.get(entity)!])
    rows.retryPending()
    if (cursor !== undefined) db.prepare('UPDATE sync_state SET cursor = max(cursor, ?)').run(cursor)
    db.prepare('UPDATE sync_state SET recording = (url IS NOT NULL)').run()
  }).immediate()
  return result
}

/** Recomputes rows from the log as it now stands (after refused events were taken out). */
export function recompute(db: Database, rows: { entity: Entity; key: string }[]): void {
  db.transaction(() => {
    db.prepare('UPDATE sync_state SET recording = 0').run()
    const writer = new RowWriter(db)
    for (const entity of entities) writer.materialiseAll(entity, rows.filter((row) => row.entity === entity).map((row) => row.key))
    db.prepare('UPDATE sync_state SET recording = (url IS NOT NULL)').run()
  }).immediate()
}

/** Prepared statements per database: preparing is costly where tables carry triggers. */
const statements = new WeakMap<Database, Map<string, Statement>>()
function statement(db: Database, sql: string): Statement {
  let cache = statements.get(db)
  if (!cache) statements.set(db, (cache = new Map()))
  let prepared = cache.get(sql)
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)))
  return prepared
}

/** Writes computed rows into the library's tables, with history rows for what others changed. */
class RowWriter {
  private columns = new Map<Entity, Set<string>>()
  private now = new Date().toISOString()
  /** Each row's events, read for a whole batch at once (entity, NUL, key → events in clock order). */
  private events = new Map<string, StoredEvent[]>()
  /** Rows waiting for a parent: usually none, and then there is nothing to look up per row. */
  private waiting: number
  /** Claims that hold conflicts: usually few, so a claim without any needs no lookup. */
  private conflicted: Set<string>

  /** For the service's readers (a deleted claim's record); nothing is written through it. */
  private context: ServiceContext

  constructor(private db: Database) {
    this.context = { db, author: () => '', now: () => this.now, newId: randomUUID }
    this.waiting = this.sql('SELECT count(*) FROM sync_pending').pluck().get() as number
    this.conflicted = new Set(this.sql('SELECT DISTINCT claim_id FROM sync_conflicts').pluck().all() as string[])
  }

  private sql(text: string): Statement {
    return statement(this.db, text)
  }

  private tableColumns(entity: Entity): Set<string> {
    let columns = this.columns.get(entity)
    if (!columns) {
      columns = new Set((this.db.prepare(`SELECT name FROM pragma_table_info('${entity}')`).pluck().all() as string[]))
      this.columns.set(entity, columns)
    }
    return columns
  }

  private where(entity: Entity, key: string): { sql: string; values: unknown[] } {
    if (entity === 'claim_tags') {
      const [claimId, tag] = JSON.parse(key) as [string, string]
      return { sql: 'claim_id = ? AND tag = ?', values: [claimId, tag] }
    }
    return { sql: 'id = ?', values: [key] }
  }

  /** Recomputes many rows of one table, reading all their events in one query. */
  materialiseAll(entity: Entity, keys: string[]): void {
    if (keys.length === 0) return
    const read = this.sql(
      `SELECT e.key, e.id, e.hlc, e.author, e.op, e.data, e.old
       FROM json_each(?) AS j CROSS JOIN sync_events AS e ON e.entity = ? AND e.key = j.value`
    )
    for (const key of keys) this.events.set(`${entity}\0${key}`, [])
    for (const event of read.all(JSON.stringify(keys), entity) as (StoredEvent & { key: string })[]) {
      this.events.get(`${entity}\0${event.key}`)!.push(event)
    }
    for (const key of keys) this.events.get(`${entity}\0${key}`)!.sort(inClockOrder)
    for (const key of keys) this.materialise(entity, key)
  }

  private eventsOf(entity: Entity, key: string): StoredEvent[] {
    return (
      this.events.get(`${entity}\0${key}`) ??
      (this.sql('SELECT id, hlc, author, op, data, old FROM sync_events WHERE entity = ? AND key = ? ORDER BY hlc, id').all(entity, key) as StoredEvent[])
    )
  }

  private materialise(entity: Entity, key: string): void {
    const events = this.eventsOf(entity, key)
    const state = foldEvents(events)
    const where = this.where(entity, key)
    const current = this.sql(`SELECT * FROM ${entity} WHERE ${where.sql}`).get(...where.values) as
      | Record<string, unknown>
      | undefined
    if (!state.exists) {
      this.settled(entity, key)
      if (!current) return
      const lastAuthor = events.at(-1)?.author ?? ''
      // The whole record, as a local delete keeps it, so this library can undo a colleague's delete too.
      if (entity === 'claims') this.history(current, 'deleted', lastAuthor, { ...deletedRecord(this.context, key), by: 'team' })
      if (entity === 'claims' || entity === 'documents') this.orphanChildren(key)
      this.sql(`DELETE FROM ${entity} WHERE ${where.sql}`).run(...where.values)
      return
    }

    const parent = parentOf[entity]
    if (parent) {
      const parentId = state.row[parent.field]
      if (!this.sql(`SELECT 1 FROM ${parent.entity} WHERE id = ?`).get(parentId)) {
        this.waiting += this.sql('INSERT OR IGNORE INTO sync_pending (entity, key) VALUES (?, ?)').run(entity, key).changes
        return
      }
    }
    this.settled(entity, key)

    const columns = this.tableColumns(entity)
    const fields = Object.keys(state.row).filter((field) => columns.has(field))
    if (!current) {
      const row: Record<string, unknown> = { ...state.row, ...(entity === 'claim_tags' ? {} : { id: key }) }
      this.sql(`INSERT INTO ${entity} (${fields.join(', ')}) VALUES (${fields.map((f) => `@${f}`).join(', ')})`).run(
        Object.fromEntries(fields.map((f) => [f, row[f] ?? null]))
      )
      this.inserted(entity, state)
    } else {
      const changed = fields.filter((field) => !same(current[field], state.row[field]))
      if (changed.length) {
        this.update(entity, key, changed, state.row)
        if (entity === 'claims') {
          for (const field of changed) {
            const action = historyActions[field]
            if (action) this.history(current, action, state.setBy.get(field) ?? '', { from: current[field], to: state.row[field], by: 'team' })
          }
        } else if (entity === 'notes' && changed.includes('public')) {
          const claim = this.sql('SELECT id, document_id FROM claims WHERE id = ?').get(state.row.claim_id) as Record<string, unknown>
          const action = state.row.public ? 'note_made_public' : 'note_made_internal'
          this.history(claim, action, state.setBy.get('public') ?? '', { noteId: key, by: 'team' })
        }
      }
    }
    if (entity === 'claims') this.recordConflicts(key, state)
    if (entity === 'claims' || entity === 'documents') this.adoptChildren(key)
  }

  /** The row no longer waits for its parent. */
  private settled(entity: Entity, key: string): void {
    if (this.waiting > 0) this.waiting -= this.sql('DELETE FROM sync_pending WHERE entity = ? AND key = ?').run(entity, key).changes
  }

  private update(entity: Entity, key: string, changed: string[], row: Record<string, unknown>): void {
    const where = this.where(entity, key)
    this.sql(`UPDATE ${entity} SET ${changed.map((f) => `${f} = ?`).join(', ')} WHERE ${where.sql}`)
      .run(...changed.map((f) => row[f] ?? null), ...where.values)
  }

  /** History for rows others made: a claim (and whether it repeats another), a note, a source. */
  private inserted(entity: Entity, state: RowState): void {
    const row = state.row
    const by = state.setBy.get('id') ?? state.setBy.get('claim_id') ?? ''
    if (entity === 'claims') {
      this.history(row, 'created', by, { start: row.start_offset, end: row.end_offset, exact: row.exact, by: 'team' })
      const twin = this.sql('SELECT id FROM claims WHERE document_id = ? AND start_offset = ? AND end_offset = ? AND id <> ? ORDER BY created_at, id LIMIT 1')
        .pluck()
        .get(row.document_id, row.start_offset, row.end_offset, row.id) as string | undefined
      if (twin) this.history(row, 'duplicate', by, { of: twin })
    } else if (entity === 'notes' || entity === 'sources') {
      const claim = this.sql('SELECT id, document_id FROM claims WHERE id = ?').get(row.claim_id) as Record<string, unknown>
      const action = entity === 'notes' ? 'note_added' : 'source_added'
      const detail = entity === 'notes' ? { noteId: row.id, body: row.body } : { sourceId: row.id, url: row.url, title: row.title, stance: row.stance }
      this.history(claim, action, by, { ...detail, by: 'team' })
    }
  }

  /** Conflicts are recomputed with the row; one history row the first time each is seen. */
  private recordConflicts(claimId: string, state: RowState): void {
    if (state.conflicts.length === 0 && !this.conflicted.has(claimId)) return
    if (state.conflicts.length) this.conflicted.add(claimId)
    const known = new Set(this.sql('SELECT event_id || field FROM sync_conflicts WHERE claim_id = ?').pluck().all(claimId) as string[])
    this.sql('DELETE FROM sync_conflicts WHERE claim_id = ?').run(claimId)
    const insert = this.sql(
      'INSERT INTO sync_conflicts (event_id, field, claim_id, kept, kept_by, lost, lost_by) VALUES (?, ?, ?, ?, ?, ?, ?)'
    )
    for (const c of state.conflicts) {
      insert.run(c.eventId, c.field, claimId, JSON.stringify(c.kept ?? null), c.keptBy, JSON.stringify(c.lost ?? null), c.lostBy)
      if (!known.has(c.eventId + c.field)) {
        this.history(state.row, 'sync_conflict', c.keptBy, { field: c.field, kept: c.kept, keptBy: c.keptBy, lost: c.lost, lostBy: c.lostBy })
      }
    }
  }

  /** Rows of a deleted claim or document wait: an undo elsewhere may bring their parent back. */
  private orphanChildren(parentKey: string): void {
    this.waiting += this.sql('INSERT OR IGNORE INTO sync_pending (entity, key) SELECT DISTINCT entity, key FROM sync_events WHERE parent = ?')
      .run(parentKey).changes
  }

  /** A parent that (re)appears takes in the children already waiting for it. */
  private adoptChildren(parentKey: string): void {
    if (this.waiting === 0) return
    const waiting = this.sql('SELECT DISTINCT p.entity, p.key FROM sync_pending p JOIN sync_events e ON e.entity = p.entity AND e.key = p.key WHERE e.parent = ?')
      .all(parentKey) as { entity: Entity; key: string }[]
    for (const row of waiting) this.materialise(row.entity, row.key)
  }

  /** Retries every row still waiting for its parent, parents first. */
  retryPending(): void {
    if (this.waiting === 0) return
    const waiting = this.sql('SELECT entity, key FROM sync_pending').all() as { entity: Entity; key: string }[]
    waiting.sort((a, b) => entities.indexOf(a.entity) - entities.indexOf(b.entity))
    for (const row of waiting) this.materialise(row.entity, row.key)
  }

  private history(claim: Record<string, unknown>, action: HistoryAction, author: string, detail: Record<string, unknown>): void {
    this.sql('INSERT INTO claim_history (claim_id, document_id, at, author, action, detail) VALUES (?, ?, ?, ?, ?, ?)')
      .run(claim.id, claim.document_id, this.now, author, action, JSON.stringify(detail))
  }
}
