/**
 * The Factmark service: the contract's operations, implemented once. It does
 * not know which shell (Electron or the browser host) calls it. Each call is
 * one transaction, so a failed call writes nothing.
 */
import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { ApiHandlers } from '../../shared/api'
import { parseFile, parseHtml, parseSource, parseText, parseUrl, type ParsedArticle } from '../import/article'
import { createClaim, listClaims } from './claims'
import type { ServiceContext } from './context'
import { getDocument, insertDocument, listDocuments } from './documents'
import { updateMetadata } from './metadata'
import { importNewVersion, reattachClaim } from './versions'

export interface ServiceOptions {
  /** The analyst's name; the settings may override it. */
  defaultAuthor: string
  now?: () => string
}

export function createService(db: Database, options: ServiceOptions): ApiHandlers {
  const context: ServiceContext = {
    db,
    author: () => options.defaultAuthor,
    now: options.now ?? (() => new Date().toISOString()),
    newId: randomUUID
  }
  const handlers: ApiHandlers = {
    listDocuments: () => listDocuments(context),
    getDocument: ({ documentId }) => getDocument(context, documentId),
    importText: ({ text, format, title }) => insertDocument(context, parseText(text, format, title)),
    importFile: staged(db, ({ fileName, data }) => parseFile(fileName, Buffer.from(data, 'base64')), (article) =>
      insertDocument(context, article)
    ),
    listClaims: ({ documentId }) => listClaims(context, documentId),
    createClaim: (input) => createClaim(context, input),

    // ── import ──
    importHtml: ({ html, title }) => insertDocument(context, parseHtml(html, title)),
    importUrl: staged(db, ({ url }) => parseUrl(url), (article) => insertDocument(context, article)),
    importNewVersion: staged(db, ({ source }) => parseSource(source), (article, { documentId }) =>
      importNewVersion(context, documentId, article)
    ),
    reattachClaim: (input) => reattachClaim(context, input),
    updateMetadata: (input) => updateMetadata(context, input)
  }
  return inTransactions(db, handlers)
}

/** Handlers that run their own transactions, outside `inTransactions`. */
const selfCommitting = new WeakSet<object>()

/**
 * An operation in two steps: read the source (which may have to wait: a
 * fetch, a PDF or .docx reader) outside any transaction, then write it in
 * one transaction. Answers at once when the source could be read at once.
 */
function staged<I, R>(
  db: Database,
  read: (input: I) => ParsedArticle | Promise<ParsedArticle>,
  write: (article: ParsedArticle, input: I) => R
): (input: I) => R | Promise<R> {
  const commit = (article: ParsedArticle, input: I) => db.transaction(() => write(article, input)).immediate()
  const handler = (input: I) => {
    const article = read(input)
    return article instanceof Promise ? article.then((read) => commit(read, input)) : commit(article, input)
  }
  selfCommitting.add(handler)
  return handler
}

/** Wraps every handler in an immediate transaction: one user action, one transaction. */
function inTransactions(db: Database, handlers: ApiHandlers): ApiHandlers {
  const wrapped: Record<string, unknown> = {}
  for (const [name, handler] of Object.entries(handlers)) {
    if (selfCommitting.has(handler)) {
      wrapped[name] = handler
      continue
    }
    const transaction = db.transaction(handler as (input: unknown) => unknown)
    wrapped[name] = (input: unknown) => transaction.immediate(input)
  }
  return wrapped as ApiHandlers
}
