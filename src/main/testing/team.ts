/**
 * Test helpers for the team library: a team database on a throwaway cluster,
 * analysts' libraries joined to it, and what "the same library" means (their
 * JSON-LD exports, apart from the export's own time and exporter).
 */
import { afterAll } from 'vitest'
import { openLibrary, type Library } from '../library/library'
import { grantTeamRole, initTeam, parseTeamUrl } from '../team/server'
import { connectTeam, syncOnce } from '../team/sync'
import { apiOn } from './calls'
import type { Cluster } from './postgres'
import { tempDir } from './temp'

/** Roles every team test may use: analysts alice and bob, editor carol, and mallory, who is in no team. */
export const people = { alice: 'analyst', bob: 'analyst', carol: 'editor', mallory: undefined } as const

export async function createPeople(cluster: Cluster): Promise<void> {
  for (const role of Object.keys(people)) await cluster.createRole(role, `${role}-secret`)
}

/** A fresh team database with everyone in `people` granted their part. */
export async function teamDatabase(cluster: Cluster): Promise<string> {
  const database = await cluster.createDatabase()
  const owner = parseTeamUrl(cluster.url(database))
  await initTeam(owner)
  for (const [role, as] of Object.entries(people)) if (as) await grantTeamRole(owner, role, as)
  return database
}

export interface Desk {
  library: Library
  role: string
  password: string
  call: ReturnType<typeof apiOn>['okAsync']
  sync(): Promise<{ pushed: number; pulled: number }>
}

const opened: Library[] = []
afterAll(() => opened.splice(0).forEach((library) => library.close()))

/** A new library on its own data directory, joined to the team as `role`. */
export async function teamDesk(cluster: Cluster, database: string, role: string, options: { join?: boolean } = {}): Promise<Desk> {
  const library = openLibrary(tempDir())
  opened.push(library)
  const password = `${role}-secret`
  if (options.join ?? true) await connectTeam(library.db, cluster.url(database, role), { password })
  return { library, role, password, call: apiOn(library).okAsync, sync: () => syncOnce(library.db, { password }) }
}

/** The JSON-LD export of every document, by document id, without the export's time and exporter. */
export async function exportsOf(library: Library): Promise<string[]> {
  const { okAsync: ok } = apiOn(library)
  const documents = await ok('listDocuments', {})
  const out: string[] = []
  for (const { id } of [...documents].sort((a, b) => a.id.localeCompare(b.id))) {
    const file = await ok('exportReport', { documentId: id, format: 'jsonld' })
    const json = JSON.parse(file.data) as Record<string, unknown>
    delete json.generated
    delete json.creator
    out.push(JSON.stringify(json))
  }
  return out
}
