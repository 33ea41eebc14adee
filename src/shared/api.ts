/**
 * The one API contract. Every operation is named here once, with the schema
 * its input must satisfy and the type of its result. The main-side service
 * implements this table; the Electron IPC binding and the HTTP browser host
 * are both generated from it, so an operation cannot exist on one transport
 * only. Inputs are validated on the main side: the renderer is untrusted.
 */
import { z } from 'zod'
import type { ArticleDocument, Backup, Claim, DocumentSummary, RestoredBackup } from './model'

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
  // ── backups ──
  /** The automatic backups of the library, newest first. */
  listBackups: {
    input: z.strictObject({}),
    result: returns<Backup[]>()
  },
  /**
   * Replaces the library with one of its backups. The library as it was is
   * kept as the newest backup, so a restore can be undone the same way.
   */
  restoreBackup: {
    input: z.strictObject({
      name: z
        .string()
        .max(100)
        .regex(/^factmark-[0-9TZ-]+\.sqlite$/, { message: 'name must be the name of a backup, as listBackups gives it' })
    }),
    result: returns<RestoredBackup>()
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

/** The main side's implementation of the contract. */
export type ApiHandlers = {
  [K in OperationName]: (input: z.output<Api[K]['input']>) => OperationResult<K>
}
