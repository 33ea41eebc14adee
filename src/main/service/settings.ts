/**
 * The analyst's settings and the library's profile: the analyst's name (key →
 * JSON in the settings table), the publishing organisation (its own table, for
 * the logo's bytes), report settings, and the rating scale.
 */
import type { Database } from 'better-sqlite3'
import { FactmarkError } from '../../shared/errors'
import { checkLogo, type LogoType } from '../../shared/fields'
import type { Organisation, PaperSize, ReportSettings, Settings } from '../../shared/model'
import { ratingScale, type Rating, type RatingScale } from '../../shared/scale'
import type { Status } from '../../shared/status'

const ANALYST_NAME = 'analystName'
const REPORT = 'report'

function readSetting(db: Database, key: string): unknown {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined
  return value === undefined ? null : JSON.parse(value)
}

function writeSetting(db: Database, key: string, value: unknown): void {
  if (value === null) db.prepare('DELETE FROM settings WHERE key = ?').run(key)
  else {
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value))
  }
}

/** The name the analyst chose, or null when none is set. */
export function chosenAnalystName(db: Database): string | null {
  const name = readSetting(db, ANALYST_NAME)
  return typeof name === 'string' && name.trim() ? name : null
}

export function getOrganisation(db: Database): Organisation | null {
  const row = db.prepare('SELECT name, web_address, logo, logo_type FROM organisation WHERE id = 1').get() as
    | { name: string; web_address: string | null; logo: Buffer | null; logo_type: LogoType | null }
    | undefined
  if (!row) return null
  return {
    name: row.name,
    url: row.web_address,
    logo: row.logo && row.logo_type ? { mediaType: row.logo_type, data: row.logo.toString('base64') } : null
  }
}

/** What the settings fall back to, from the machine: the OS account name and the locale's paper. */
export interface MachineDefaults {
  accountName: string
  paperSize: PaperSize
}

export function reportSettings(db: Database): ReportSettings {
  const saved = readSetting(db, REPORT) as Partial<ReportSettings> | null
  const paperSize: PaperSize | null = saved?.paperSize === 'a4' || saved?.paperSize === 'letter' ? saved.paperSize : null
  return { paperSize }
}

export function getSettings(db: Database, machine: MachineDefaults): Settings {
  return {
    analystName: chosenAnalystName(db),
    accountName: machine.accountName,
    organisation: getOrganisation(db),
    report: reportSettings(db),
    localePaperSize: machine.paperSize
  }
}

/** A null name removes it: the library is signed by an unnamed analyst again, and the app asks. */
export function setSettings(db: Database, machine: MachineDefaults, input: { analystName: string | null }): Settings {
  writeSetting(db, ANALYST_NAME, input.analystName)
  return getSettings(db, machine)
}

/** The organisation's logo arrives as base64; its bytes must be a PNG or JPEG of at most 1 MB. */
export function setOrganisation(
  db: Database,
  machine: MachineDefaults,
  input: { organisation: { name: string; url: string | null; logo: string | null } | null }
): Settings {
  const { organisation } = input
  if (organisation === null) db.prepare('DELETE FROM organisation').run()
  else {
    let logo: Buffer | null = null
    let logoType: LogoType | null = null
    if (organisation.logo !== null) {
      logo = Buffer.from(organisation.logo, 'base64')
      try {
        logoType = checkLogo(logo)
      } catch (error) {
        throw new FactmarkError('invalid_input', (error as Error).message)
      }
    }
    db.prepare(
      `INSERT INTO organisation (id, name, web_address, logo, logo_type) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, web_address = excluded.web_address, logo = excluded.logo, logo_type = excluded.logo_type`
    ).run(organisation.name, organisation.url, logo, logoType)
  }
  return getSettings(db, machine)
}

export function setReportSettings(db: Database, machine: MachineDefaults, input: ReportSettings): Settings {
  writeSetting(db, REPORT, input.paperSize === null ? null : input)
  return getSettings(db, machine)
}

export function getRatingScale(db: Database): RatingScale {
  const rows = db.prepare('SELECT status, label, definition FROM rating_scale').all() as ({ status: Status } & Rating)[]
  return ratingScale(Object.fromEntries(rows.map(({ status, label, definition }) => [status, { label, definition }])))
}

/** Sets a verdict's label or definition; null goes back to the default, and a verdict back at its defaults has no row. */
export function setRating(db: Database, input: { status: Status; label?: string | null; definition?: string | null }): RatingScale {
  const current = getRatingScale(db)[input.status]
  const defaults = ratingScale({})[input.status]
  const next: Rating = {
    label: input.label === undefined ? current.label : (input.label ?? defaults.label),
    definition: input.definition === undefined ? current.definition : (input.definition ?? defaults.definition)
  }
  if (next.label === defaults.label && next.definition === defaults.definition) {
    db.prepare('DELETE FROM rating_scale WHERE status = ?').run(input.status)
  } else {
    db.prepare(
      `INSERT INTO rating_scale (status, label, definition) VALUES (?, ?, ?)
       ON CONFLICT (status) DO UPDATE SET label = excluded.label, definition = excluded.definition`
    ).run(input.status, next.label, next.definition)
  }
  return getRatingScale(db)
}
