/**
 * The Factmark service: the contract's operations, implemented once. It does
 * not know which shell (Electron or the browser host) calls it. Each call is
 * one transaction, so a failed call writes nothing.
 */
import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { ApiHandlers } from '../../shared/api'
import { parseFile, parseText } from '../import/article'
import { exportReport, type PdfPrinter } from '../report/export'
import { importAnnotations } from '../report/import'
import { chromiumPrinter } from '../report/pdf'
import { createClaim, listClaims } from './claims'
import type { ServiceContext } from './context'
import { getDocument, insertDocument, listDocuments } from './documents'
import { deleteClaim, deleteDocument, restoreClaim } from './deleting'
import { getClaimDetail } from './detail'
import { listHistory } from './history'
import { addNote, deleteNote, editNote } from './notes'
import { search } from './search'
import { chosenAnalystName, getSettings, setSettings } from './settings'
import { addSource, removeSource } from './sources'
import { listTags, updateClaim } from './verdicts'

export interface ServiceOptions {
  /** The analyst's name; the settings may override it. */
  defaultAuthor: string
  now?: () => string
  /** Prints the HTML report to PDF: Electron's printer in the desktop app, headless Chromium elsewhere. */
  printPdf?: PdfPrinter
}

export function createService(db: Database, options: ServiceOptions): ApiHandlers {
  const context: ServiceContext = {
    db,
    // The name chosen in the settings, else the OS user name.
    author: () => chosenAnalystName(db) ?? options.defaultAuthor,
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
    // ── reports ──
    exportReport: ownTransaction((input) => exportReport(context, input, options.printPdf ?? chromiumPrinter())),
    importAnnotations: (input) => importAnnotations(context, input),

    // ── workflow ──
    getClaimDetail: ({ claimId }) => getClaimDetail(context, claimId),
    updateClaim: (input) => updateClaim(context, input),
    deleteClaim: ({ claimId }) => deleteClaim(context, claimId),
    restoreClaim: ({ claimId }) => restoreClaim(context, claimId),
    addNote: (input) => addNote(context, input),
    editNote: (input) => editNote(context, input),
    deleteNote: ({ noteId }) => deleteNote(context, noteId),
    addSource: (input) => addSource(context, input),
    removeSource: ({ sourceId }) => removeSource(context, sourceId),
    listHistory: ({ claimId }) => listHistory(context, claimId),
    listTags: () => listTags(context),
    getSettings: () => getSettings(db, options.defaultAuthor),
    setSettings: (input) => setSettings(db, options.defaultAuthor, input),
    deleteDocument: ({ documentId }) => deleteDocument(context, documentId),
    search: (input) => search(context, input)
  }
  return inTransactions(db, handlers)
}

const selfTransacting = new WeakSet<object>()

/**
 * Marks an asynchronous handler (one that waits on something outside the
 * database, like printing a PDF) that opens its own transaction for the part
 * that touches the database: a transaction cannot span an await.
 */
function ownTransaction<F extends (input: never) => Promise<unknown>>(handler: F): F {
  selfTransacting.add(handler)
  return handler
}

/** Wraps every handler in an immediate transaction: one user action, one transaction. */
function inTransactions(db: Database, handlers: ApiHandlers): ApiHandlers {
  const wrapped: Record<string, unknown> = {}
  for (const [name, handler] of Object.entries(handlers)) {
    if (selfTransacting.has(handler)) {
      wrapped[name] = handler
      continue
    }
    const transaction = db.transaction(handler as (input: unknown) => unknown)
    wrapped[name] = (input: unknown) => transaction.immediate(input)
  }
  return wrapped as ApiHandlers
}
