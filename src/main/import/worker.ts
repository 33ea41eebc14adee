/**
 * Reading untrusted bytes off the main thread. Every source of a document
 * (text, Markdown, pasted HTML, a saved or fetched page, .docx, PDF) is
 * parsed in a worker thread of its own, started for the one job, with a
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
import { formatOfFile, jobOf, parseFile, parseText, sourceName, type ParsedArticle, type ParseJob } from './article'
import readerPath from './reader?modulePath'

export interface ReadLimits {
  /** Wall time before the reader is stopped. */
  timeMs: number
  /** The worker's V8 heap (old generation), in MB. */
  memoryMb: number
}

/** Far beyond any real article (the largest page of the extraction benchmark takes under a second). */
export const readLimits: ReadLimits = { timeMs: 30_000, memoryMb: 512 }

/** What a worker posts back: its value, or the typed error it was refused with. */
export type WorkerAnswer<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** Parses one source in a worker; the answer is the article or a typed, one-line FactmarkError. */
export function readInWorker(job: ParseJob, what: string, limits: ReadLimits = readLimits): Promise<ParsedArticle> {
  return answerOf<ParsedArticle>(takeReader(limits), job, what, limits)
}

/**
 * Runs one job in a new worker thread started from `entry` (a `?modulePath`
 * bundle), within the limits; the answer is its value or a typed, one-line
 * FactmarkError. Any work that would hold the event loop long can go here.
 */
export function runInWorker<T>(entry: string, job: unknown, what: string, limits: ReadLimits, workerData?: unknown): Promise<T> {
  return answerOf<T>(startWorker(entry, limits, workerData).worker, job, what, limits)
}

function answerOf<T>(worker: Worker, job: unknown, what: string, limits: ReadLimits): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  return new Promise<T>((resolve, reject) => {
    timer = setTimeout(() => {
      reject(new FactmarkError('too_large', `${what} took longer than ${limits.timeMs / 1000} s to read and was stopped; it may be built to stall a reader.`))
    }, limits.timeMs)
    worker.once('message', (answer: WorkerAnswer<T>) => {
      if (answer.ok) resolve(answer.value)
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
  return startWorker(readerPath, limits)
}

function startWorker(entry: string, limits: ReadLimits, workerData?: unknown): { worker: Worker; alive: boolean } {
  const worker = new Worker(entry, {
    workerData,
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
 * Reads an API source. Plain text (a pasted text, a .txt file) is read at
 * once, in this thread: splitting paragraphs is linear and nothing in it
 * nests. Everything else is parsed in a worker; a web address is fetched
 * here first.
 */
export function readSource(source: ImportSource): ParsedArticle | Promise<ParsedArticle> {
  if (source.kind === 'text' && source.format === 'text') return parseText(source.text, 'text')
  if (source.kind === 'file') {
    const bytes = Buffer.from(source.data, 'base64')
    if (formatOfFile(source.fileName) === 'text') return parseFile(source.fileName, bytes)
  }
  return jobOf(source).then((job) => readInWorker(job, sourceName(job)))
}
