/**
 * Gathers a report's data from the library: the document, its claims, their
 * notes and sources, and the profile (analyst, organisation) and rating scale
 * that sign and explain it.
 */
import type { ReportData } from '../../shared/report/data'
import type { Status } from '../../shared/status'
import { listClaims } from '../service/claims'
import type { ServiceContext } from '../service/context'
import { getDocument } from '../service/documents'
import { listDocumentNotes } from '../service/notes'
import { getOrganisation, getRatingScale } from '../service/settings'
import { listDocumentSources } from '../service/sources'

/** The media type each way of importing an article brings it in: the W3C target's `format`. */
const originFormats: Record<string, string> = {
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
  url: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
}

/** The origin a W3C target's `format` says a document came in, for a document re-imported from JSON-LD. */
export function originOfFormat(format: string | null | undefined): string | null {
  return Object.entries(originFormats).find(([, type]) => type === format)?.[0] ?? null
}

export interface ReportRequest {
  documentId: string
  statuses?: Status[]
  internal?: boolean
}

export function loadReportData(context: ServiceContext, { documentId, statuses, internal }: ReportRequest): ReportData {
  const origin = context.db.prepare('SELECT origin FROM documents WHERE id = ?').pluck().get(documentId) as string | undefined
  return {
    document: getDocument(context, documentId),
    claims: listClaims(context, documentId),
    notes: listDocumentNotes(context, documentId),
    sources: listDocumentSources(context, documentId),
    analyst: context.author(),
    organisation: getOrganisation(context.db),
    scale: getRatingScale(context.db),
    internal: internal ?? false,
    documentFormat: origin ? (originFormats[origin] ?? null) : null,
    generatedAt: context.now(),
    signOff: context.db.prepare('SELECT url IS NOT NULL FROM sync_state').pluck().get() === 1,
    ...(statuses && { includeStatuses: statuses })
  }
}
