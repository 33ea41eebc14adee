/**
 * The team library's server: a PostgreSQL (15 or newer) database. Reaching
 * it, checking it, and setting it up (`factmark team init`, `team grant`).
 *
 * Passwords come as psql's do: from the URL (used for that one connection,
 * never stored), from PGPASSWORD, or from ~/.pgpass.
 */
import pg from 'pg'
import { FactmarkError } from '../../shared/errors'

/** Schema files, in order; the database records the last one it ran (factmark.meta). */
const files = import.meta.glob<string>('./schema/*.sql', { query: '?raw', import: 'default', eager: true })
export const teamSchema = Object.entries(files)
  .map(([path, sql]) => ({ version: Number(/(\d{4})_[a-z0-9_]+\.sql$/.exec(path)![1]), sql }))
  .sort((a, b) => a.version - b.version)
export const TEAM_SCHEMA_VERSION = teamSchema.length

export const MIN_SERVER_VERSION = 150000

export interface TeamAddress {
  /** The URL as stored and shown: no password. */
  url: string
  /** The password the URL carried, if any: for this connection only. */
  password?: string
  host: string
  port: number
  database: string
  role: string | undefined
}

/** Reads a postgres:// URL; throws invalid_input naming what is wrong with it. */
export function parseTeamUrl(input: string): TeamAddress {
  const bad = (why: string) => new FactmarkError('invalid_input', `“${input.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@')}” is not a team library address: ${why}.`)
  let url: URL
  try {
    url = new URL(input.trim())
  } catch {
    throw bad('write it as postgres://role@host:port/database')
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw bad('it must start with postgres://')
  if (!url.hostname) throw bad('it names no host')
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''))
  if (!database || database.includes('/')) throw bad('it names no database (…/database at the end)')
  const port = url.port ? Number(url.port) : 5432
  const role = url.username ? decodeURIComponent(url.username) : undefined
  const password = url.password ? decodeURIComponent(url.password) : undefined
  url.password = ''
  return { url: url.toString(), ...(password !== undefined && { password }), host: url.hostname, port, database, role }
}

/** Opens a connection, turning the driver's failures into one line that names the problem. */
export async function openServer(address: TeamAddress, options: { password?: string } = {}): Promise<pg.Client> {
  const password = options.password ?? address.password
  const client = new pg.Client({
    host: address.host,
    port: address.port,
    database: address.database,
    ...(address.role !== undefined && { user: address.role }),
    ...(password !== undefined && { password }),
    connectionTimeoutMillis: 5000,
    application_name: 'factmark'
  })
  client.on('error', () => {}) // a dropped connection surfaces on the next query
  try {
    await client.connect()
  } catch (error) {
    await client.end().catch(() => {})
    throw connectionError(address, error as Error & { code?: string })
  }
  return client
}

export function connectionError(address: TeamAddress, error: Error & { code?: string }): FactmarkError {
  const where = `${address.host}:${address.port}`
  const role = address.role ?? process.env.PGUSER ?? 'your user'
  switch (error.code) {
    case '28P01':
      return new FactmarkError('unauthorized', `Wrong password for role “${role}” on the team library at ${where}.`)
    case '28000':
      return new FactmarkError('unauthorized', `Role “${role}” may not sign in to the team library at ${where}: ${error.message}.`)
    case '3D000':
      return new FactmarkError('not_found', `There is no database “${address.database}” on ${where}.`)
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
    case 'ECONNRESET':
      return new FactmarkError('not_found', `Cannot reach the team library at ${where} (${error.code}).`)
  }
  if (/password must be a string|password authentication/i.test(error.message)) {
    return new FactmarkError('unauthorized', `No password for role “${role}” on ${where}: put it in PGPASSWORD or ~/.pgpass.`)
  }
  if (/timeout|terminated/i.test(error.message)) {
    return new FactmarkError('not_found', `Cannot reach the team library at ${where} (no answer).`)
  }
  return new FactmarkError('internal', `The team library at ${where} failed: ${error.message}`)
}

/** Refuses servers older than PostgreSQL 15. */
export function checkServerVersion(versionNum: number, version: string): void {
  if (versionNum < MIN_SERVER_VERSION) {
    throw new FactmarkError('conflict', `The server runs PostgreSQL ${version}; a team library needs PostgreSQL 15 or newer.`)
  }
}

async function serverVersion(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ num: string; version: string }>(
    "SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version"
  )
  checkServerVersion(Number(rows[0]!.num), rows[0]!.version)
}

/** What the database holds: nothing yet, a Factmark team library (its version), or something else. */
export async function readSchema(client: pg.Client): Promise<{ kind: 'empty' } | { kind: 'factmark'; version: number } | { kind: 'foreign'; what: string }> {
  const meta = await client.query<{ has: boolean }>("SELECT to_regclass('factmark.meta') IS NOT NULL AS has")
  if (meta.rows[0]!.has) {
    const { rows } = await client.query<{ app: string; version: number }>('SELECT app, version FROM factmark.meta LIMIT 1')
    if (rows[0]?.app === 'factmark') return { kind: 'factmark', version: rows[0].version }
    return { kind: 'foreign', what: 'a factmark schema that Factmark did not make' }
  }
  const { rows } = await client.query<{ name: string; count: string }>(
    `SELECT min(n.nspname || '.' || c.relname) AS name, count(*) AS count
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'`
  )
  const count = Number(rows[0]?.count ?? 0)
  if (count > 0 || (await client.query("SELECT 1 FROM pg_namespace WHERE nspname = 'factmark'")).rowCount) {
    return { kind: 'foreign', what: count ? `${count} other table${count === 1 ? '' : 's'} (${rows[0]!.name}…)` : 'a factmark schema that Factmark did not make' }
  }
  return { kind: 'empty' }
}

/**
 * Creates or upgrades the team schema; run by the database's owner. Running
 * it again changes nothing. Refuses a server older than 15, a database that
 * holds another application's tables, and one made by a newer Factmark.
 */
export async function initTeam(address: TeamAddress, options: { password?: string } = {}): Promise<{ version: number; created: boolean }> {
  const client = await openServer(address, options)
  try {
    await serverVersion(client)
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock(7462015)') // two inits at once: one waits
    const schema = await readSchema(client)
    if (schema.kind === 'foreign') {
      throw new FactmarkError('conflict', `The database “${address.database}” holds ${schema.what}: a team library needs a database of its own.`)
    }
    const from = schema.kind === 'factmark' ? schema.version : 0
    if (from > TEAM_SCHEMA_VERSION) {
      throw new FactmarkError('conflict', `The team library has schema ${from}, newer than this Factmark's ${TEAM_SCHEMA_VERSION}: update Factmark.`)
    }
    for (const { version, sql } of teamSchema.filter((s) => s.version > from)) {
      await client.query(sql)
      await client.query('UPDATE factmark.meta SET version = $1', [version])
    }
    await client.query('COMMIT')
    return { version: TEAM_SCHEMA_VERSION, created: from === 0 }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw asTeamError(address, error)
  } finally {
    await client.end().catch(() => {})
  }
}

export const teamRoles = ['analyst', 'editor'] as const
export type TeamRole = (typeof teamRoles)[number]

/** Makes a PostgreSQL role an analyst or an editor of the team library (editors are analysts too). */
export async function grantTeamRole(address: TeamAddress, role: string, as: TeamRole, options: { password?: string } = {}): Promise<void> {
  const client = await openServer(address, options)
  try {
    await requireTeamSchema(client, address)
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])
    if (!exists.rowCount) throw new FactmarkError('not_found', `There is no role “${role}” on ${address.host}:${address.port}: create it first (CREATE ROLE ${role} LOGIN PASSWORD …).`)
    const name = client.escapeIdentifier(role)
    if (as === 'editor') await client.query(`GRANT factmark_editor TO ${name}`)
    else {
      await client.query(`REVOKE factmark_editor FROM ${name}`)
      await client.query(`GRANT factmark_analyst TO ${name}`)
    }
  } catch (error) {
    throw asTeamError(address, error)
  } finally {
    await client.end().catch(() => {})
  }
}

/** Checks the server and its schema before a library uses it. */
export async function requireTeamSchema(client: pg.Client, address: TeamAddress): Promise<void> {
  await serverVersion(client)
  const schema = await readSchema(client).catch(async (error: Error & { code?: string }) => {
    if (error.code !== '42501') throw error
    const role = (await client.query<{ role: string }>('SELECT current_user AS role')).rows[0]!.role
    throw new FactmarkError('forbidden', `Role “${role}” is not in this team: the owner runs “factmark team grant ${role} analyst”.`)
  })
  if (schema.kind === 'empty') {
    throw new FactmarkError('not_found', `The database “${address.database}” is not a team library yet: its owner runs “factmark team init URL” first.`)
  }
  if (schema.kind === 'foreign') {
    throw new FactmarkError('conflict', `The database “${address.database}” holds ${schema.what}, not a Factmark team library.`)
  }
  if (schema.version > TEAM_SCHEMA_VERSION) {
    throw new FactmarkError('conflict', `The team library has schema ${schema.version}, newer than this Factmark's ${TEAM_SCHEMA_VERSION}: update Factmark.`)
  }
}

/** Who we are on the server, and what we may do there. */
export async function whoAmI(client: pg.Client): Promise<{ role: string; member: boolean; editor: boolean }> {
  const { rows } = await client.query<{ role: string; member: boolean; editor: boolean }>(
    `SELECT current_user AS role, pg_has_role(current_user, 'factmark_analyst', 'MEMBER') AS member,
            pg_has_role(current_user, 'factmark_editor', 'MEMBER') AS editor`
  )
  return rows[0]!
}

/** Any failure on the way, as one FactmarkError line. */
export function asTeamError(address: TeamAddress, error: unknown): FactmarkError {
  if (error instanceof FactmarkError) return error
  const e = error as Error & { code?: string }
  if (e.code === '42501') return new FactmarkError('forbidden', `The team library refused: ${e.message}.`)
  return connectionError(address, e)
}
