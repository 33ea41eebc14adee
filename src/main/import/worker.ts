/**
 * Reading untrusted bytes off the main thread. Every source of a document
 * whose format's row says `inWorker` (Markdown, pasted HTML, a saved or
 * fetched page, .docx, PDF: see src/shared/import/formats.ts) is parsed in a
 * worker thread of its own, started for the one job, with a
 * memory limit (V8's heap limits for the thread) and a time limit (a timer
 * that terminates it). The host's event loop and Electron's main process
 * only wait for a message: they stay free to answer other calls meanwhile.
 * A fresh thread per job also keeps pdf.js's polyfills out of everyone
 * else's built-ins.
 *
 * The worker's entry (reader.ts) is bundled on its own by electron-vite
 * (`?modulePath`); vitest and the benchmarks bundle it the same way
 * (scripts/modulePath.ts).
 */
import { Worker } from 'node:worker_threads'
import type { ImportSource } from '../../shared/api'
import { FactmarkError, type ApiError } from '../../shared/errors'
import { importFormatInfo, isAnnotationFile } from '../../shared/import/formats'
import type { ParsedArticle } from './article'
import { formatOfFile, parseJob, sourceName, type Imported, type ParseJob } from './readers'
import { fetchPage } from './url'
import readerPath from './reader?modulePath'

export interface ReadLimits {
  /** Wall time before the reader is stopped. */
  timeMs: number
  /** The worker's V8 heap (old generation), in MB. */
  memoryMb: number
}

/** Far beyond any real article (the largest page of the extraction benchmark takes under a second). */
export const readLimits: ReadLimits = { timeMs: 30_000, memoryMb: 512 }

/** What the reader posts back: what the source holds, or the typed error it was refused with. */
export type ReaderAnswer = { ok: true; imported: Imported } | { ok: false; error: ApiError }

/** Parses one source in a worker; the answer is what it holds or a typed, one-line FactmarkError. */
export function readInWorker(job: ParseJob, what: string = sourceName(job), limits: ReadLimits = readLimits): Promise<Imported> {
  const worker = takeReader(limits)
  let timer: NodeJS.Timeout | undefined
  return new Promise<Imported>((resolve, reject) => {
    timer = setTimeout(() => {
      reject(new FactmarkError('too_large', `${what} took longer than ${limits.timeMs / 1000} s to read and was stopped; it may be built to stall a reader.`))
    }, limits.timeMs)
    worker.once('message', (answer: ReaderAnswer) => {
      if (answer.ok) resolve(answer.imported)
      else reject(new FactmarkError(answer.error.code, answer.error.message))
    })
    worker.once('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        reject(new FactmarkError('too_large', `${what} needed more than ${limits.memoryMb} MB to read and was stopped.`))
      } else reject(new FactmarkError('unsupported_file', `${what} could not be read (${error.name}: ${firstLine(error.message)}).`))
    })
    worker.once('exit', (code) => reject(new FactmarkError('unsupported_file', `${what} could not be read: its reader stopped (exit code ${code}).`)))
    worker.ref()
    worker.postMessage(job)
  }).finally(() => {
    clearTimeout(timer)
    void worker.terminate()
  })
}

/**
 * A reader waits, started and with its modules loaded, for the next job
 * (loading linkedom, Readability and mammoth takes a second or more), so an
 * import does not wait for it. It holds no event loop open while it waits.
 */
let spare: { worker: Worker; alive: boolean } | null = null

function startReader(limits: ReadLimits): { worker: Worker; alive: boolean } {
  const worker = new Worker(readerPath, {
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    // What pdf.js and others print is not for the analyst's terminal.
    stdout: true,
    stderr: true
  })
  const reader = { worker, alive: true }
  worker.once('exit', () => (reader.alive = false))
  // Errors of a waiting reader are reported to the job that takes it, or nowhere.
  worker.on('error', () => undefined)
  worker.unref()
  return reader
}

/** Starts a reader ahead of the first import (the shells call this once the library is open). */
export function prepareReader(): void {
  if (!spare?.alive) spare = startReader(readLimits)
}

function takeReader(limits: ReadLimits): Worker {
  const usable = spare?.alive && limits === readLimits ? spare : null
  if (usable) spare = null
  const reader = usable ?? startReader(limits)
  if (!spare) setImmediate(() => (spare ??= startReader(readLimits)))
  return reader.worker
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.slice(0, 200)
}

/**
 * Reads a job at once, in this thread, when its format's row says so (plain
 * text is split into paragraphs, linearly; nothing in it nests), or when
 * there is nothing to read; everything else in a worker.
 */
function readJob(job: ParseJob): Imported | Promise<Imported> {
  return readsAtOnce(job) ? parseJob(job) : readInWorker(job)
}

function readsAtOnce(job: ParseJob): boolean {
  switch (job.kind) {
    case 'text':
      return job.text.trim() === '' || !importFormatInfo[job.format].inWorker
    case 'html':
      return job.html.trim() === '' || !importFormatInfo.html.inWorker
    case 'file':
      // An unknown file is refused here, before a worker is taken.
      return !importFormatInfo[formatOfFile(job.fileName)].inWorker
    case 'page':
      return !importFormatInfo.html.inWorker
  }
}

/**
 * Reads any source of a document, as the API names it; a web address is
 * fetched here first. `title`, when given, names an article.
 */
export function readSource(source: ImportSource, title?: string): Imported | Promise<Imported> {
  switch (source.kind) {
    case 'text':
      return readJob({ kind: 'text', text: source.text, format: source.format, title })
    case 'html':
      return readJob({ kind: 'html', html: source.html, title })
    case 'file':
      return readJob({ kind: 'file', fileName: source.fileName, bytes: Buffer.from(source.data, 'base64'), title })
    case 'url':
      return fetchPage(source.url).then((page) => readJob({ kind: 'page', html: page.html, url: page.url, title }))
  }
}

/** A source that must be an article: a new version of a document. */
export function readArticle(source: ImportSource): ParsedArticle | Promise<ParsedArticle> {
  if (source.kind === 'file') return readArticleFile(source.fileName, Buffer.from(source.data, 'base64'))
  return articleIn(readSource(source))
}

/** A file that must be an article (a new version, or a file to find claims in), never Factmark's own export. */
export function readArticleFile(fileName: string, bytes: Uint8Array): ParsedArticle | Promise<ParsedArticle> {
  if (isAnnotationFile(fileName)) {
    throw new FactmarkError(
      'unsupported_file',
      `"${fileName}" is a Factmark export with claims of its own: import it as a new document, not as an article.`
    )
  }
  return articleIn(readJob({ kind: 'file', fileName, bytes }))
}

function articleIn(imported: Imported | Promise<Imported>): ParsedArticle | Promise<ParsedArticle> {
  if (imported instanceof Promise) return imported.then((settled) => articleIn(settled) as ParsedArticle)
  if (imported.reads !== 'article') throw new Error('Only a file of Factmark annotations reads as annotations')
  return imported.article
}
