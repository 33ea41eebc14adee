/**
 * A year of an analyst's use, simulated on a real library: a start a day,
 * edits on weekdays (none at weekends, and none in August), a restore in
 * April and a migration in September. Prints which backups remain and checks
 * them against the retention rules.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { dispatch } from '../operations/dispatch'
import { openLibrary, type Library } from '../library/library'
import { tempDir } from '../testing/temp'
import { backUp, backupsDir, KEEP_NEWEST, listBackups, RETENTION, restoreBackup } from './backup'
import { bundledMigrations, type Migration } from './migrations'

const DAY = 24 * 60 * 60 * 1000
const START = Date.UTC(2026, 0, 1)
/** A migration for this test only (never shipped): a new table. */
const testMigration: Migration = { version: Math.max(...bundledMigrations.map((m) => m.version)) + 1, name: 'test_year_migration', sql: 'CREATE TABLE year_test (x INTEGER);' }

it('a year of starts and edits leaves backups thinned by age, no duplicates, and every pinned one', async () => {
  const dataDir = tempDir()
  let migrations = bundledMigrations
  let library: Library = openLibrary(dataDir)
  let restoredName = ''
  let edits = 0
  for (let day = 0; day < 365; day++) {
    const date = new Date(START + day * DAY)
    const weekday = date.getUTCDay() !== 0 && date.getUTCDay() !== 6
    const holiday = date.getUTCMonth() === 7
    for (const hour of [9]) {
      // A start: the app takes a backup.
      library.close()
      if (day === 100) {
        // Restore the backup from the morning of day 95.
        const target = listBackups(dataDir).find((b) => b.createdAt.startsWith(new Date(START + 95 * DAY).toISOString().slice(0, 10)))!
        restoreBackup(dataDir, target.name, new Date(START + day * DAY + hour * 3600_000 - 60_000))
        restoredName = target.name
      }
      if (day === 250) migrations = [...bundledMigrations, testMigration]
      library = openLibrary(dataDir, { migrations, now: () => new Date(START + day * DAY + hour * 3600_000 - 1000) })
      await backUp(library.db, dataDir, new Date(START + day * DAY + hour * 3600_000))
      if (weekday && !holiday) {
        dispatch(library.service, 'importDocument', { source: { kind: 'text', text: `Day ${day} ${hour}h\n\nAn article read that day.`, format: 'text' } })
        edits++
        // The 15-minute backup after the change.
        await backUp(library.db, dataDir, new Date(START + day * DAY + hour * 3600_000 + 15 * 60_000))
      }
    }
  }
  library.close()
  const now = new Date(START + 364 * DAY + 9 * 3600_000 + 15 * 60_000)
  const left = listBackups(dataDir)
  console.log(
    `After a year (${edits} edits, 365 starts), ${left.length} backups remain:\n` +
      left.map((b) => `  ${b.createdAt}  ${String(b.bytes).padStart(7)} B${b.pinned ? `  pinned: ${b.pinned}` : ''}`).join('\n')
  )

  // Pinned: before the restore and before the migration, however old.
  expect(left.filter((b) => b.pinned).map((b) => b.pinned)).toEqual([`before migration test_year_migration`, `before restoring ${restoredName}`])
  // No two backups hold the same bytes.
  const digests = left.map((b) => createHash('sha256').update(readFileSync(join(backupsDir(dataDir), b.name))).digest('hex'))
  expect(new Set(digests).size).toBe(left.length)
  // Thinned: at most the newest few, one per bucket of each rule, and the pinned ones.
  const ceiling = KEEP_NEWEST + 24 + 7 + 9 + 13 + 2
  expect(left.length).toBeLessThanOrEqual(ceiling)
  // A backup from each of the last twelve months that had changes, and from each of the last few weeks and days.
  const months = new Set(left.map((b) => b.createdAt.slice(0, 7)))
  for (let m = 0; m < 12; m++) if (m !== 7) expect(months, `a backup from 2026-${String(m + 1).padStart(2, '0')}`).toContain(`2026-${String(m + 1).padStart(2, '0')}`)
  const ages = left.map((b) => now.getTime() - Date.parse(b.createdAt))
  expect(ages.filter((age) => age <= 7 * DAY).length).toBeGreaterThanOrEqual(5)
  expect(ages.every((age, i) => age <= RETENTION.at(-1)!.within || left[i]!.pinned)).toBe(true)
}, 300_000)
