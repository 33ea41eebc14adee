/**
 * The packaging configuration (electron-builder.yml), loaded and validated the
 * way `npm run dist` would, against electron-builder's own schema, plus the
 * fields Factmark relies on. The packaging itself needs Electron's download,
 * which these machines cannot reach.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)

interface Target {
  target?: string[]
}
interface Configuration {
  files?: (string | { filter: string[] })[]
  extraResources?: { from: string; to: string }[]
  npmRebuild?: boolean
  linux?: Target
  mac?: Target
  win?: Target
  electronFuses?: Record<string, boolean>
}
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Configuration>
  validateConfiguration(config: Configuration, logger: unknown): Promise<void>
}
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }

async function load(): Promise<Configuration> {
  return getConfig(process.cwd(), 'electron-builder.yml', null)
}

describe('packaging', () => {
  it('is valid by electron-builder’s schema', async () => {
    const config = await load()
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('a wrong field would be caught (the check is real)', async () => {
    const config = { ...(await load()), linux: { target: ['AppImage'], notAnOption: true } } as Configuration
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/Invalid configuration/)
  })

  it('builds AppImage and deb for Linux, dmg for macOS, nsis for Windows', async () => {
    const config = await load()
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.mac?.target).toEqual(['dmg'])
    expect(config.win?.target).toEqual(['nsis'])
  })

  it('ships the Electron build of better-sqlite3 where the main process looks for it', async () => {
    const config = await load()
    expect(config.extraResources).toContainEqual({ from: 'native/electron/better_sqlite3.node', to: 'native/better_sqlite3.node' })
    expect(readFileSync('scripts/native-electron.mjs', 'utf8')).toContain('native')
    expect(readFileSync('src/main/electron/index.ts', 'utf8')).toContain("join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node')")
    // The Node build in node_modules stays for the tests; nothing rebuilds it for Electron.
    expect(config.npmRebuild).toBe(false)
  })

  it('packs the built app and locks the binary down with fuses', async () => {
    const config = await load()
    const files = (config.files ?? []).flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.filter))
    expect(files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**']))
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, onlyLoadAppFromAsar: true })
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; scripts: Record<string, string> }
    expect(pkg.main).toBe('out/main/index.js')
    expect(pkg.scripts.dist).toMatch(/native:electron.*electron-builder/)
    expect(existsSync('scripts/native-electron.mjs')).toBe(true)
  })
})
