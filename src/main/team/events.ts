/**
 * Team events: what travels between a library and its team library. An event
 * is one change to one row (documents, claims, claim_tags, notes, sources):
 * the row after it (`data`) and, for an update, before it (`old`); the fields
 * that differ are the change. Events are immutable and carry a global id, the
 * server-stamped author and a hybrid logical clock (`hlc`).
 *
 * Others' events are untrusted input: each is checked against the same field
 * schemas every other writer uses (src/shared/fields.ts) before it is stored.
 */
import { z } from 'zod'
import { fields } from '../../shared/fields'

export const entities = ['documents', 'claims', 'claim_tags', 'notes', 'sources'] as const
export type Entity = (typeof entities)[number]

export interface TeamEvent {
  id: string
  hlc: number
  author: string
  entity: Entity
  key: string
  parent: string | null
  op: 'upsert' | 'delete'
  data: Record<string, unknown> | null
  old: Record<string, unknown> | null
}

/** Where a row's parent lives: a claim needs its document, a note its claim. */
export const parentOf: Record<Entity, { entity: Entity; field: string } | null> = {
  documents: null,
  claims: { entity: 'documents', field: 'document_id' },
  claim_tags: { entity: 'claims', field: 'claim_id' },
  notes: { entity: 'claims', field: 'claim_id' },
  sources: { entity: 'claims', field: 'claim_id' }
}

/** A row's key as the local triggers write it: the id, or [claim, tag] for a tag. */
export function rowKey(entity: Entity, row: Record<string, unknown>): string {
  return entity === 'claim_tags' ? JSON.stringify([row.claim_id, row.tag]) : String(row.id)
}

const id = z.string().min(1).max(100)
const nullable = <S extends z.ZodType>(schema: S) => schema.nullable().optional()

/**
 * The rows as they may arrive, field by field through the shared field schemas
 * (src/shared/fields.ts): the one validation path the API and the JSON-LD import
 * use. Unknown fields pass (a newer Factmark's columns) and are ignored when applied.
 */
const rowSchemas: Record<Entity, z.ZodType> = {
  documents: z.looseObject({
    id,
    title: fields.title.optional(),
    source_url: nullable(fields.documentAddress),
    publisher: nullable(fields.publisher),
    author: nullable(fields.author),
    published_at: nullable(fields.publishedAt),
    language: nullable(fields.language),
    imported_at: fields.timestamp.optional(),
    text: z.string().min(1).optional(),
    content: z.string().min(2).optional(),
    version: z.number().int().positive().optional(),
    conclusion: fields.conclusion.optional(),
    publication_url: nullable(fields.publicationUrl),
    publication_date: nullable(fields.publicationDate)
  }),
  claims: z.looseObject({
    id,
    document_id: id.optional(),
    exact: z.string().min(1).optional(),
    start_offset: z.number().int().nonnegative().optional(),
    end_offset: z.number().int().positive().optional(),
    status: fields.status.optional(),
    claimant: nullable(fields.claimant),
    orphaned: z.union([z.literal(0), z.literal(1)]).optional(),
    created_at: fields.timestamp.optional(),
    updated_at: fields.timestamp.optional(),
    approved_status: nullable(fields.status),
    approved_by: nullable(fields.person),
    approved_at: nullable(fields.timestamp),
    rationale: fields.rationale.optional(),
    created_by: nullable(fields.person)
  }),
  claim_tags: z.looseObject({ claim_id: id, tag: fields.tag }),
  notes: z.looseObject({
    id,
    claim_id: id.optional(),
    body: fields.note.optional(),
    author: fields.person.optional(),
    public: z.union([z.literal(0), z.literal(1)]).optional(),
    created_at: fields.timestamp.optional(),
    updated_at: fields.timestamp.optional()
  }),
  sources: z.looseObject({
    id,
    claim_id: id.optional(),
    url: fields.sourceUrl.optional(),
    stance: fields.stance.optional(),
    title: nullable(fields.sourceTitle),
    excerpt: nullable(fields.excerpt),
    accessed_at: nullable(fields.accessedAt),
    created_at: fields.timestamp.optional()
  })
}

const eventSchema = z.object({
  id: z.string().uuid(),
  hlc: z.number().int().nonnegative(),
  author: z.string().min(1).max(200),
  entity: z.enum(entities),
  key: z.string().min(1).max(1_000),
  parent: z.string().max(200).nullable(),
  op: z.enum(['upsert', 'delete']),
  data: z.record(z.string(), z.unknown()).nullable(),
  old: z.record(z.string(), z.unknown()).nullable()
})

/** The event, checked; or the reason it is refused. */
export function checkEvent(input: unknown): { ok: true; event: TeamEvent } | { ok: false; reason: string } {
  const parsed = eventSchema.safeParse(input)
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? 'malformed event' }
  const event = parsed.data as TeamEvent
  if (event.op === 'upsert') {
    if (!event.data) return { ok: false, reason: 'an upsert without its row' }
    const row = rowSchemas[event.entity].safeParse(event.data)
    if (!row.success) {
      const issue = row.error.issues[0]
      return { ok: false, reason: `${event.entity}.${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}` }
    }
    if (rowKey(event.entity, event.data) !== event.key) return { ok: false, reason: 'the row does not match its key' }
  }
  return { ok: true, event }
}
