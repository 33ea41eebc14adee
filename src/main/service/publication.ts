/** What the desk publishes about a document: the editor's conclusion, and where and when the fact-check appears. */
import type { ApiHandlers, OperationResult } from '../../shared/api'
import type { ArticleDocument } from '../../shared/model'
import type { ServiceContext } from './context'
import { getDocument, requireDocument } from './documents'
import { getRatingScale, setOrganisation, setRating, setReportSettings, type MachineDefaults } from './settings'

export interface PublicationChanges {
  documentId: string
  /** Trimmed by the contract; empty clears it. */
  conclusion?: string
  /** An http(s) address (checked by the contract); null clears it. */
  publicationUrl?: string | null
  publicationDate?: string | null
}

const COLUMNS = { conclusion: 'conclusion', publicationUrl: 'publication_url', publicationDate: 'publication_date' } as const

export function updatePublication(context: ServiceContext, input: PublicationChanges): ArticleDocument {
  requireDocument(context, input.documentId)
  const changes = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).filter((field) => input[field] !== undefined)
  if (changes.length) {
    context.db
      .prepare(`UPDATE documents SET ${changes.map((field) => `${COLUMNS[field]} = ?`).join(', ')} WHERE id = ?`)
      .run(...changes.map((field) => input[field]), input.documentId)
  }
  return getDocument(context, input.documentId)
}

/**
 * Everything the Publishing dialog edits, saved by one operation and so in
 * one transaction: the document's fields first, then the organisation (whose
 * logo is checked here), the rating scale and the paper. A refusal anywhere
 * undoes the parts already written.
 */
export function savePublishing(
  context: ServiceContext,
  machine: MachineDefaults,
  input: Parameters<ApiHandlers['savePublishing']>[0]
): OperationResult<'savePublishing'> {
  const { documentId, conclusion, publicationUrl, publicationDate, organisation, ratings, paperSize } = input
  const document = updatePublication(context, { documentId, conclusion, publicationUrl, publicationDate })
  setOrganisation(context.db, machine, { organisation })
  for (const rating of ratings) setRating(context.db, rating)
  const settings = setReportSettings(context.db, machine, { paperSize })
  return { document, settings, scale: getRatingScale(context.db) }
}
