/**
 * The reader: the entry of the worker thread that parses one source
 * (worker.ts starts it). It answers one job with one message, what it holds
 * or a typed error, and never lets a stack trace out.
 */
import { parentPort } from 'node:worker_threads'
import { FactmarkError } from '../../shared/errors'
import { NestedTooDeep } from './dom'
import { parseJob, sourceName, type ParseJob } from './readers'
import type { ReaderAnswer } from './worker'

async function read(job: ParseJob): Promise<ReaderAnswer> {
  try {
    return { ok: true, imported: await parseJob(job) }
  } catch (error) {
    if (error instanceof FactmarkError) return { ok: false, error: { code: error.code, message: error.message } }
    if (error instanceof NestedTooDeep) {
      const message = `${sourceName(job)} nests its elements more than ${error.limit.toLocaleString('en')} deep (real pages nest a few dozen); it was not imported.`
      return { ok: false, error: { code: 'too_large', message } }
    }
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) }
    const line = message.split('\n')[0]!.slice(0, 200)
    return { ok: false, error: { code: 'unsupported_file', message: `${sourceName(job)} could not be read (${name}: ${line}).` } }
  }
}

// Started ahead of time (worker.ts), it waits for its one job.
parentPort!.once('message', (job: ParseJob) => void read(job).then((answer) => parentPort!.postMessage(answer)))
