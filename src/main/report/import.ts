/**
 * Importing Factmark's own W3C Web Annotation JSON-LD into this library: a
 * new document with the file's text and metadata, and each claim placed
 * through the same re-anchoring as everywhere else (placeQuote), with its
 * verdict, claimant, tags, notes and sources. Ids are new (the file may come
 * from a colleague's library, and may be imported twice); the times the file
 * records are kept; every claim gets history rows saying it came from the file.
 * The file is read first (`src/main/import/readers.ts`); this writes it,
 * inside the caller's transaction: a bad file writes nothing.
 */
import { placeQuote } from '../../shared/anchor'
import type { Block } from '../../shared/article'
import type { ArticleDocument } from '../../shared/model'
import type { AnnotationFile } from '../../shared/report/readAnnotations'
import { quoteSelector } from '../../shared/selector'
import { safeLinkTarget } from '../import/links'
import type { ServiceContext } from '../service/context'
import { getDocument } from '../service/documents'
import { originOfFormat } from './load'

export function importAnnotations(context: ServiceContext, fileName: string, annotations: AnnotationFile): ArticleDocument {
  const { document, claims } = annotations
  const { db } = context
  const now = context.now()
  const author = context.author()
  const documentId = context.newId()
  db.prepare(
    `INSERT INTO documents (id, title, source_url, publisher, author, published_at, language, imported_at, text, content, origin,
                            conclusion, publication_url, publication_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    documentId,
    document.title.trim(),
    document.sourceUrl,
    document.publisher,
    document.author,
    document.publishedAt,
    document.language,
    now,
    document.text,
    JSON.stringify(safeLinks(document.content)),
    // The article's own format when the file says it (so a re-export says it too); else that it came from JSON-LD.
    originOfFormat(claims[0]?.format) ?? 'jsonld',
    document.conclusion,
    document.publicationUrl,
    document.publicationDate
  )

  const insertClaim = db.prepare(
    `INSERT INTO claims (id, document_id, exact, prefix, suffix, start_offset, end_offset, status, claimant, orphaned, rationale, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insertTag = db.prepare('INSERT OR IGNORE INTO claim_tags (claim_id, tag) VALUES (?, ?)')
  const insertNote = db.prepare('INSERT INTO notes (id, claim_id, author, body, public, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const insertSource = db.prepare(
    'INSERT INTO sources (id, claim_id, url, title, excerpt, stance, accessed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
  )
  // The history table's own columns (history.ts), prepared once: an import may bring many thousands of claims.
  const insertHistory = db.prepare(
    'INSERT INTO claim_history (claim_id, document_id, at, author, action, detail) VALUES (?, ?, ?, ?, ?, ?)'
  )
  const history = (claimId: string, action: string, detail: Record<string, unknown>): void => {
    insertHistory.run(claimId, documentId, now, author, action, JSON.stringify(detail))
  }
  const from = fileName

  for (const claim of claims) {
    const id = context.newId()
    const anchoring = placeQuote(document.text, claim.quote, claim.position ?? undefined)
    const orphaned = anchoring.kind === 'orphan'
    const span = orphaned ? orphanSpan(claim.position, claim.quote.exact.length) : anchoring
    const quote = orphaned ? claim.quote : quoteSelector(document.text, span)
    insertClaim.run(
      id,
      documentId,
      quote.exact,
      quote.prefix,
      quote.suffix,
      span.start,
      span.end,
      claim.status,
      claim.claimant,
      orphaned ? 1 : 0,
      claim.rationale,
      claim.createdBy ?? author,
      claim.createdAt ?? now,
      claim.updatedAt ?? claim.createdAt ?? now
    )
    history(id, 'created', { start: span.start, end: span.end, exact: quote.exact, importedFrom: from })
    if (orphaned) history(id, 'orphaned', { importedFrom: from })
    if (claim.status !== 'unverified') history(id, 'status_changed', { from: 'unverified', to: claim.status, importedFrom: from })
    if (claim.rationale) history(id, 'rationale_changed', { from: '', to: claim.rationale, importedFrom: from })
    if (claim.claimant) history(id, 'claimant_changed', { from: null, to: claim.claimant, importedFrom: from })
    if (claim.tags.length) {
      for (const tag of claim.tags) insertTag.run(id, tag)
      history(id, 'tags_changed', { from: [], to: claim.tags, importedFrom: from })
    }
    for (const note of claim.notes) {
      const noteId = context.newId()
      const created = note.createdAt ?? now
      insertNote.run(noteId, id, note.author, note.body, note.public ? 1 : 0, created, note.updatedAt ?? created)
      history(id, 'note_added', { noteId, importedFrom: from })
    }
    for (const source of claim.sources) {
      const sourceId = context.newId()
      insertSource.run(sourceId, id, source.url, source.title, source.excerpt, source.stance, source.accessedAt, source.createdAt ?? now)
      history(id, 'source_added', { sourceId, url: source.url, stance: source.stance, importedFrom: from })
    }
  }
  return getDocument(context, documentId)
}

/** An orphan keeps the position the file gave it, or a span of its quote's length at the start. */
function orphanSpan(hint: { start: number; end: number } | null, length: number): { start: number; end: number } {
  return hint ?? { start: 0, end: Math.max(1, length) }
}

/** Links in an imported article keep only http(s) and mailto targets, as every import does. */
function safeLinks(blocks: Block[]): Block[] {
  return blocks.map((block): Block => {
    switch (block.type) {
      case 'blockquote':
        return { ...block, content: safeLinks(block.content) }
      case 'list':
        return { ...block, items: block.items.map(safeLinks) }
      default:
        return {
          ...block,
          content: block.content.map((inline) => {
            const href = inline.href === undefined ? null : safeLinkTarget(inline.href)
            return href ? { text: inline.text, href } : { text: inline.text }
          })
        }
    }
  })
}
