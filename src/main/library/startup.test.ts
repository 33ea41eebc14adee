/**
 * Start-up with a damaged library: truncated, byte-flipped, or not a
 * database at all. The file is moved aside with its bytes intact, the
 * analyst is told, and the newest good backup can be restored.
 */
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ArticleDocument } from '../../shared/model'
import { DATABASE_FILE } from '../store/datadir'
import { dispatch } from '../operations/dispatch'
import { openLibrary, type Library } from './library'
import { describeDamage, libraryDamage, openLibraryAtStartup, restoreNewestBackup, type Damage, type RecoveryChoice } from './startup'
import { backUp } from '../store/backup'
import { pasted } from '../testing/calls'
import { tempDir } from '../testing/temp'

const LONG = 'A long article\n\n' + Array.from({ length: 400 }, (_, i) => `Paragraph ${i}: officials said ${i * 3} people were counted.`).join('\n\n')

function titles(library: Library): string[] {
  const outcome = dispatch(library.service, 'listDocuments', {})
  if (!outcome.ok) throw new Error(outcome.error.message)
  return (outcome.value as { title: string }[]).map((d) => d.title).sort()
}

/** A closed library with two articles, the first of them in a backup. */
async function libraryWithBackup(): Promise<string> {
  const dataDir = tempDir()
  const library = openLibrary(dataDir)
  dispatch(library.service, 'importDocument', pasted(LONG))
  await backUp(library.db, dataDir)
  const second = dispatch(library.service, 'importDocument', pasted('After the backup\n\nMore text.'))
  expect((second as { value: ArticleDocument }).value.title).toBe('After the backup')
  library.close()
  return dataDir
}

const damages: Record<string, (file: string) => void> = {
  'truncated to half': (file) => truncateSync(file, Math.floor(readFileSync(file).length / 2)),
  'truncated to nothing': (file) => truncateSync(file, 0),
  'byte-flipped page headers': (file) => {
    const bytes = readFileSync(file)
    for (let page = 4096; page < bytes.length; page += 4096) for (let i = 0; i < 12; i++) bytes[page + i]! ^= 0xff
    writeFileSync(file, bytes)
  },
  'byte-flipped file header': (file) => {
    const bytes = readFileSync(file)
    for (let i = 0; i < 16; i++) bytes[i]! ^= 0x5a
    writeFileSync(file, bytes)
  },
  'not a database': (file) => writeFileSync(file, 'These are my notes, saved over the library by mistake.\n'.repeat(200))
}

describe('a damaged library at start-up', () => {
  for (const [kind, damage] of Object.entries(damages)) {
    it(`${kind}: moved aside intact, reported, and the newest good backup restored on request`, async () => {
      const dataDir = await libraryWithBackup()
      const file = join(dataDir, DATABASE_FILE)
      damage(file)
      const damagedBytes = readFileSync(file)
      expect(libraryDamage(dataDir)).not.toBeNull()

      let seen: Damage | undefined
      const library = openLibraryAtStartup(dataDir, (d) => {
        seen = d
        return 'restore'
      })
      expect(library).not.toBeNull()
      try {
        expect(seen!.file).toBe(file)
        expect(readFileSync(seen!.movedTo).equals(damagedBytes)).toBe(true)
        expect(seen!.backup).toBeDefined()
        const message = describeDamage(seen!)
        expect(message).toContain('damaged')
        expect(message).toContain(seen!.movedTo)
        expect(message).toContain(seen!.backup!.name)
        expect(titles(library!)).toEqual(['A long article'])
        expect(library!.db.pragma('integrity_check', { simple: true })).toBe('ok')
      } finally {
        library!.close()
      }
    })
  }

  it('quitting leaves the damaged file aside and creates nothing', async () => {
    const dataDir = await libraryWithBackup()
    damages['not a database']!(join(dataDir, DATABASE_FILE))
    let movedTo = ''
    const choose = (d: Damage): RecoveryChoice => {
      movedTo = d.movedTo
      return 'quit'
    }
    expect(openLibraryAtStartup(dataDir, choose)).toBeNull()
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(false)
    expect(readFileSync(movedTo, 'utf8')).toMatch(/^These are my notes/)
  })

  it('after quitting, the next start with --restore-newest-backup brings the backup back', async () => {
    const dataDir = await libraryWithBackup()
    damages['byte-flipped page headers']!(join(dataDir, DATABASE_FILE))
    expect(openLibraryAtStartup(dataDir, () => 'quit')).toBeNull()
    expect(restoreNewestBackup(dataDir)?.keptAs).toBeNull() // nothing sound to keep: the damaged file is aside already
    const library = openLibraryAtStartup(dataDir, () => {
      throw new Error('the restored library should be sound')
    })!
    try {
      expect(titles(library)).toEqual(['A long article'])
    } finally {
      library.close()
    }
  })

  it('starting empty gives a fresh library and keeps the damaged one aside', async () => {
    const dataDir = await libraryWithBackup()
    damages['truncated to half']!(join(dataDir, DATABASE_FILE))
    const library = openLibraryAtStartup(dataDir, () => 'empty')!
    try {
      expect(titles(library)).toEqual([])
    } finally {
      library.close()
    }
  })

  it('a sound library opens without asking', async () => {
    const dataDir = await libraryWithBackup()
    const library = openLibraryAtStartup(dataDir, () => {
      throw new Error('asked about a sound library')
    })!
    try {
      expect(titles(library)).toEqual(['A long article', 'After the backup'])
    } finally {
      library.close()
    }
  })
})
