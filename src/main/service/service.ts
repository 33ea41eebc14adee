/**
 * The Factmark service: the contract's operations, implemented once. It does
 * not know which shell (Electron or the browser host) calls it. Each call is
 * one transaction, so a failed call writes nothing.
 */
import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { ApiHandlers } from '../../shared/api'
import { FactmarkError } from '../../shared/errors'
import { parseFile, parseText } from '../import/article'
import type { BackupControl } from '../store/backup'
import { createClaim, listClaims } from './claims'
import type { ServiceContext } from './context'
import { getDocument, insertDocument, listDocuments } from './documents'

export interface ServiceOptions {
  /** The analyst's name; the settings may override it. */
  defaultAuthor: string
  now?: () => string
  /** The library's backups; without them (as in most tests) there are none to list or restore. */
  backups?: BackupControl
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
    importFile: ({ fileName, data }) => insertDocument(context, parseFile(fileName, Buffer.from(data, 'base64'))),
    listClaims: ({ documentId }) => listClaims(context, documentId),
    createClaim: (input) => createClaim(context, input),
    // ── backups ──
    listBackups: () => options.backups?.list() ?? [],
    restoreBackup: ({ name }) => {
      if (!options.backups) throw new FactmarkError('not_found', 'This library has no backups to restore.')
      return options.backups.restore(name)
    }
  }
  return inTransactions(db, handlers)
}

/** Wraps every handler in an immediate transaction: one user action, one transaction. */
function inTransactions(db: Database, handlers: ApiHandlers): ApiHandlers {
  const wrapped: Record<string, unknown> = {}
  for (const [name, handler] of Object.entries(handlers)) {
    const transaction = db.transaction(handler as (input: unknown) => unknown)
    wrapped[name] = (input: unknown) => transaction.immediate(input)
  }
  return wrapped as ApiHandlers
}
