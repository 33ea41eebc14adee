/**
 * Gathers a report's data from the library: the document, its claims, and
 * their notes and sources, read straight from their tables.
 */
import type { Note, Source, Stance } from '../../shared/model'
import type { ReportData } from '../../shared/report/data'
import type { Status } from '../../shared/status'
import { listClaims } from '../service/claims'
import type { ServiceContext } from '../service/context'
import { getDocument } from '../service/documents'

interface NoteRow {
  id: string
  claim_id: string
  author: string
  body: string
  created_at: string
  updated_at: string
}

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

export function loadReportData(context: ServiceContext, documentId: string, includeStatuses?: Status[]): ReportData {
  const document = getDocument(context, documentId)
  const claims = listClaims(context, documentId)
  const notes = context.db
    .prepare(
      `SELECT n.* FROM notes n JOIN claims c ON c.id = n.claim_id WHERE c.document_id = ? ORDER BY n.created_at, n.id`
    )
    .all(documentId) as NoteRow[]
  const sources = context.db
    .prepare(
      `SELECT s.* FROM sources s JOIN claims c ON c.id = s.claim_id WHERE c.document_id = ? ORDER BY s.created_at, s.id`
    )
    .all(documentId) as SourceRow[]
  return {
    document,
    claims,
    notes: notes.map(
      (row): Note => ({
        id: row.id,
        claimId: row.claim_id,
        author: row.author,
        body: row.body,
        createdAt: row.created_at,
        updatedAt: row.updated_at
      })
    ),
    sources: sources.map(
      (row): Source => ({
        id: row.id,
        claimId: row.claim_id,
        url: row.url,
        title: row.title,
        excerpt: row.excerpt,
        stance: row.stance,
        accessedAt: row.accessed_at,
        createdAt: row.created_at
      })
    ),
    analyst: context.author(),
    generatedAt: context.now(),
    ...(includeStatuses && { includeStatuses })
  }
}
