/** Documents: the library, one article, importing. */
import { capDepth, singleLine, type Block } from '../../shared/article'
import { FactmarkError } from '../../shared/errors'
import type { ArticleDocument, DocumentSummary } from '../../shared/model'
import type { Status } from '../../shared/status'
import type { ParsedArticle } from '../import/article'
import type { ServiceContext } from './context'

interface DocumentRow {
  id: string
  title: string
  source_url: string | null
  publisher: string | null
  author: string | null
  published_at: string | null
  language: string | null
  imported_at: string
  text: string
  content: string
  version: number
  conclusion: string
  publication_url: string | null
  publication_date: string | null
  origin: string
}

export function listDocuments({ db }: ServiceContext): DocumentSummary[] {
  const rows = db
    .prepare('SELECT id, title, publisher, imported_at FROM documents ORDER BY imported_at DESC, rowid DESC')
    .all() as Pick<DocumentRow, 'id' | 'title' | 'publisher' | 'imported_at'>[]
  const counts = db
    .prepare('SELECT document_id, status, count(*) AS n FROM claims GROUP BY document_id, status')
    .all() as { document_id: string; status: Status; n: number }[]
  const byDocument = new Map<string, Partial<Record<Status, number>>>()
  for (const { document_id, status, n } of counts) {
    const entry = byDocument.get(document_id) ?? {}
    entry[status] = n
    byDocument.set(document_id, entry)
  }
  return rows.map((row) => {
    const statusCounts = byDocument.get(row.id) ?? {}
    return {
      id: row.id,
      title: row.title,
      publisher: row.publisher,
      importedAt: row.imported_at,
      claimCount: Object.values(statusCounts).reduce((sum, n) => sum + n, 0),
      statusCounts
    }
  })
}

export function getDocument({ db }: ServiceContext, documentId: string): ArticleDocument {
  const row = db.prepare('SELECT * FROM documents WHERE id = ?').get(documentId) as DocumentRow | undefined
  if (!row) throw new FactmarkError('not_found', `There is no document with id ${documentId}.`)
  return {
    id: row.id,
    title: row.title,
    sourceUrl: row.source_url,
    publisher: row.publisher,
    author: row.author,
    publishedAt: row.published_at,
    language: row.language,
    importedAt: row.imported_at,
    text: row.text,
    // Capped on the way out too: a library written before the cap may hold deeper content.
    content: capDepth(JSON.parse(row.content) as Block[]),
    version: row.version,
    conclusion: row.conclusion,
    publicationUrl: row.publication_url,
    publicationDate: row.publication_date
  }
}

/** Fails with not_found unless the document exists. */
/** The other documents with exactly this document's text, oldest first. */
export function findSameText(context: ServiceContext, documentId: string): Pick<DocumentSummary, 'id' | 'title' | 'importedAt'>[] {
  const { text } = requireDocument(context, documentId)
  return context.db
    .prepare('SELECT id, title, imported_at AS importedAt FROM documents WHERE id <> ? AND text = ? ORDER BY imported_at, rowid')
    .all(documentId, text) as Pick<DocumentSummary, 'id' | 'title' | 'importedAt'>[]
}

export function requireDocument({ db }: ServiceContext, documentId: string): { text: string } {
  const row = db.prepare('SELECT text FROM documents WHERE id = ?').get(documentId) as { text: string } | undefined
  if (!row) throw new FactmarkError('not_found', `There is no document with id ${documentId}.`)
  return row
}

export function insertDocument(context: ServiceContext, article: ParsedArticle): ArticleDocument {
  const id = context.newId()
  const { metadata } = article
  context.db
    .prepare(
      `INSERT INTO documents (id, title, source_url, publisher, author, published_at, language, imported_at, text, content, origin)
       VALUES (@id, @title, @sourceUrl, @publisher, @author, @publishedAt, @language, @importedAt, @text, @content, @origin)`
    )
    .run({
      id,
      // Imported metadata is untrusted: one clean line each, or nothing.
      title: singleLine(article.title) || 'Untitled article',
      sourceUrl: metadata.sourceUrl ?? null,
      publisher: (metadata.publisher && singleLine(metadata.publisher)) || null,
      author: (metadata.author && singleLine(metadata.author)) || null,
      publishedAt: metadata.publishedAt ?? null,
      language: metadata.language ?? null,
      importedAt: context.now(),
      text: article.text,
      content: JSON.stringify(article.content),
      origin: article.origin
    })
  return getDocument(context, id)
}
