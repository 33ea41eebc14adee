/**
 * Packaging, offline: electron-builder builds the Linux layout (`--dir`) from
 * electron-builder.yml with a stand-in Electron — a placeholder executable
 * that carries the fuse sentinel and wire @electron/fuses looks for — and a
 * stand-in better-sqlite3 binding registered under Electron's ABI. Then the
 * test looks at what users would get: what is inside app.asar and beside it,
 * and the fuses written into the executable.
 */
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses'
import { extractFile, listPackage } from '@electron/asar'
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { electronPackage } from '../scripts/electron.mjs'
import { registeredAbis, verifyModuleAbi } from '../scripts/native-abi.mjs'
import { electronBuildOfSqlite } from '../scripts/native-paths.mjs'

const require = createRequire(import.meta.url)
interface Configuration {
  files?: string[]
  extraResources?: { from: string; to: string }[]
  npmRebuild?: boolean
  linux?: { target?: string[]; executableName?: string }
  mac?: { target?: string[] }
  win?: { target?: string[] }
  electronFuses?: Record<string, boolean>
}
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Configuration>
  validateConfiguration(config: Configuration, logger: unknown): Promise<void>
}
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }
const builder = require('electron-builder') as typeof import('electron-builder')

const load = (): Promise<Configuration> => getConfig(process.cwd(), 'electron-builder.yml', null)
const electron = electronPackage()
if ('reason' in electron) throw new Error(electron.reason)

// One build for all the tests below, in one directory removed at the end.
const work = mkdtempSync(join(tmpdir(), 'factmark-packaging-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))
const tempDir = (name: string): string => {
  const dir = join(work, name)
  mkdirSync(dir, { recursive: true })
  return dir
}

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/** Electron's default wire (fuse version 1, 8 fuses): RunAsNode, cookie encryption, NODE_OPTIONS, --inspect, asar integrity, asar only, V8 snapshot, file:// privileges. */
const DEFAULT_WIRE = '10110001'

/** An unpacked "Electron" for electron-builder's electronDist: the executable is a stub with Electron's fuse wire. */
function standInElectron(): string {
  const dir = tempDir('electron-dist')
  const executable = join(dir, 'electron')
  writeFileSync(executable, Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n# '), Buffer.from(SENTINEL), Buffer.from([1, DEFAULT_WIRE.length]), Buffer.from(DEFAULT_WIRE), Buffer.from('\n')]))
  chmodSync(executable, 0o755)
  mkdirSync(join(dir, 'resources'), { recursive: true })
  writeFileSync(join(dir, 'LICENSE'), 'stand-in')
  return dir
}

/** A file named and placed as `npm run native:electron` leaves it, registering under Electron's ABI. */
function standInBinding(): string {
  const file = join(tempDir('native'), 'better_sqlite3.node')
  writeFileSync(file, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.from(`\0node_register_module_v${electron.abi}\0`)]))
  return file
}

let appDir: string
let asar: string[]
let config: Configuration

beforeAll(async () => {
  config = await load()
  // The built app: `npm test` runs the unit tests before its build step, so build when it is missing.
  if (!['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].every((file) => existsSync(file))) {
    const built = spawnSync(process.execPath, [join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { encoding: 'utf8' })
    if (built.status !== 0) throw new Error(`electron-vite build failed: ${built.stderr}`)
  }
  // The configuration as it is, except that the binding comes from the stand-in (not from a developer's native/).
  const binding = standInBinding()
  const configFile = join(work, 'electron-builder.json')
  writeFileSync(
    configFile,
    JSON.stringify({
      ...config,
      extraResources: config.extraResources?.map((entry) => ({ ...entry, from: binding })),
      electronDist: standInElectron(),
      directories: { ...(config as { directories?: object }).directories, output: join(work, 'dist') }
    })
  )
  await builder.build({
    projectDir: process.cwd(),
    config: configFile,
    targets: builder.Platform.LINUX.createTarget('dir', builder.Arch[process.arch as 'x64']),
    publish: 'never'
  })
  const dist = join(work, 'dist')
  appDir = join(dist, readdirSync(dist).find((name) => name.endsWith('-unpacked'))!)
  asar = listPackage(join(appDir, 'resources', 'app.asar'), { isPack: false }).map((path) => path.replaceAll('\\', '/'))
}, 240_000)

interface LockEntry {
  version?: string
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}

/**
 * The lock's node_modules paths the app's dependencies reach at run time: the
 * production tree without better-sqlite3's install-time prebuild-install.
 */
function runtimeTree(lock: Record<string, LockEntry>, pkg: { dependencies: Record<string, string> }): Set<string> {
  const resolveFrom = (from: string, name: string): string | undefined => {
    for (let base = from; ; base = base.includes('/node_modules/') ? base.slice(0, base.lastIndexOf('/node_modules/')) : '') {
      const key = `${base ? `${base}/` : ''}node_modules/${name}`
      if (lock[key]) return key
      if (!base) return undefined
    }
  }
  const seen = new Set<string>()
  const queue = Object.keys(pkg.dependencies).map((name) => resolveFrom('', name))
  while (queue.length) {
    const key = queue.pop()
    if (!key || seen.has(key)) continue
    seen.add(key)
    const entry = lock[key]!
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      if (key === 'node_modules/better-sqlite3' && name === 'prebuild-install') continue
      queue.push(resolveFrom(key, name))
    }
  }
  return seen
}

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(join(dir, name)).isFile())
}

describe('the packaged desktop app (electron-builder --dir, Linux, stand-in Electron)', () => {
  it('is valid by electron-builder’s schema, and a wrong field would be caught', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    const wrong = { ...config, linux: { target: ['AppImage'], notAnOption: true } } as Configuration
    await expect(validateConfiguration(wrong, new DebugLogger(false))).rejects.toThrow(/Invalid configuration/)
  })

  it('builds AppImage and deb for Linux, dmg for macOS, nsis for Windows', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.mac?.target).toEqual(['dmg'])
    expect(config.win?.target).toEqual(['nsis'])
  })

  it('names the desktop executable factmark-desktop, so `factmark` stays the command line', () => {
    expect(readdirSync(appDir)).toContain('factmark-desktop')
    expect(readdirSync(appDir)).not.toContain('factmark')
    // The deb's post-install links /usr/bin/<executable> to the app: factmark-desktop, not factmark.
    const afterInstall = readFileSync(require.resolve('app-builder-lib/templates/linux/after-install.tpl'), 'utf8')
    expect(afterInstall).toContain("ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'")
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> }
    expect(pkg.bin.factmark).toBe('out/main/cli.js')
  })

  it('app.asar holds the main, preload and renderer bundles', () => {
    expect(asar).toEqual(expect.arrayContaining(['/package.json', '/out/main/index.js', '/out/main/cli.js', '/out/preload/index.cjs', '/out/renderer/index.html']))
    expect(asar.filter((path) => path.endsWith('.map'))).toEqual([])
  })

  it('app.asar holds every package the main process imports, and no renderer-only one', () => {
    const packages = new Set(asar.filter((path) => /^\/node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/.test(path)).map((path) => path.slice('/node_modules/'.length, -'/package.json'.length)))
    const imported = new Set<string>()
    for (const file of filesUnder('out/main').filter((name) => name.endsWith('.js'))) {
      const code = readFileSync(join('out/main', file), 'utf8')
      // Static imports at the start of a statement, dynamic imports, require and require.resolve.
      const statements = /(?:^|[;\n])\s*import[^'"]*from\s*["']([^"'./][^"']*)["']|(?:\bimport|\brequire|\.resolve)\(\s*["']([^"'./][^"']*)["']/g
      for (const match of code.matchAll(statements)) {
        const specifier = (match[1] ?? match[2])!
        if (specifier.startsWith('node:') || specifier === 'electron') continue
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!
        if (builtinModules.includes(name)) continue
        imported.add(specifier)
        expect(packages, `${specifier} is imported by out/main/${file}`).toContain(name)
      }
    }
    expect([...imported]).toEqual(expect.arrayContaining(['better-sqlite3', 'pdfjs-dist/legacy/build/pdf.mjs']))
    expect(asar).toEqual(expect.arrayContaining(['/node_modules/pdfjs-dist/legacy/build/pdf.mjs', '/node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs']))
    for (const rendererOnly of ['react', 'react-dom', 'scheduler', 'prosemirror-model', 'prosemirror-state', 'prosemirror-view', 'prosemirror-keymap']) {
      expect(packages).not.toContain(rendererOnly)
    }
    expect(packages).not.toContain('prebuild-install')
  })

  it('app.asar holds every installed package the runtime dependencies need (name and version), except prebuild-install’s', () => {
    const lock = (JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> }).packages
    const needed = runtimeTree(lock, JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> })
    // electron-builder lays node_modules out anew (hoisting differently), so compare name@version, not paths.
    const packed = new Set(
      asar
        .filter((path) => /\/node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(path))
        .map((path) => JSON.parse(extractFile(join(appDir, 'resources', 'app.asar'), path.slice(1)).toString('utf8')) as { name?: string; version?: string })
        .map((manifest) => `${manifest.name}@${manifest.version}`)
    )
    const wanted = [...needed].filter((key) => existsSync(key)).map((key) => `${key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${lock[key]!.version}`)
    expect(wanted.filter((name) => !packed.has(name))).toEqual([])
    expect(wanted.length).toBeGreaterThan(50)
  })

  it('ships no Node-ABI binary and no test extension, in app.asar or unpacked beside it', () => {
    const unpacked = join(appDir, 'resources', 'app.asar.unpacked')
    const binaries = [...asar.filter((path) => path.endsWith('.node')), ...filesUnder(unpacked).filter((name) => name.endsWith('.node')).map((name) => `/${name}`)]
    expect(binaries.filter((path) => path.includes('better-sqlite3') || path.includes('test_extension'))).toEqual([])
    // What remains (pdf.js's canvas) is Node-API, loadable by any runtime: it registers under no ABI number.
    for (const path of new Set(binaries)) {
      const file = join(unpacked, path)
      expect(existsSync(file), `${path} is unpacked beside app.asar`).toBe(true)
      expect(registeredAbis(readFileSync(file)), path).toEqual([])
    }
  })

  it('puts the Electron-ABI better-sqlite3 in resources/native, where the app looks for it', () => {
    expect(config.extraResources).toEqual([{ from: 'native/electron/${platform}-${arch}/better_sqlite3.node', to: 'native/better_sqlite3.node' }])
    // The pattern is where `npm run native:electron` writes (after electron-builder's macros).
    const expanded = config.extraResources![0]!.from.replace('${platform}', process.platform).replace('${arch}', process.arch)
    expect(expanded).toBe(relative(process.cwd(), electronBuildOfSqlite(process.cwd())).replaceAll('\\', '/'))
    const shipped = join(appDir, 'resources', 'native', 'better_sqlite3.node')
    expect(() => verifyModuleAbi(shipped, electron.abi)).not.toThrow()
    expect(config.npmRebuild).toBe(false)
  })

  it('writes the fuses into the executable: no RunAsNode, no NODE_OPTIONS, no --inspect, asar only and checked', async () => {
    // A fuse is the byte '0' (off) or '1' (on) after the sentinel (@electron/fuses, FuseState); the stand-in started as DEFAULT_WIRE.
    const [OFF, ON] = [0x30, 0x31]
    const wire = (await getCurrentFuseWire(join(appDir, 'factmark-desktop'))) as unknown as Record<number, number>
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF)
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF)
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF)
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON)
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON)
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ON)
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(OFF)
    // macOS: the edited binary is re-signed ad hoc, or Apple Silicon kills an unsigned build at launch.
    expect(config.electronFuses?.resetAdHocDarwinSignature).toBe(true)
  })
})
