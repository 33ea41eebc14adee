/**
 * The JSON-LD import off the event loop: the main side of importer.ts. A
 * file of a few hundred claims imports at once, in this thread (tens of
 * milliseconds, less than starting a worker); a larger one in a worker.
 */
import type { ArticleDocument } from '../../shared/model'
import { runInWorker, type ReadLimits } from '../import/worker'
import type { ServiceContext } from '../service/context'
import { getDocument } from '../service/documents'
import { nativeBinding } from '../store/database'
import { registerUser } from '../store/lock'
import { importAnnotations, textOf, type AnnotationSource } from './import'
import importerPath from './importer?modulePath'

/** One import for the worker (importer.ts): the file, as text or bytes, and the library to write it into. */
export interface ImportJob {
  file: AnnotationSource
  /** The library file, which the worker opens a connection of its own to. */
  library: string
  /** The process's build of better-sqlite3 (Electron's ABI in the app). */
  binding: string | undefined
  author: string
  now: string
}

/** Files from this size (about 250 claims) import in a worker. */
export const WORKER_FROM_BYTES = 256 * 1024

/** Imports a JSON-LD file in one transaction: a large one in a worker, a small one at once. */
export function importAnnotationFile(context: ServiceContext, source: AnnotationSource): ArticleDocument | Promise<ArticleDocument> {
  const size = 'bytes' in source ? source.bytes.length : source.text.length
  if (size >= WORKER_FROM_BYTES) return importAnnotationsInWorker(context, source)
  return context.db.transaction(() => importAnnotations(context, textOf(source))).immediate()
}

/** A 256 MB file (100,000 claims make about 100 MB) can take minutes and gigabytes on a slow machine. */
export const importLimits: ReadLimits = { timeMs: 10 * 60_000, memoryMb: 4096 }

/**
 * Imports a file in a worker thread (importer.ts) with its own connection,
 * so the event loop stays free: other calls are answered meanwhile (reads
 * run deferred and do not wait for its write lock). While it runs, the import
 * is registered as a user of the library: a restore refuses while it runs, naming it.
 */
export async function importAnnotationsInWorker(context: ServiceContext, file: AnnotationSource): Promise<ArticleDocument> {
  const library = context.db.name
  const registration = registerUser(library, `the import of "${file.fileName}"`)
  try {
    const job: ImportJob = { file, library, binding: nativeBinding(), author: context.author(), now: context.now() }
    return getDocument(context, await runInWorker<string>(importerPath, job, `"${file.fileName}"`, importLimits))
  } finally {
    registration.release()
  }
}
