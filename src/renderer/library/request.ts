/** What the Import dialog asks for, as API calls. */
import type { ApiClient, ImportSource } from '../../shared/api'
import type { ArticleDocument, NewVersionResult } from '../../shared/model'
import type { ImportRequest } from './ImportDialog'
import { readFileAsBase64 } from './readFile'

export async function importSource(request: ImportRequest): Promise<ImportSource> {
  switch (request.kind) {
    case 'text':
      return { kind: 'text', text: request.text, format: request.format }
    case 'html':
      return { kind: 'html', html: request.html }
    case 'url':
      return { kind: 'url', url: request.url }
    case 'file':
      return { kind: 'file', fileName: request.file.name, data: await readFileAsBase64(request.file) }
  }
}

/** Imports a new document. */
export async function importDocument(api: ApiClient, request: ImportRequest): Promise<ArticleDocument> {
  const title = 'title' in request ? request.title || undefined : undefined
  return api.importDocument({ source: await importSource(request), title })
}

/** Imports a newer version of a document; says in a sentence what happened to its claims. */
export async function importVersion(
  api: ApiClient,
  documentId: string,
  request: ImportRequest
): Promise<{ result: NewVersionResult; summary: string }> {
  const result = await api.importNewVersion({ documentId, source: await importSource(request) })
  const { exact, moved, approximate, orphaned } = result.placed
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
  const parts = [
    exact + moved > 0 && count(exact + moved, 'claim kept its words', 'claims kept their words'),
    approximate > 0 && count(approximate, 'claim matched edited words', 'claims matched edited words'),
    orphaned > 0 && `${count(orphaned, 'claim was', 'claims were')} not found (listed above the article)`
  ].filter(Boolean)
  const summary = `Version ${result.document.version} imported: ${parts.length ? parts.join(', ') : 'there were no claims to place'}.`
  return { result, summary }
}
