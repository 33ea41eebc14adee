/**
 * The one API contract. Every operation is named here once, with the schema
 * its input must satisfy and the type of its result. The main-side service
 * implements this table; the Electron IPC binding and the HTTP browser host
 * are both generated from it, so an operation cannot exist on one transport
 * only. Inputs are validated on the main side: the renderer is untrusted.
 */
import { z } from 'zod'
import type { ArticleDocument, Claim, DocumentSummary, ReportFile } from './model'
import { reportFormats } from './report/formats'
import { statuses } from './status'

/** Phantom marker that carries an operation's result type. */
const returns = <T>(): T => undefined as unknown as T

/** Limits, named once so the schemas and the messages agree. */
export const limits = {
  /** Largest import, in bytes of the file or UTF-8 of pasted text. */
  importBytes: 25 * 1024 * 1024,
  titleLength: 500,
  fileNameLength: 255
}

const id = (what: string) => z.uuid({ message: `${what} must be a UUID` })
const offset = (what: string) =>
  z
    .number({ message: `${what} must be a number` })
    .int({ message: `${what} must be a whole number` })
    .nonnegative({ message: `${what} must not be negative` })

export const api = {
  /** The library: every document, newest first. */
  listDocuments: {
    input: z.strictObject({}),
    result: returns<DocumentSummary[]>()
  },
  getDocument: {
    input: z.strictObject({ documentId: id('documentId') }),
    result: returns<ArticleDocument>()
  },
  /** Pasted text, as plain text or Markdown. */
  importText: {
    input: z.strictObject({
      text: z.string().max(limits.importBytes, { message: 'The text is larger than 25 MB' }),
      format: z.enum(['text', 'markdown']),
      title: z.string().max(limits.titleLength).optional()
    }),
    result: returns<ArticleDocument>()
  },
  /** A file's bytes, base64-encoded; the format follows the file name. */
  importFile: {
    input: z.strictObject({
      fileName: z.string().min(1, { message: 'fileName is empty' }).max(limits.fileNameLength),
      data: z.base64({ message: 'data must be base64' })
    }),
    result: returns<ArticleDocument>()
  },
  /** A document's claims in text order. */
  listClaims: {
    input: z.strictObject({ documentId: id('documentId') }),
    result: returns<Claim[]>()
  },
  /** Marks a span of a document's canonical text as a claim. */
  createClaim: {
    input: z.strictObject({
      documentId: id('documentId'),
      start: offset('start'),
      end: offset('end')
    }),
    result: returns<Claim>()
  },
  // ── reports ──
  /**
   * A document's report in one format, with only the claims whose verdict is
   * in `statuses` (all claims when absent). PDF is printed from the HTML
   * report and comes back base64-encoded; it needs Chromium (or the desktop app).
   */
  exportReport: {
    input: z.strictObject({
      documentId: id('documentId'),
      format: z.enum(reportFormats, { message: `format must be one of ${reportFormats.join(', ')}` }),
      statuses: z.array(z.enum(statuses, { message: `statuses must be among ${statuses.join(', ')}` })).max(statuses.length).optional()
    }),
    result: returns<Promise<ReportFile>>()
  },
  /**
   * Factmark's own W3C Web Annotation JSON-LD (an `exportReport` jsonld file,
   * perhaps from a colleague's library): recreates the document, its claims
   * (re-anchored in the text), verdicts, notes and sources.
   */
  importAnnotations: {
    input: z.strictObject({
      fileName: z.string().min(1, { message: 'fileName is empty' }).max(limits.fileNameLength),
      // Larger than an article's limit: 100,000 claims make about 100 MB of JSON-LD (the browser host caps requests at 40 MB).
      text: z.string().max(256 * 1024 * 1024, { message: 'The file is larger than 256 MB' })
    }),
    result: returns<ArticleDocument>()
  }
}

export type Api = typeof api
export type OperationName = keyof Api
export type OperationInput<K extends OperationName> = z.input<Api[K]['input']>
export type OperationResult<K extends OperationName> = Api[K]['result']

export const operationNames = Object.keys(api) as OperationName[]

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(api, name)
}

/** The client's view of the API, whichever transport carries it. */
export type ApiClient = {
  [K in OperationName]: (input: OperationInput<K>) => Promise<Awaited<OperationResult<K>>>
}

/** The main side's implementation of the contract. */
export type ApiHandlers = {
  [K in OperationName]: (input: z.output<Api[K]['input']>) => OperationResult<K>
}
