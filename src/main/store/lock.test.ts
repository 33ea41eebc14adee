/**
 * The library lock with a real second process (src/main/testing/holder.ts):
 * a restore refuses while another process has the library open, naming it;
 * ordinary writes go on beside it; once that process is gone (even killed
 * with SIGKILL, leaving its registration behind) the restore works.
 */
import type { ChildProcess } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RestoredBackup } from '../../shared/model'
import { DATABASE_FILE } from './datadir'
import { dispatch } from '../operations/dispatch'
import { openLibrary } from '../library/library'
import { startProcess } from '../testing/process'
import { tempDir } from '../testing/temp'
import { backUp, restoreBackup } from './backup'
import { registerUser, usersDir, whileSoleUser } from './lock'

/** Starts the holder on `dataDir`; resolves once it has the library open. */
function holder(dataDir: string): Promise<ChildProcess> {
  return startProcess(['node_modules/vite-node/dist/cli.mjs', 'src/main/testing/holder.ts', dataDir], 'open\n')
}

const exited = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve))

describe('the library lock', () => {
  it('refuses a restore while another process has the library open, naming it; writes go on; after a kill -9 the restore works', async () => {
    const dataDir = tempDir()
    const library = openLibrary(dataDir)
    dispatch(library.service, 'importDocument', { source: { kind: 'text', text: 'Kept\n\nIn the backup.', format: 'text' } })
    const backup = await backUp(library.db, dataDir)
    library.close()

    const other = await holder(dataDir)
    try {
      // Through the API of an open library (as the app's Backups dialog would).
      const mine = openLibrary(dataDir)
      try {
        expect(dispatch(mine.service, 'importDocument', { source: { kind: 'text', text: 'Beside\n\nWritten while the other process has it open.', format: 'text' } }).ok).toBe(true)
        const refused = dispatch(mine.service, 'restoreBackup', { name: backup.name })
        expect(refused.ok).toBe(false)
        expect(!refused.ok && refused.error).toMatchObject({ code: 'conflict' })
        expect(!refused.ok && refused.error.message).toContain(`the lock test’s holder (pid ${other.pid}`)
      } finally {
        mine.close()
      }
      // With the library closed here (as the CLI does).
      expect(() => restoreBackup(dataDir, backup.name)).toThrow(new RegExp(`while the library is open in the lock test’s holder \\(pid ${other.pid}, open since `))
      expect(readdirSync(join(dataDir, 'backups')).filter((n) => n.endsWith('.sqlite'))).toEqual([backup.name])
    } finally {
      other.kill('SIGKILL')
      await exited(other)
    }
    // Its registration is still there; the liveness check sees the process is gone.
    expect(readdirSync(usersDir(join(dataDir, DATABASE_FILE))).some((n) => n.startsWith(`${other.pid}-`))).toBe(true)
    const restored: RestoredBackup = restoreBackup(dataDir, backup.name)
    expect(restored.keptAs).not.toBeNull()
    expect(readdirSync(usersDir(join(dataDir, DATABASE_FILE))).some((n) => n.startsWith(`${other.pid}-`))).toBe(false)
    const reopened = openLibrary(dataDir)
    try {
      const titles = dispatch(reopened.service, 'listDocuments', {})
      expect(titles.ok && (titles.value as { title: string }[]).map((d) => d.title)).toEqual(['Kept'])
    } finally {
      reopened.close()
    }
  }, 120_000)

  it('an opener waits while a replacement is under way, and a replacer sees an opener', () => {
    const file = join(tempDir(), DATABASE_FILE)
    // Inside a replacement, this process may still open (the restore reopens the library itself).
    const inside = whileSoleUser(file, 'test', () => registerUser(file, 'inner'))
    inside.release()
    const opener = registerUser(file, 'opener')
    expect(whileSoleUser(file, 'replace', () => 'done', opener)).toBe('done')
    const second = registerUser(file, 'second opener')
    expect(() => whileSoleUser(file, 'replace the library', () => 'done', opener)).toThrow(/Cannot replace the library while the library is open in second opener \(pid \d+/)
    second.release()
    opener.release()
    expect(existsSync(join(usersDir(file), 'replacing'))).toBe(false)
  })
})
