/**
 * The team library as the service sees it: status, joining, syncing and
 * sign-off, with or without a live link (the app has one; the command line
 * and most tests do not).
 */
import type { Database } from 'better-sqlite3'
import type { TeamStatus } from '../../shared/model'
import { LiveTeamLink } from './live'
import { parseTeamUrl } from './server'
import { approveClaim } from './signoff'
import { installSyncTriggers } from './triggers'
import { connectTeam, joinedTeam, syncOnce, teamStatus } from './sync'

export interface TeamControl {
  status(): TeamStatus
  /** The password, if given, is kept in memory for this run only. */
  connect(url: string, password?: string): Promise<TeamStatus>
  sync(): Promise<TeamStatus>
  approve(claimId: string): void
  stop(): void
}

export function teamControl(db: () => Database, options: { live: boolean }): TeamControl {
  let password: string | undefined
  let link: LiveTeamLink | undefined
  let received = 0
  const startLink = () => {
    void link?.stop()
    link = new LiveTeamLink(db, { ...(password !== undefined && { password }), onApplied: (count) => (received += count) })
    link.start()
  }
  const status = () => ({ ...teamStatus(db(), link ? link.connected : null), received })
  if (joinedTeam(db())) {
    // Columns a migration added since the last start travel too.
    installSyncTriggers(db())
    if (options.live) startLink()
  }
  return {
    status,
    async connect(url, given) {
      password = given ?? parseTeamUrl(url).password
      await connectTeam(db(), url, password === undefined ? {} : { password })
      if (options.live) startLink()
      return status()
    },
    async sync() {
      if (link) await link.kick()
      else received += (await syncOnce(db(), password === undefined ? {} : { password })).pulled
      return status()
    },
    approve: (claimId) => approveClaim(db(), claimId),
    stop: () => void link?.stop()
  }
}
