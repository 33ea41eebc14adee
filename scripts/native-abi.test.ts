/** The check `npm run native:electron` and `npm start` make before trusting a better-sqlite3 build. */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../src/main/testing/temp'
import { electronPackage } from './electron.mjs'
import { registeredAbis, verifyModuleAbi } from './native-abi.mjs'

const nodeBuild = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node')

describe('the ABI check of a native module', () => {
  it('reads the ABI the installed Node build registers under: Node’s', () => {
    expect(registeredAbis(readFileSync(nodeBuild))).toEqual([process.versions.modules])
  })

  it('refuses the Node build in node_modules as Electron’s', () => {
    const electron = electronPackage()
    if ('reason' in electron) throw new Error(electron.reason)
    expect(electron.abi).toBe('150') // Electron 45
    expect(() => verifyModuleAbi(nodeBuild, electron.abi, `Electron ${electron.version}`)).toThrow(
      `is built for ABI ${process.versions.modules}, but Electron ${electron.version} needs 150`
    )
  })

  it('accepts a module that registers under the expected ABI, and only that one', () => {
    const file = join(tempDir(), 'better_sqlite3.node')
    writeFileSync(file, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0]), Buffer.from('\0node_register_module_v150\0napi\0')]))
    expect(() => verifyModuleAbi(file, '150')).not.toThrow()
    expect(() => verifyModuleAbi(file, '151')).toThrow('built for ABI 150, but Electron needs 151')
  })

  it('refuses a file that is no native module, a missing file and an unknown ABI', () => {
    const file = join(tempDir(), 'better_sqlite3.node')
    writeFileSync(file, 'not a binary')
    expect(() => verifyModuleAbi(file, '150')).toThrow('is not a native Node module')
    expect(() => verifyModuleAbi(join(tempDir(), 'absent.node'), '150')).toThrow('cannot be read')
    expect(() => verifyModuleAbi(nodeBuild, undefined)).toThrow("Electron's ABI is unknown")
  })
})
