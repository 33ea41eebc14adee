/** A claim's own fields: its verdict (status), claimant and tags. */
import { normaliseTags } from '../../shared/fields'
import type { Claim, Claimant } from '../../shared/model'
import type { Status } from '../../shared/status'
import { getClaim } from './claims'
import type { ServiceContext } from './context'
import { recordHistory } from './history'

export interface ClaimChanges {
  claimId: string
  status?: Status
  /** Already trimmed by the contract; empty or null clears it. */
  claimant?: string | null
  tags?: string[]
  /** Already trimmed; empty clears it. */
  rationale?: string
}

/** Applies the fields that differ, one history row per changed field. An unchanged claim is left alone. */
export function updateClaim(context: ServiceContext, changes: ClaimChanges): Claim {
  const { db } = context
  const claim = getClaim(context, changes.claimId)
  let changed = false

  if (changes.status !== undefined && changes.status !== claim.status) {
    db.prepare('UPDATE claims SET status = ? WHERE id = ?').run(changes.status, claim.id)
    recordHistory(context, claim, 'status_changed', { from: claim.status, to: changes.status })
    changed = true
  }

  if (changes.claimant !== undefined) {
    const claimant = changes.claimant || null
    if (claimant !== claim.claimant) {
      if (claimant) registerClaimant(context, { name: claimant })
      db.prepare('UPDATE claims SET claimant = ? WHERE id = ?').run(claimant, claim.id)
      recordHistory(context, claim, 'claimant_changed', { from: claim.claimant, to: claimant })
      changed = true
    }
  }

  if (changes.tags !== undefined) {
    const tags = spelledAsBefore(context, normaliseTags(changes.tags))
    const added = tags.filter((tag) => !claim.tags.includes(tag))
    const removed = claim.tags.filter((tag) => !tags.includes(tag))
    if (added.length || removed.length) {
      db.prepare('DELETE FROM claim_tags WHERE claim_id = ?').run(claim.id)
      const insert = db.prepare('INSERT INTO claim_tags (claim_id, tag) VALUES (?, ?)')
      for (const tag of tags) insert.run(claim.id, tag)
      recordHistory(context, claim, 'tags_changed', { from: claim.tags, to: [...tags].sort(), added, removed })
      changed = true
    }
  }

  if (changes.rationale !== undefined && changes.rationale !== claim.rationale) {
    db.prepare('UPDATE claims SET rationale = ? WHERE id = ?').run(changes.rationale, claim.id)
    recordHistory(context, claim, 'rationale_changed', { from: claim.rationale, to: changes.rationale })
    changed = true
  }

  if (changed) db.prepare('UPDATE claims SET updated_at = ? WHERE id = ?').run(context.now(), claim.id)
  return getClaim(context, claim.id)
}

/** Every tag in use, most used first, for autocomplete. */
export function listTags({ db }: ServiceContext): { tag: string; count: number }[] {
  return db.prepare('SELECT tag, count(*) AS count FROM claim_tags GROUP BY tag ORDER BY count DESC, tag').all() as {
    tag: string
    count: number
  }[]
}

/**
 * Tags are one tag whatever their case: each takes the spelling the library
 * already uses for it ("jobs" becomes "Jobs" when "Jobs" came first), and a
 * claim carries each tag once.
 */
function spelledAsBefore({ db }: ServiceContext, tags: readonly string[]): string[] {
  const known = new Map<string, string>()
  for (const tag of db.prepare('SELECT DISTINCT tag FROM claim_tags').pluck().all() as string[]) known.set(fold(tag), tag)
  const result = new Map<string, string>()
  for (const tag of tags) if (!result.has(fold(tag))) result.set(fold(tag), known.get(fold(tag)) ?? tag)
  return [...result.values()]
}

const fold = (tag: string) => tag.toLocaleLowerCase('und')

/** The claimants on record, by name, for autocomplete. */
export function listClaimants({ db }: ServiceContext): Claimant[] {
  return db.prepare('SELECT name, role FROM claimants ORDER BY name').all() as Claimant[]
}

/** Adds a claimant to the registry, or changes their role; the name's first spelling stays. */
export function registerClaimant(context: ServiceContext, claimant: { name: string; role?: string | null }): Claimant {
  const { db } = context
  db.prepare('INSERT INTO claimants (name, role, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING').run(
    claimant.name,
    claimant.role ?? null,
    context.now()
  )
  if (claimant.role !== undefined) db.prepare('UPDATE claimants SET role = ? WHERE name = ?').run(claimant.role || null, claimant.name)
  return db.prepare('SELECT name, role FROM claimants WHERE name = ?').get(claimant.name) as Claimant
}
