/** Correcting a document's metadata after import: the analyst has the last word. */
import type { DocumentMetadata, ArticleDocument } from '../../shared/model'
import type { ServiceContext } from './context'
import { getDocument, requireDocument } from './documents'

const COLUMNS: Record<keyof DocumentMetadata, string> = {
  title: 'title',
  sourceUrl: 'source_url',
  publisher: 'publisher',
  author: 'author',
  publishedAt: 'published_at',
  language: 'language'
}

/** Sets the fields given; a field left out stays, null (or blank text) clears it. */
export function updateMetadata(
  context: ServiceContext,
  input: { documentId: string } & { [K in keyof DocumentMetadata]?: DocumentMetadata[K] | null }
): ArticleDocument {
  requireDocument(context, input.documentId)
  const changes = (Object.keys(COLUMNS) as (keyof DocumentMetadata)[])
    .filter((field) => input[field] !== undefined)
    .map((field) => [COLUMNS[field], input[field] === null || input[field] === '' ? null : input[field]] as const)
  if (changes.length) {
    context.db
      .prepare(`UPDATE documents SET ${changes.map(([column]) => `${column} = ?`).join(', ')} WHERE id = ?`)
      .run(...changes.map(([, value]) => value), input.documentId)
  }
  return getDocument(context, input.documentId)
}
