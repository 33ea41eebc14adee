/**
 * The Factmark service: the contract's operations, implemented once. It does
 * not know which shell (Electron or the browser host) calls it. Each call is
 * one transaction, so a failed call writes nothing.
 */
import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import { isReadOperation, type ApiHandlers, type OperationInput, type OperationName } from '../../shared/api'
import { FactmarkError } from '../../shared/errors'
import { readArticle, readSource } from '../import/worker'
import { exportReport, type PdfPrinter } from '../report/export'
import { importAnnotations } from '../report/import'
import { importAnnotationsInWorker, importsInWorker } from '../report/inWorker'
import { loadReportData } from '../report/load'
import { chromiumPrinter } from '../report/pdf'
import { unnamedAnalyst } from '../../shared/model'
import { checkReadiness } from '../../shared/report/readiness'
import { paperForLocale } from '../../shared/report/print'
import type { BackupControl } from '../store/backup'
import { teamControl, type TeamControl } from '../team/control'
import { parseTeamUrl } from '../team/server'
import { joinedTeam } from '../team/sync'
import { createClaim, getClaim, listClaims } from '../service/claims'
import type { ServiceContext } from '../service/context'
import { findSameText, getDocument, insertDocument, listDocuments } from '../service/documents'
import { updateMetadata } from '../service/metadata'
import { deleteClaim, deleteDocument, restoreClaim } from '../service/deleting'
import { getClaimDetail } from '../service/detail'
import { listHistory } from '../service/history'
import { addNote, deleteNote, editNote, setNotePublic } from '../service/notes'
import { savePublishing, updatePublication } from '../service/publication'
import { search } from '../service/search'
import { chosenAnalystName, getRatingScale, type MachineDefaults, getSettings, setOrganisation, setRating, setReportSettings, setSettings } from '../service/settings'
import { addSource, removeSource } from '../service/sources'
import { claimMatches, importFactCheckFeed, listPriorFactChecks, matchPriorFactChecks } from '../service/priorFactChecks'
import { acceptSuggestion, dismissSuggestion, listSuggestions } from '../service/suggestions'
import { importNewVersion, reattachClaim } from '../service/versions'
import { listClaimants, listTags, registerClaimant, updateClaim } from '../service/verdicts'

export interface ServiceOptions {
  /** The OS account name: it only pre-fills the analyst's name, which the settings keep. */
  accountName: string
  now?: () => string
  /** Prints the HTML report to PDF: Electron's printer in the desktop app, headless Chromium elsewhere. */
  printPdf?: PdfPrinter
  /** The library's backups; without them (as in most tests) there are none to list or restore. */
  backups?: BackupControl
  /** The user's locale (en-US, de_DE.UTF-8…): the PDF's paper until a paper size is chosen. */
  locale?: string
  /** The team library link; without one, the service syncs on request only. */
  team?: TeamControl
}

/** What the operations share; scripts and benchmarks use it to call service modules directly. */
export function serviceContext(db: Database, options: Pick<ServiceOptions, 'now'> = {}): ServiceContext {
  return {
    db,
    // The name the analyst gave; until then, said plainly (never the OS account name).
    author: () => chosenAnalystName(db) ?? unnamedAnalyst,
    now: options.now ?? (() => new Date().toISOString()),
    newId: randomUUID
  }
}

export function createService(db: Database, options: ServiceOptions): ApiHandlers {
  const context = serviceContext(db, options)
  const machine: MachineDefaults = { accountName: options.accountName, paperSize: paperForLocale(options.locale ?? systemLocale()) }
  const team = options.team ?? teamControl(() => db, { live: false })
  const importAnything = staged(
    db,
    ({ source, title }: OperationInput<'importDocument'>) => readSource(source, title),
    (imported) =>
      imported.reads === 'article' ? insertDocument(context, imported.article) : importAnnotations(context, imported.fileName, imported.annotations)
  )
  const handlers: ApiHandlers = {
    listDocuments: () => listDocuments(context),
    getDocument: ({ documentId }) => getDocument(context, documentId),
    // Factmark's own JSON-LD is a colleague's work to take in, claims and all (a large file in a worker); anything else is an article.
    importDocument: ownTransaction((input: OperationInput<'importDocument'>) =>
      importsInWorker(input.source) ? importAnnotationsInWorker(context, input.source) : importAnything(input)
    ),
    listClaims: ({ documentId }) => listClaims(context, documentId),
    createClaim: (input) => createClaim(context, input),
    // ── reports ──
    exportReport: ownTransaction((input) =>
      exportReport(context, input, options.printPdf ?? chromiumPrinter(), machine.paperSize)
    ),
    checkReadiness: ({ documentId, statuses }) => checkReadiness(loadReportData(context, { documentId, statuses })),

    // ── workflow ──
    getClaimDetail: ({ claimId }) => getClaimDetail(context, claimId),
    updateClaim: (input) => updateClaim(context, input),
    deleteClaim: ({ claimId }) => deleteClaim(context, claimId),
    restoreClaim: ({ claimId }) => restoreClaim(context, claimId),
    addNote: (input) => addNote(context, input),
    editNote: (input) => editNote(context, input),
    setNotePublic: (input) => setNotePublic(context, input),
    deleteNote: ({ noteId }) => deleteNote(context, noteId),
    addSource: (input) => addSource(context, input),
    removeSource: ({ sourceId }) => removeSource(context, sourceId),
    listHistory: ({ claimId }) => listHistory(context, claimId),
    listTags: () => listTags(context),
    listClaimants: () => listClaimants(context),
    findSameText: ({ documentId }) => findSameText(context, documentId),
    saveClaimant: (input) => registerClaimant(context, input),
    getSettings: () => getSettings(db, machine),
    setSettings: (input) => setSettings(db, machine, input),
    setOrganisation: (input) => setOrganisation(db, machine, input),
    setReportSettings: (input) => setReportSettings(db, machine, input),
    getRatingScale: () => getRatingScale(db),
    setRating: (input) => setRating(db, input),
    updatePublication: (input) => updatePublication(context, input),
    savePublishing: (input) => savePublishing(context, machine, input),
    deleteDocument: ({ documentId }) => deleteDocument(context, documentId),
    search: (input) => search(context, input),

    // ── import ──
    importNewVersion: staged(db, ({ source }) => readArticle(source), (article, { documentId }) =>
      importNewVersion(context, documentId, article)
    ),
    reattachClaim: (input) => reattachClaim(context, input),
    updateMetadata: (input) => updateMetadata(context, input),

    // ── claim assist ──
    listSuggestions: (input) => listSuggestions(context, input),
    acceptSuggestion: (input) => acceptSuggestion(context, input),
    dismissSuggestion: (input) => dismissSuggestion(context, input),
    importFactChecks: ({ text }) => importFactCheckFeed(context, text),
    matchPriorFactChecks: (input) => matchPriorFactChecks(context, input),
    claimMatches: (input) => claimMatches(context, input),
    listPriorFactChecks: (input) => listPriorFactChecks(context, input),

    // ── backups ──
    listBackups: () => options.backups?.list() ?? [],
    restoreBackup: ({ name }) => {
      if (!options.backups) throw new FactmarkError('not_found', 'This library has no backups to restore.')
      return options.backups.restore(name)
    },

    // ── team library ──
    getTeamStatus: () => team.status(),
    // What can be refused at once (a malformed address, no team yet) is refused before any waiting.
    connectTeam: ownTransaction(({ url, password }: { url: string; password?: string }) => {
      parseTeamUrl(url)
      return team.connect(url, password)
    }),
    syncTeam: ownTransaction(() => {
      if (!joinedTeam(db)) throw new FactmarkError('not_found', 'This library has not joined a team library.')
      return team.sync()
    }),
    approveClaim: ({ claimId }) => {
      team.approve(claimId)
      return getClaim(context, claimId)
    }
  }
  return inTransactions(db, handlers)
}

/** The process's locale: LC_ALL, LC_PAPER or LANG as POSIX sets them, else the one Intl resolves. */
function systemLocale(env = process.env): string {
  return env.LC_ALL || env.LC_PAPER || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale
}

/** Handlers that open their own transactions, outside `inTransactions`. */
const selfTransacting = new WeakSet<object>()

/**
 * Marks an asynchronous handler (one that waits on something outside the
 * database, like printing a PDF) that opens its own transaction for the part
 * that touches the database: a transaction cannot span an await.
 */
function ownTransaction<F extends (input: never) => unknown>(handler: F): F {
  selfTransacting.add(handler)
  return handler
}

/**
 * An operation in two steps: read the source (which may have to wait: a
 * fetch, a PDF or .docx reader) outside any transaction, then write it in
 * one transaction. Answers at once when the source could be read at once.
 */
function staged<I, A, R>(db: Database, read: (input: I) => A | Promise<A>, write: (read: A, input: I) => R): (input: I) => R | Promise<R> {
  const commit = (source: A, input: I) => db.transaction(() => write(source, input)).immediate()
  return ownTransaction((input: I) => {
    const source = read(input)
    return source instanceof Promise ? source.then((settled) => commit(settled, input)) : commit(source, input)
  })
}

/**
 * Wraps every handler in a transaction: one user action, one transaction.
 * A write takes the write lock at once (IMMEDIATE), so it never fails midway
 * on a lock it could not upgrade; a read (marked in the API table) runs
 * DEFERRED, a snapshot that needs no write lock and so never waits for one.
 */
function inTransactions(db: Database, handlers: ApiHandlers): ApiHandlers {
  const wrapped: Record<string, unknown> = {}
  for (const [name, handler] of Object.entries(handlers)) {
    if (selfTransacting.has(handler)) {
      wrapped[name] = handler
      continue
    }
    const transaction = db.transaction(handler as (input: unknown) => unknown)
    wrapped[name] = isReadOperation(name as OperationName)
      ? (input: unknown) => transaction.deferred(input)
      : (input: unknown) => transaction.immediate(input)
  }
  return wrapped as ApiHandlers
}
