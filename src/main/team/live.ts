/**
 * The live link the app keeps with its team library while it runs: LISTEN
 * for the server's announcements and pull at once; push own changes soon
 * after they are made; poll as a fallback (a lost notification, a proxy that
 * drops LISTEN). When the server is away the library keeps working offline
 * and the link retries; nothing waits on the network.
 */
import type { Database } from 'better-sqlite3'
import type pg from 'pg'
import type { TeamStatus } from '../../shared/model'
import { asTeamError, openServer, requireTeamSchema } from './server'
import { joinedTeam, pull, push, teamStatus } from './sync'

export interface LiveOptions {
  /** For tests and the bench; the app relies on PGPASSWORD or ~/.pgpass. */
  password?: string
  /** How often to look for own changes to push (ms). */
  pushEvery?: number
  /** How often to pull without being told (ms). */
  pollEvery?: number
  /** Called after each pull that applied something (the app refreshes its view). */
  onApplied?: (count: number) => void
}

export class LiveTeamLink {
  private client: pg.Client | undefined
  private connecting: Promise<void> | undefined
  private running: Promise<void> = Promise.resolve()
  private again = false
  private busy = false
  private timers: NodeJS.Timeout[] = []
  private stopped = false
  private retryAt = 0

  constructor(
    private db: () => Database,
    private options: LiveOptions = {}
  ) {}

  get connected(): boolean {
    return this.client !== undefined
  }

  status(): TeamStatus {
    return teamStatus(this.db(), this.connected)
  }

  start(): void {
    const outbox = this.db().prepare('SELECT 1 FROM sync_events WHERE pushed = 0 LIMIT 1').pluck()
    this.timers.push(
      setInterval(() => {
        if (outbox.get()) this.kick()
      }, this.options.pushEvery ?? 200),
      setInterval(() => this.kick(), this.options.pollEvery ?? 5000)
    )
    this.kick()
  }

  /** Push and pull now (or right after the round under way). */
  kick(): Promise<void> {
    if (this.stopped) return this.running
    if (this.busy) {
      this.again = true
      return this.running
    }
    this.busy = true
    this.running = this.round().finally(() => {
      this.busy = false
      if (this.again && !this.stopped) {
        this.again = false
        void this.kick()
      }
    })
    return this.running
  }

  private async round(): Promise<void> {
    const db = this.db()
    try {
      if (!this.client) await this.connect()
      if (!this.client) return
      await push(db, this.client)
      const applied = await pull(db, this.client)
      db.prepare('UPDATE sync_state SET last_sync = ?, last_error = NULL').run(new Date().toISOString())
      if (applied) this.options.onApplied?.(applied)
    } catch (error) {
      this.drop()
      const address = joinedTeam(db)
      if (address) db.prepare('UPDATE sync_state SET last_error = ?').run(asTeamError(address, error).message)
    }
  }

  private async connect(): Promise<void> {
    if (Date.now() < this.retryAt) return
    const address = joinedTeam(this.db())
    if (!address) return
    this.connecting ??= (async () => {
      try {
        const client = await openServer(address, this.options)
        await requireTeamSchema(client, address)
        client.on('notification', () => void this.kick())
        client.on('error', () => this.drop())
        client.on('end', () => this.drop())
        await client.query('LISTEN factmark_events')
        if (this.stopped) await client.end()
        else this.client = client
      } catch (error) {
        this.retryAt = Date.now() + 1000 // offline: try again on a later round
        throw error
      } finally {
        this.connecting = undefined
      }
    })()
    await this.connecting
  }

  private drop(): void {
    const client = this.client
    this.client = undefined
    client?.removeAllListeners('notification')
    void client?.end().catch(() => {})
  }

  async stop(): Promise<void> {
    this.stopped = true
    for (const timer of this.timers) clearInterval(timer)
    await this.running.catch(() => {})
    this.drop()
  }
}
