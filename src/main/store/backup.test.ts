/**
 * Backups on real files: taken with the online backup API, never twice for an
 * unchanged library, thinned by age, and restored through the API (undoable)
 * or with the library closed.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { OperationName } from '../../shared/api'
import type { ArticleDocument, Backup, RestoredBackup } from '../../shared/model'
import { dispatch } from '../operations/dispatch'
import { openLibrary } from '../library/library'
import { startAutomaticBackups } from '../library/startup'
import { pasted } from '../testing/calls'
import { snapshot, tempDir, tempLibrary } from '../testing/temp'
import { backUp, backupsDir, KEEP_NEWEST, listBackups, restoreBackup } from './backup'
import { connect } from './database'

function setup() {
  const library = tempLibrary()
  const call = (name: OperationName, input: unknown) => dispatch(library.service, name, input)
  const ok = <T>(name: OperationName, input: unknown): T => {
    const outcome = call(name, input)
    if (!outcome.ok) throw new Error(`${name} failed: ${outcome.error.message}`)
    return outcome.value as T
  }
  const importArticle = (text: string) => ok<ArticleDocument>('importDocument', pasted(text))
  const titles = () => ok<{ title: string }[]>('listDocuments', {}).map((d) => d.title).sort()
  return { library, call, ok, importArticle, titles }
}

describe('taking backups', () => {
  it('writes a standalone, sound copy of the library into backups/', async () => {
    const { library, importArticle } = setup()
    importArticle('First article\n\nIt says 114 people joined.')
    const backup = await backUp(library.db, library.dataDir)
    expect(backup.name).toMatch(/^factmark-.*\.sqlite$/)
    const copy = connect(join(backupsDir(library.dataDir), backup.name), { readonly: true, fileMustExist: true })
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
      expect(snapshot(copy)).toBe(snapshot(library.db))
    } finally {
      copy.close()
    }
    expect(readdirSync(backupsDir(library.dataDir)).filter((n) => n.endsWith('.partial'))).toEqual([])
  })

  it('takes no second backup of an unchanged library: eleven restarts leave one backup', async () => {
    const { library, importArticle } = setup()
    importArticle('Only\n\nNothing changes after this.')
    const first = await backUp(library.db, library.dataDir, new Date(Date.UTC(2026, 0, 1)))
    for (let i = 1; i <= 10; i++) {
      const again = await backUp(library.db, library.dataDir, new Date(Date.UTC(2026, 0, 1, 0, i)))
      expect(again.name).toBe(first.name)
    }
    expect(listBackups(library.dataDir).map((b) => b.name)).toEqual([first.name])
  }, 60_000)

  it('a day of restarts with changes keeps last week’s backup', async () => {
    const { library, importArticle } = setup()
    importArticle('Last week\n\nThe state a week ago.')
    const lastWeek = await backUp(library.db, library.dataDir, new Date(Date.UTC(2026, 0, 1, 12)))
    for (let i = 0; i < 40; i++) {
      importArticle(`Edit ${i}\n\nA change between restarts.`)
      await backUp(library.db, library.dataDir, new Date(Date.UTC(2026, 0, 8, 0, i * 30)))
    }
    const names = listBackups(library.dataDir).map((b) => b.name)
    expect(names).toContain(lastWeek.name)
    expect(names.length).toBeLessThan(41)
    expect(names.length).toBeGreaterThanOrEqual(KEEP_NEWEST)
  }, 60_000)

  it('backs up at start-up and then only after changes', async () => {
    const { library, importArticle } = setup()
    const automatic = startAutomaticBackups(library, 60 * 60 * 1000)
    try {
      await automatic.settled()
      expect(listBackups(library.dataDir)).toHaveLength(1)
      await automatic.check()
      expect(listBackups(library.dataDir)).toHaveLength(1)
      importArticle('Changed\n\nA new article.')
      await automatic.check()
      expect(listBackups(library.dataDir)).toHaveLength(2)
    } finally {
      automatic.stop()
    }
  })
})

describe('restoring', () => {
  it('through the API: the library becomes the backup, and the replaced library is kept as a backup', async () => {
    const { library, ok, importArticle, titles } = setup()
    importArticle('Before\n\nKept in the backup.')
    const backup = await backUp(library.db, library.dataDir)
    importArticle('After\n\nWritten after the backup.')
    expect(ok<Backup[]>('listBackups', {}).map((b) => b.name)).toEqual([backup.name])

    const restored = ok<RestoredBackup>('restoreBackup', { name: backup.name })
    expect(restored.restored).toBe(backup.name)
    expect(restored.keptAs).toMatch(/^factmark-.*\.sqlite$/)
    expect(titles()).toEqual(['Before'])
    expect(library.db.pragma('integrity_check', { simple: true })).toBe('ok')
    importArticle('Later\n\nThe restored library takes writes.')

    // Undo: restore the kept one.
    ok<RestoredBackup>('restoreBackup', { name: restored.keptAs })
    expect(titles()).toEqual(['After', 'Before'])
  })

  it('refuses a backup that does not exist or is not a backup name, and changes nothing', async () => {
    const { library, call } = setup()
    await backUp(library.db, library.dataDir)
    const before = snapshot(library.db)
    for (const [name, code] of [
      ['factmark-2020-01-01T00-00-00-000Z.sqlite', 'not_found'],
      ['../factmark.sqlite', 'invalid_input'],
      ['factmark.sqlite', 'invalid_input']
    ] as const) {
      const outcome = call('restoreBackup', { name })
      expect(outcome.ok ? 'ok' : outcome.error.code, name).toBe(code)
    }
    expect(snapshot(library.db)).toBe(before)
    expect(listBackups(library.dataDir)).toHaveLength(1)
  })

  it('with the library closed (the CLI): the chosen backup replaces it, the old file is kept', async () => {
    const dataDir = tempDir()
    let library = openLibrary(dataDir)
    dispatch(library.service, 'importDocument', pasted('Old\n\nOld text.'))
    const backup = await backUp(library.db, dataDir)
    dispatch(library.service, 'importDocument', pasted('New\n\nNew text.'))
    library.close()

    const result = restoreBackup(dataDir, backup.name)
    expect(existsSync(join(backupsDir(dataDir), result.keptAs!))).toBe(true)
    library = openLibrary(dataDir)
    try {
      const outcome = dispatch(library.service, 'listDocuments', {})
      expect(outcome.ok && (outcome.value as { title: string }[]).map((d) => d.title)).toEqual(['Old'])
    } finally {
      library.close()
    }
  })
})
