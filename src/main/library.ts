/**
 * A library: the data directory's database and the service over it. Both
 * shells (Electron and the browser host) and the tests open one this way.
 */
import type { Database } from 'better-sqlite3'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import type { ApiHandlers } from '../shared/api'
import { DATABASE_FILE } from './datadir'
import type { PdfPrinter } from './report/export'
import { createService } from './service/service'
import { openDatabase, type OpenOptions } from './store/database'

export interface Library {
  dataDir: string
  db: Database
  service: ApiHandlers
  close(): void
}

export interface LibraryOptions extends OpenOptions {
  /** How PDF reports are printed; headless Chromium when absent. */
  printPdf?: PdfPrinter
}

export function openLibrary(dataDir: string, options: LibraryOptions = {}): Library {
  const db = openDatabase(join(dataDir, DATABASE_FILE), options)
  const service = createService(db, { defaultAuthor: analystName(), ...(options.printPdf && { printPdf: options.printPdf }) })
  return { dataDir, db, service, close: () => db.close() }
}

function analystName(): string {
  try {
    return userInfo().username || 'analyst'
  } catch {
    return 'analyst'
  }
}
