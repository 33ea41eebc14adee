/** What the desk publishes about a document: the editor's conclusion, and where and when the fact-check appears. */
import type { ArticleDocument } from '../../shared/model'
import type { ServiceContext } from './context'
import { getDocument, requireDocument } from './documents'

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
