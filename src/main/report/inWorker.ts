/**
 * The JSON-LD import off the event loop: the main side of importer.ts. A
 * Factmark export of a few hundred claims is read and written at once, in
 * this thread (tens of milliseconds, less than starting a worker); a larger
 * one (20,000 claims take seconds) in a worker with its own connection.
 */
import type { ImportSource } from '../../shared/api'
import { importFormatOf } from '../../shared/import/formats'
import type { ArticleDocument } from '../../shared/model'
import { formatWithin } from '../import/readers'
import { runInWorker, type ReadLimits } from '../import/worker'
import type { ServiceContext } from '../service/context'
import { getDocument } from '../service/documents'
import { nativeBinding } from '../store/database'
import { registerUser } from '../store/lock'
import importerPath from './importer?modulePath'

/** One import for the worker: the file and the library to write it into. */
export interface ImportJob {
  fileName: string
  bytes: Uint8Array
  /** The library file, which the worker opens a connection of its own to. */
  library: string
  /** The process's build of better-sqlite3 (Electron's ABI in the app). */
  binding: string | undefined
  author: string
  now: string
}

/** Files from this size (about 250 claims) import in a worker. */
export const WORKER_FROM_BYTES = 256 * 1024

type FileSource = Extract<ImportSource, { kind: 'file' }>

/** True for a source imported in a worker: a Factmark JSON-LD export of WORKER_FROM_BYTES or more. */
export function importsInWorker(source: ImportSource): source is FileSource {
  return source.kind === 'file' && importFormatOf(source.fileName) === 'jsonld' && (source.data.length / 4) * 3 >= WORKER_FROM_BYTES
}

/** A 256 MB file (100,000 claims make about 100 MB) can take minutes and gigabytes on a slow machine. */
export const importLimits: ReadLimits = { timeMs: 10 * 60_000, memoryMb: 4096 }

/**
 * Imports a file in a worker thread (importer.ts) with its own connection,
 * so the event loop stays free: other calls are answered meanwhile (reads
 * run deferred and do not wait for its write lock). While it runs, the import
 * is registered as a user of the library: a restore refuses, naming it.
 */
export async function importAnnotationsInWorker(context: ServiceContext, { fileName, data }: FileSource): Promise<ArticleDocument> {
  const bytes = Buffer.from(data, 'base64')
  formatWithin(fileName, bytes)
  const library = context.db.name
  const registration = registerUser(library, `the import of "${fileName}"`)
  try {
    const job: ImportJob = { fileName, bytes, library, binding: nativeBinding(), author: context.author(), now: context.now() }
    return getDocument(context, await runInWorker<string>(importerPath, job, `"${fileName}"`, importLimits))
  } finally {
    registration.release()
  }
}
