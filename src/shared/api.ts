/**
 * The one API contract. Every operation is named here once, with the schema
 * its input must satisfy and the type of its result. The main-side service
 * implements this table; the Electron IPC binding and the HTTP browser host
 * are both generated from it, so an operation cannot exist on one transport
 * only. Inputs are validated on the main side: the renderer is untrusted.
 */
import { z } from 'zod'
import type { ArticleDocument, Claim, DocumentSummary, NewVersionResult } from './model'

/** Phantom marker that carries an operation's result type. */
const returns = <T>(): T => undefined as unknown as T

/** Limits, named once so the schemas and the messages agree. */
export const limits = {
  /** Largest import, in bytes of the file or UTF-8 of pasted text. */
  importBytes: 25 * 1024 * 1024,
  /** Longest wait for a page fetched from a URL, in milliseconds. */
  fetchTimeoutMs: 20_000,
  /** Most text a .docx may unpack to: a zip bomb stops here. */
  unpackedBytes: 100 * 1024 * 1024,
  urlLength: 2048,
  metadataLength: 500,
  titleLength: 500,
  fileNameLength: 255
}

const id = (what: string) => z.uuid({ message: `${what} must be a UUID` })
const offset = (what: string) =>
  z
    .number({ message: `${what} must be a number` })
    .int({ message: `${what} must be a whole number` })
    .nonnegative({ message: `${what} must not be negative` })

/** An http(s) address. */
const webAddress = (what: string) =>
  z
    .string()
    .trim()
    .max(limits.urlLength, { message: `${what} is too long` })
    .regex(/^https?:\/\/[^\s/?#]+[^\s]*$/i, { message: `${what} must be an http(s) address` })

const metadataText = (what: string) =>
  z.string().trim().max(limits.metadataLength, { message: `${what} is too long` }).nullable().optional()

/** Where a document's text comes from: pasted text or HTML, a file, or a web page. */
export const importSource = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('text'),
    text: z.string().max(limits.importBytes, { message: 'The text is larger than 25 MB' }),
    format: z.enum(['text', 'markdown'])
  }),
  z.strictObject({ kind: z.literal('html'), html: z.string().max(limits.importBytes, { message: 'The HTML is larger than 25 MB' }) }),
  z.strictObject({
    kind: z.literal('file'),
    fileName: z.string().min(1, { message: 'fileName is empty' }).max(limits.fileNameLength),
    data: z.base64({ message: 'data must be base64' })
  }),
  z.strictObject({ kind: z.literal('url'), url: webAddress('url') })
])
export type ImportSource = z.output<typeof importSource>

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

  // ── import ──
  /** HTML pasted from the clipboard: sanitised into the article's blocks. */
  importHtml: {
    input: z.strictObject({
      html: z.string().max(limits.importBytes, { message: 'The pasted HTML is larger than 25 MB' }),
      title: z.string().max(limits.titleLength).optional()
    }),
    result: returns<ArticleDocument>()
  },
  /** A web page, fetched by the main process, its article extracted. */
  importUrl: {
    input: z.strictObject({ url: webAddress('url') }),
    result: returns<ArticleDocument>()
  },
  /**
   * A newer version of a document (a corrected article) replaces its text;
   * every claim is placed again, and those that cannot be are kept as orphans.
   */
  importNewVersion: {
    input: z.strictObject({ documentId: id('documentId'), source: importSource }),
    result: returns<NewVersionResult>()
  },
  /** Attaches a claim (an orphan, usually) to a new span of its document's text. */
  reattachClaim: {
    input: z.strictObject({ claimId: id('claimId'), start: offset('start'), end: offset('end') }),
    result: returns<Claim>()
  },
  /** Corrects a document's metadata; a field left out is unchanged, null clears it. */
  updateMetadata: {
    input: z.strictObject({
      documentId: id('documentId'),
      title: z.string().trim().min(1, { message: 'The title must not be empty' }).max(limits.titleLength).optional(),
      sourceUrl: webAddress('sourceUrl').nullable().optional(),
      publisher: metadataText('publisher'),
      author: metadataText('author'),
      publishedAt: z.iso.date({ message: 'publishedAt must be a date (YYYY-MM-DD)' }).or(z.iso.datetime({ offset: true, message: 'publishedAt must be a date' })).nullable().optional(),
      language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, { message: 'language must be a language tag such as "en" or "fa-IR"' }).nullable().optional()
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
  [K in OperationName]: (input: OperationInput<K>) => Promise<OperationResult<K>>
}

/**
 * The main side's implementation of the contract. Most operations answer at
 * once; those that must wait (a fetch, a PDF or .docx parser) answer a promise.
 */
export type ApiHandlers = {
  [K in OperationName]: (input: z.output<Api[K]['input']>) => OperationResult<K> | Promise<OperationResult<K>>
}
