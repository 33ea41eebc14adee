/**
 * The SQLite triggers that record each change of a replicated row as an event
 * (sync_events), stamped with the hybrid logical clock. They are written from
 * the tables' current columns, so a column a later migration adds (a claim's
 * rationale, a note's visibility) travels without touching this file; only
 * numbering that each library keeps for itself stays local.
 *
 * Every writer is covered, because the triggers sit under all of them: the
 * service's operations, the JSON-LD import, restores, re-anchoring. A library
 * without a team has no triggers at all.
 */
import type { Database } from 'better-sqlite3'
import { entities, parentOf, type Entity } from './events'

/** Columns each library keeps for itself: claim numbers are given in the order claims arrive. */
const localColumns: Record<Entity, readonly string[]> = {
  documents: ['claim_counter'],
  claims: ['number'],
  claim_tags: [],
  notes: [],
  sources: []
}

const keyOf = (entity: Entity, row: string) => (entity === 'claim_tags' ? `json_array(${row}.claim_id, ${row}.tag)` : `${row}.id`)

export function replicatedColumns(db: Database, entity: Entity): string[] {
  const columns = db.prepare(`SELECT name FROM pragma_table_info('${entity}')`).pluck().all() as string[]
  return columns.filter((column) => !localColumns[entity].includes(column))
}

const object = (row: string, columns: string[]) => `json_object(${columns.map((c) => `'${c}', ${row}.${c}`).join(', ')})`
/** The fields an update changed (and the key), dropping the rest: an event carries only its change. */
function changed(row: string, columns: string[], keys: string[]): string {
  const fields = columns.filter((c) => !keys.includes(c))
  if (fields.length === 0) return object(row, columns)
  const drops = fields.map((c) => `CASE WHEN NEW.${c} IS OLD.${c} THEN '$.${c}' ELSE '$.__changed' END`)
  return `json_remove(${object(row, columns)}, ${drops.join(', ')})`
}

const TICK = "UPDATE sync_state SET hlc = max(hlc + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1024);"
const NEW_ID =
  "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || " +
  "substr('89AB', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"

function triggersFor(db: Database, entity: Entity): string[] {
  const columns = replicatedColumns(db, entity)
  const keys = entity === 'claim_tags' ? ['claim_id', 'tag'] : ['id']
  const parent = parentOf[entity]?.field
  const record = (row: 'NEW' | 'OLD', op: string, data: string, old: string) => `
  ${TICK}
  INSERT INTO sync_events (id, hlc, author, entity, key, parent, op, data, old)
  SELECT ${NEW_ID}, hlc, role, '${entity}', ${keyOf(entity, row)}, ${parent ? `${row}.${parent}` : 'NULL'}, '${op}', ${data}, ${old}
  FROM sync_state;`
  const recording = '(SELECT recording FROM sync_state) = 1'
  const anyChange = columns.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')
  return [
    `CREATE TRIGGER sync_${entity}_insert AFTER INSERT ON ${entity} WHEN ${recording}
     BEGIN ${record('NEW', 'upsert', object('NEW', columns), 'NULL')} END`,
    `CREATE TRIGGER sync_${entity}_update AFTER UPDATE ON ${entity} WHEN ${recording} AND (${anyChange})
     BEGIN ${record('NEW', 'upsert', changed('NEW', columns, keys), changed('OLD', columns, keys))} END`,
    `CREATE TRIGGER sync_${entity}_delete AFTER DELETE ON ${entity} WHEN ${recording}
     BEGIN ${record('OLD', 'delete', 'NULL', 'NULL')} END`
  ]
}

/** (Re)creates the triggers from the tables as they are now. */
export function installSyncTriggers(db: Database): void {
  db.transaction(() => {
    const existing = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_%' ESCAPE '\\'").pluck().all() as string[]
    for (const name of existing) db.exec(`DROP TRIGGER ${name}`)
    for (const entity of entities) for (const sql of triggersFor(db, entity)) db.exec(sql)
  })()
}

/** Every replicated row as an insert event would carry it, parents first: what joining a team sends. */
export function* currentRows(db: Database): Generator<{ entity: Entity; key: string; parent: string | null; data: string }> {
  for (const entity of entities) {
    const columns = replicatedColumns(db, entity)
    const parent = parentOf[entity]?.field
    const rows = db
      .prepare(`SELECT ${keyOf(entity, entity)} AS key, ${parent ? `${entity}.${parent}` : 'NULL'} AS parent, ${object(entity, columns)} AS data FROM ${entity}`)
      .iterate() as IterableIterator<{ key: string; parent: string | null; data: string }>
    for (const row of rows) yield { entity, ...row }
  }
}
