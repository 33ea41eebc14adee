/** The analyst's settings, kept in the settings table as key → JSON. */
import type { Database } from 'better-sqlite3'
import type { Settings } from '../../shared/model'

const ANALYST_NAME = 'analystName'

/** The name the analyst chose, or null when none is set. */
export function chosenAnalystName(db: Database): string | null {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(ANALYST_NAME) as string | undefined
  const name: unknown = value === undefined ? null : JSON.parse(value)
  return typeof name === 'string' && name.trim() ? name : null
}

export function getSettings(db: Database, defaultAnalystName: string): Settings {
  return { analystName: chosenAnalystName(db) ?? defaultAnalystName, defaultAnalystName }
}

/** A null name removes the choice, so the OS user name applies again. */
export function setSettings(db: Database, defaultAnalystName: string, input: { analystName: string | null }): Settings {
  if (input.analystName === null) db.prepare('DELETE FROM settings WHERE key = ?').run(ANALYST_NAME)
  else {
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      ANALYST_NAME,
      JSON.stringify(input.analystName)
    )
  }
  return getSettings(db, defaultAnalystName)
}
