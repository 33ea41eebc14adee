/**
 * Quitting the desktop app with a backup under way (will-quit runs
 * closeLibrary): the backup finishes, the library closes, nothing is left
 * half-written — on a real library and SQLite's real online backup.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../library/library'
import { startAutomaticBackups } from '../library/startup'
import { connect } from '../store/database'
import { apiOn, pasted } from '../testing/calls'
import { tempDir } from '../testing/temp'
import { closeLibrary } from './quit'

describe('quitting the desktop app', () => {
  it('waits for the backup under way, then closes the library: a complete backup, no .partial, no WAL', { timeout: 60_000 }, async () => {
    const dataDir = tempDir()
    const library = openLibrary(dataDir)
    // Enough pages that the online backup is still running when the quit comes.
    await apiOn(library).okAsync('importDocument', pasted('Officials said 114 fighters crossed. '.repeat(60_000), 'text', 'Long'))
    const backups = startAutomaticBackups(library) // starts a backup at once; the quit comes while it runs
    await closeLibrary(library, backups)
    const backupsDir = join(dataDir, 'backups')

    expect(library.db.open).toBe(false)
    const names = readdirSync(backupsDir)
    expect(names.filter((name) => name.endsWith('.partial'))).toEqual([])
    expect(names).toHaveLength(1)
    const copy = connect(join(backupsDir, names[0]!), { readonly: true })
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(copy.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(1)
    } finally {
      copy.close()
    }
    // A cleanly closed WAL database leaves no -wal file behind.
    expect(existsSync(join(dataDir, 'factmark.sqlite-wal'))).toBe(false)
  })

  it('(what closing at once would do: the backup under way is lost)', { timeout: 60_000 }, async () => {
    const dataDir = tempDir()
    const library = openLibrary(dataDir)
    await apiOn(library).okAsync('importDocument', pasted('Officials said 114 fighters crossed. '.repeat(60_000), 'text', 'Long'))
    const backups = startAutomaticBackups(library)
    library.close()
    await backups.settled()
    expect(readdirSync(join(dataDir, 'backups'))).toEqual([])
  })

  it('works before the library was ever opened (quit during start-up)', async () => {
    await expect(closeLibrary(undefined, undefined)).resolves.toBeUndefined()
  })
})
