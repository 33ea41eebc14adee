/**
 * A throwaway PostgreSQL cluster for the team-library tests and the bench:
 * initdb in a temp directory and pg_ctl on a free port, both as the
 * `postgres` user (the server refuses to run as root), socket in that
 * directory. Loopback connections from `postgres` are trusted; every other
 * role signs in with a password (scram-sha-256), so a wrong password fails
 * as it would on a desk's server.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

/** FACTMARK_PG_BIN, else the newest Debian PostgreSQL installed (15 on the build machines). */
const BIN =
  process.env.FACTMARK_PG_BIN ??
  (existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => Number(v) >= 15 && existsSync(join('/usr/lib/postgresql', v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => join('/usr/lib/postgresql', v, 'bin'))[0]
    : undefined) ??
  '/usr/lib/postgresql/15/bin'

export interface Cluster {
  port: number
  /** postgres://role[:password]@127.0.0.1:port/database */
  url(database: string, role?: string, password?: string): string
  /** A new empty database owned by `postgres`. */
  createDatabase(name?: string): Promise<string>
  /** A login role with a password. */
  createRole(name: string, password: string): Promise<void>
  /** Runs SQL as the superuser in a database. */
  admin<T extends pg.QueryResultRow = pg.QueryResultRow>(database: string, sql: string, values?: unknown[]): Promise<T[]>
  /** Runs SQL signed in at an address from url(): as a team member would, in a test. */
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(address: string, sql: string, values?: unknown[]): Promise<T[]>
  stop(): void
  start(): void
  /** Stops the server and removes its directory. */
  destroy(): void
}

export function postgresAvailable(): boolean {
  return existsSync(join(BIN, 'pg_ctl'))
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** Runs a PostgreSQL program as the postgres user (or as ourselves when we are not root). */
function asPostgres(program: string, args: string[]): void {
  const command = join(BIN, program)
  if (userInfo().uid === 0) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' })
  else execFileSync(command, args, { stdio: 'pipe' })
}

function postgresIds(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim())
  return { uid: id('-u'), gid: id('-g') }
}

export async function startCluster(): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'factmark-pg-'))
  const ids = postgresIds()
  chmodSync(dir, 0o700)
  if (ids) chownSync(dir, ids.uid, ids.gid)
  const data = join(dir, 'data')
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C'])
  writeFileSync(
    join(data, 'pg_hba.conf'),
    [
      'local all all trust',
      'host all postgres 127.0.0.1/32 trust',
      'host all all 127.0.0.1/32 scram-sha-256'
    ].join('\n') + '\n'
  )
  if (ids) chownSync(join(data, 'pg_hba.conf'), ids.uid, ids.gid)
  const port = await freePort()
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`
  const start = () => asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start'])
  const stop = () => asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
  start()
  let stopped = false
  let databases = 0
  const url = (database: string, role = 'postgres', password?: string) =>
    `postgres://${encodeURIComponent(role)}${password === undefined ? '' : `:${encodeURIComponent(password)}`}@127.0.0.1:${port}/${database}`
  const query = async <T extends pg.QueryResultRow>(address: string, sql: string, values?: unknown[]): Promise<T[]> => {
    const client = new pg.Client({ connectionString: address })
    await client.connect()
    try {
      return (await client.query<T>(sql, values)).rows
    } finally {
      await client.end()
    }
  }
  const admin = <T extends pg.QueryResultRow>(database: string, sql: string, values?: unknown[]) => query<T>(url(database), sql, values)
  return {
    port,
    url,
    admin,
    query,
    async createDatabase(name = `team_${process.pid}_${++databases}`) {
      await admin('postgres', `CREATE DATABASE ${name}`)
      return name
    },
    async createRole(name, password) {
      await admin('postgres', `CREATE ROLE ${name} LOGIN PASSWORD '${password.replace(/'/g, "''")}'`)
    },
    stop() {
      stop()
      stopped = true
    },
    start() {
      start()
      stopped = false
    },
    destroy() {
      try {
        if (!stopped) stop()
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}
