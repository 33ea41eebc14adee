/**
 * The JSON-LD importer: the entry of the worker thread that imports one large
 * file (inWorker.ts starts it), so a long import never holds the host's event
 * loop or Electron's main process. It reads and checks the file (through the
 * one validation path, readAnnotations → fields.ts) and places its claims
 * first, with no lock held, then writes it through its own connection in one
 * IMMEDIATE transaction: all of it or, on any error or kill, nothing.
 */
import type { Database } from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { parentPort } from 'node:worker_threads'
import { FactmarkError } from '../../shared/errors'
import { readAnnotations } from '../../shared/report/readAnnotations'
import { decodeText } from '../import/decode'
import type { WorkerAnswer } from '../import/worker'
import { connectLibrary } from '../store/database'
import { placeAnnotations, writeAnnotations } from './import'
import type { ImportJob } from './inWorker'

function run({ fileName, bytes, library, binding, author, now }: ImportJob): WorkerAnswer<string> {
  let db: Database | undefined
  try {
    const placed = placeAnnotations(fileName, readAnnotations(decodeText(bytes, fileName), `"${fileName}"`))
    db = connectLibrary(library, binding)
    const context = { db, author: () => author, now: () => now, newId: randomUUID }
    return { ok: true, value: db.transaction(() => writeAnnotations(context, placed)).immediate() }
  } catch (error) {
    if (error instanceof FactmarkError) return { ok: false, error: { code: error.code, message: error.message } }
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) }
    const line = message.split('\n')[0]!.slice(0, 200)
    return { ok: false, error: { code: 'internal', message: `Importing "${fileName}" failed (${name}: ${line}); nothing was saved.` } }
  } finally {
    db?.close()
  }
}

parentPort!.once('message', (job: ImportJob) => parentPort!.postMessage(run(job)))
