/** A claim's own fields: its verdict (status), claimant and tags. */
import { normaliseTags } from '../../shared/fields'
import type { Claim } from '../../shared/model'
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
      db.prepare('UPDATE claims SET claimant = ? WHERE id = ?').run(claimant, claim.id)
      recordHistory(context, claim, 'claimant_changed', { from: claim.claimant, to: claimant })
      changed = true
    }
  }

  if (changes.tags !== undefined) {
    const tags = normaliseTags(changes.tags)
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
