/** Correcting a document's metadata after import: the analyst has the last word. */
import { singleLine } from '../../shared/article'
import { FactmarkError } from '../../shared/errors'
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
    .map((field) => {
      const value = input[field]
      const clean = typeof value === 'string' && field !== 'sourceUrl' ? singleLine(value) : value
      if (field === 'title' && !clean) throw new FactmarkError('invalid_input', 'The title must not be empty.')
      return [COLUMNS[field], clean === null || clean === '' ? null : clean] as const
    })
  if (changes.length) {
    context.db
      .prepare(`UPDATE documents SET ${changes.map(([column]) => `${column} = ?`).join(', ')} WHERE id = ?`)
      .run(...changes.map(([, value]) => value), input.documentId)
  }
  return getDocument(context, input.documentId)
}
