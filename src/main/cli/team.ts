/**
 * `factmark team …`: the team library from a terminal, for admins and scripts.
 *
 *   team init URL                      create or upgrade the team schema (the database's owner)
 *   team grant ROLE analyst|editor     [--url URL] make a PostgreSQL role an analyst or an editor
 *   team connect URL                   join this library to the team library
 *   team sync                          push and pull once; exit 0 when both are done
 *   team status                        the link's state (--json for JSON)
 *
 * Passwords come from the URL (that run only), PGPASSWORD or ~/.pgpass.
 */
import type { Database } from 'better-sqlite3'
import { FactmarkError } from '../../shared/errors'
import type { TeamStatus } from '../../shared/model'
import { grantTeamRole, initTeam, parseTeamUrl, teamRoles, type TeamRole } from '../team/server'
import { connectTeam, joinedTeam, syncOnce, teamStatus } from '../team/sync'

export const TEAM_USAGE = `  team init URL                  Create or upgrade the team library in a PostgreSQL (15+) database;
                                 run as its owner. Running it again changes nothing.
  team grant ROLE analyst|editor [--url URL]
                                 Let a PostgreSQL role sync as an analyst, or also approve verdicts
                                 as an editor (URL: the team library, as its owner; default: this
                                 library's team library).
  team connect URL               Join this library to a team library (postgres://role@host:port/db).
  team sync                      Push this library's changes and pull the team's, once.
  team status                    The team library, role, changes waiting, last sync, conflicts.
                                 Passwords: in the URL (used once, never stored), PGPASSWORD or ~/.pgpass.
`

/** Checks a team command line; returns a message for a usage error. */
export function teamUsageError(rest: string[]): string | undefined {
  const [action, a, b, extra] = rest
  switch (action) {
    case 'init':
    case 'connect':
      return a && b === undefined ? undefined : `team ${action} takes one URL`
    case 'grant':
      if (!a || !b || extra !== undefined) return 'team grant takes ROLE analyst|editor'
      return (teamRoles as readonly string[]).includes(b) ? undefined : `team grant: "${b}" is not analyst or editor`
    case 'sync':
    case 'status':
      return a === undefined ? undefined : `team ${action} takes no arguments`
    default:
      return action ? `unknown team command "${action}"` : 'team needs a command: init, grant, connect, sync or status'
  }
}

/** Commands that work on the server alone, without opening a library. */
export function needsLibrary(rest: string[], url: string | undefined): boolean {
  return !(rest[0] === 'init' || (rest[0] === 'grant' && url))
}

export async function runTeam(
  rest: string[],
  options: { url?: string; json?: boolean },
  db: Database | undefined,
  out: (text: string) => void
): Promise<void> {
  const [action, a, b] = rest
  switch (action) {
    case 'init': {
      const { version, created } = await initTeam(parseTeamUrl(a!))
      out(`${created ? 'created' : 'up to date'}\tteam schema ${version}\n`)
      return
    }
    case 'grant': {
      const address = options.url ? parseTeamUrl(options.url) : db && joinedTeam(db)
      if (!address) throw new FactmarkError('not_found', 'team grant needs --url URL: this library has not joined a team library.')
      await grantTeamRole(address, a!, b as TeamRole)
      out(`${a}\t${b}\n`)
      return
    }
    case 'connect': {
      const status = await connectTeam(db!, a!)
      out(`connected\t${status.url}\t${status.role}\t${status.editor ? 'editor' : 'analyst'}\n`)
      return
    }
    case 'sync': {
      const { pushed, pulled } = await syncOnce(db!)
      out(`pushed\t${pushed}\tpulled\t${pulled}\n`)
      return
    }
    default: {
      const status = teamStatus(db!)
      out(options.json ? JSON.stringify(status, null, 2) + '\n' : statusLines(status))
    }
  }
}

function statusLines(status: TeamStatus): string {
  if (!status.joined) return 'team\tnone\n'
  const lines = [
    ['team', status.url],
    ['role', `${status.role} (${status.editor ? 'editor' : 'analyst'})`],
    ['waiting', status.waiting],
    ['last sync', status.lastSync ?? 'never'],
    ['conflicts', status.conflicts],
    ['duplicates', status.duplicates],
    ['unapproved', status.unapproved],
    ...(status.lastError ? [['last error', status.lastError]] : [])
  ]
  return lines.map(([k, v]) => `${k}\t${v}\n`).join('')
}
