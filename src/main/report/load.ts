/**
 * Gathers a report's data from the library: the document, its claims, and
 * their notes and sources.
 */
import type { ReportData } from '../../shared/report/data'
import type { Status } from '../../shared/status'
import { listClaims } from '../service/claims'
import type { ServiceContext } from '../service/context'
import { getDocument } from '../service/documents'
import { listDocumentNotes } from '../service/notes'
import { listDocumentSources } from '../service/sources'

export function loadReportData(context: ServiceContext, documentId: string, includeStatuses?: Status[]): ReportData {
  return {
    document: getDocument(context, documentId),
    claims: listClaims(context, documentId),
    notes: listDocumentNotes(context, documentId),
    sources: listDocumentSources(context, documentId),
    analyst: context.author(),
    generatedAt: context.now(),
    ...(includeStatuses && { includeStatuses })
  }
}
