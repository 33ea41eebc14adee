/** What every part of the service shares: the database, the clock and the analyst. */
import type { Database } from 'better-sqlite3'

export interface ServiceContext {
  db: Database
  /** The analyst's name, written into every history row. */
  author: () => string
  now: () => string
  newId: () => string
}
