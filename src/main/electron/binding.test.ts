/** The Electron build of better-sqlite3 is found the same way however the desktop app is started. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { electronBuildOfSqlite } from '../../../scripts/native-paths.mjs'
import { tempDir } from '../testing/temp'
import { electronSqliteBinding } from './binding'

function place(file: string): string {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, 'stand-in')
  return file
}

/** A project checkout with a built main bundle and an Electron build of better-sqlite3. */
function project(): { root: string; binding: string; mainDir: string } {
  const root = tempDir()
  const mainDir = join(root, 'out', 'main')
  place(join(mainDir, 'index.js'))
  return { root, mainDir, binding: place(electronBuildOfSqlite(root, 'linux', 'x64')) }
}
const linux = { platform: 'linux', arch: 'x64' }

describe('the Electron build of better-sqlite3', () => {
  it('in development (`electron .`, app path: the project): native/electron/<platform>-<arch>', () => {
    const { root, mainDir, binding } = project()
    expect(binding).toBe(join(root, 'native', 'electron', 'linux-x64', 'better_sqlite3.node'))
    expect(electronSqliteBinding({ packaged: false, resourcesPath: '/opt/electron/resources', mainDir, env: {}, ...linux })).toEqual({ path: binding })
  })

  it('in the e2e launch (`electron out/main/index.js`, app path: out/main), from any working directory', () => {
    const { mainDir, binding } = project()
    const cwd = process.cwd()
    process.chdir(tempDir())
    try {
      expect(electronSqliteBinding({ packaged: false, resourcesPath: '/opt/electron/resources', mainDir, env: {}, ...linux })).toEqual({ path: binding })
    } finally {
      process.chdir(cwd)
    }
  })

  it('packaged: <resources>/native/better_sqlite3.node, whatever else is around', () => {
    const install = tempDir()
    const resources = join(install, 'resources')
    const shipped = place(join(resources, 'native', 'better_sqlite3.node'))
    // Inside app.asar the main bundle is at resources/app.asar/out/main; a development build beside it is not used.
    const mainDir = join(resources, 'app.asar', 'out', 'main')
    place(electronBuildOfSqlite(join(resources, 'app.asar'), 'linux', 'x64'))
    expect(electronSqliteBinding({ packaged: true, resourcesPath: resources, mainDir, env: {}, ...linux })).toEqual({ path: shipped })
  })

  it('FACTMARK_SQLITE_BINDING is honoured only when the app is not packaged', () => {
    const other = place(join(tempDir(), 'elsewhere', 'better_sqlite3.node'))
    const { mainDir } = project()
    const env = { FACTMARK_SQLITE_BINDING: other }
    expect(electronSqliteBinding({ packaged: false, resourcesPath: '/nowhere', mainDir, env, ...linux })).toEqual({ path: other })

    const resources = join(tempDir(), 'resources')
    const shipped = place(join(resources, 'native', 'better_sqlite3.node'))
    const packaged = { packaged: true, resourcesPath: resources, mainDir: join(resources, 'app.asar', 'out', 'main'), env, ...linux }
    expect(electronSqliteBinding(packaged)).toEqual({ path: shipped })
  })

  it('says what is missing instead of falling back to the Node build', () => {
    const root = tempDir()
    const mainDir = join(root, 'out', 'main')
    const dev = electronSqliteBinding({ packaged: false, resourcesPath: '/nowhere', mainDir, env: {}, ...linux })
    expect(dev).toEqual({ missing: expect.stringContaining('run `npm run native:electron` first') })
    const packaged = electronSqliteBinding({ packaged: true, resourcesPath: join(root, 'resources'), mainDir, env: {}, ...linux })
    expect(packaged).toEqual({ missing: expect.stringContaining('Reinstall Factmark') })
    const wrongOverride = electronSqliteBinding({ packaged: false, resourcesPath: '/nowhere', mainDir, env: { FACTMARK_SQLITE_BINDING: join(root, 'x.node') }, ...linux })
    expect(wrongOverride).toEqual({ missing: expect.stringContaining('FACTMARK_SQLITE_BINDING names') })
  })
})
