import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dataDirFlag, defaultDataDir, resolveDataDir } from './datadir'
import { tempDir } from '../testing/temp'

describe('data directory', () => {
  it('defaults to the per-user application data folder of each OS', () => {
    expect(defaultDataDir('linux', {})).toBe(join(homedir(), '.config', 'Factmark'))
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' })).toBe(join('/x', 'Factmark'))
    expect(defaultDataDir('darwin', {})).toBe(join(homedir(), 'Library', 'Application Support', 'Factmark'))
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' })).toBe(join('C:\\Users\\a\\AppData\\Roaming', 'Factmark'))
  })
  it('takes the --data-dir flag over FACTMARK_DATA_DIR, and creates it', () => {
    const base = tempDir()
    expect(dataDirFlag(['node', 'x', '--data-dir', '/a'])).toBe('/a')
    expect(dataDirFlag(['--data-dir=/b'])).toBe('/b')
    const fromFlag = resolveDataDir(['--data-dir', join(base, 'flag')], { FACTMARK_DATA_DIR: join(base, 'env') })
    expect(fromFlag).toBe(join(base, 'flag'))
    expect(existsSync(fromFlag)).toBe(true)
    expect(resolveDataDir([], { FACTMARK_DATA_DIR: join(base, 'env') })).toBe(join(base, 'env'))
  })
})
