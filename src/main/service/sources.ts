/** Evidence sources on a claim: URL, title, excerpt, stance, date accessed. */
import { FactmarkError } from '../../shared/errors'
import type { Source, Stance } from '../../shared/model'
import { getClaim } from './claims'
import type { ServiceContext } from './context'
import { recordHistory } from './history'

interface SourceRow {
  id: string
  claim_id: string
  url: string
  title: string | null
  excerpt: string | null
  stance: Stance
  accessed_at: string | null
  created_at: string
}

const toSource = (row: SourceRow): Source => ({
  id: row.id,
  claimId: row.claim_id,
  url: row.url,
  title: row.title,
  excerpt: row.excerpt,
  stance: row.stance,
  accessedAt: row.accessed_at,
  createdAt: row.created_at
})

/** Every source on a document's claims, oldest first: what a report needs. */
export function listDocumentSources({ db }: ServiceContext, documentId: string): Source[] {
  const rows = db
    .prepare('SELECT s.* FROM sources s JOIN claims c ON c.id = s.claim_id WHERE c.document_id = ? ORDER BY s.created_at, s.id')
    .all(documentId) as SourceRow[]
  return rows.map(toSource)
}

export function listSources({ db }: ServiceContext, claimId: string): Source[] {
  const rows = db.prepare('SELECT * FROM sources WHERE claim_id = ? ORDER BY created_at, rowid').all(claimId) as SourceRow[]
  return rows.map(toSource)
}

function getSource({ db }: ServiceContext, sourceId: string): Source {
  const row = db.prepare('SELECT * FROM sources WHERE id = ?').get(sourceId) as SourceRow | undefined
  if (!row) throw new FactmarkError('not_found', `There is no source with id ${sourceId}.`)
  return toSource(row)
}

export interface NewSource {
  claimId: string
  url: string
  title?: string | null
  excerpt?: string | null
  stance: Stance
  accessedAt?: string | null
}

export function addSource(context: ServiceContext, input: NewSource): Source {
  const claim = getClaim(context, input.claimId)
  // The url arrives checked by fields.sourceUrl (the one validation path).
  const url = input.url
  const id = context.newId()
  const source = { title: input.title || null, excerpt: input.excerpt || null, accessedAt: input.accessedAt ?? null }
  context.db
    .prepare(
      `INSERT INTO sources (id, claim_id, url, title, excerpt, stance, accessed_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(id, claim.id, url, source.title, source.excerpt, input.stance, source.accessedAt, context.now())
  recordHistory(context, claim, 'source_added', { sourceId: id, url, title: source.title, stance: input.stance })
  return getSource(context, id)
}

/** The removed source's fields stay in the history. */
export function removeSource(context: ServiceContext, sourceId: string): { sourceId: string } {
  const source = getSource(context, sourceId)
  const claim = getClaim(context, source.claimId)
  context.db.prepare('DELETE FROM sources WHERE id = ?').run(source.id)
  const { claimId: _claimId, id: _id, ...kept } = source
  recordHistory(context, claim, 'source_removed', { sourceId, ...kept })
  return { sourceId }
}
