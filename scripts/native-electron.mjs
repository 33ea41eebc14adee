#!/usr/bin/env node
// `npm run native:electron [-- --arch arm64]`: builds better-sqlite3 for
// Electron's ABI into native/electron/<platform>-<arch>/, apart from the Node
// build in node_modules that the tests use, so neither overwrites the other.
//
// The build is @electron/rebuild's (a prebuilt binary through prebuild-install
// with --runtime electron, else node-gyp against Electron's headers), and it
// is then checked: the binary must register under Electron's ABI
// (node_modules/electron/abi_version). A Node-ABI build is refused, never
// reported as Electron's. Both routes need the network (GitHub release
// downloads, electronjs.org headers); where they cannot be reached the script
// says so and exits 1, and `npm start` serves the browser host instead.
import { rebuild } from '@electron/rebuild'
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { electronPackage } from './electron.mjs'
import { verifyModuleAbi } from './native-abi.mjs'
import { electronBuildOfSqlite } from './native-paths.mjs'

const projectDir = resolve(dirname(new URL(import.meta.url).pathname), '..')
const { values } = parseArgs({ options: { arch: { type: 'string', default: process.arch } } })
const arch = values.arch
const platform = process.platform
const fail = (message) => {
  console.error(`native:electron: ${message}`)
  process.exit(1)
}

const electron = electronPackage()
if ('reason' in electron) fail(electron.reason)
if (!electron.abi) fail(`Electron ${electron.version}'s ABI is unknown (no node_modules/electron/abi_version), so no build could be checked.`)

// A copy of better-sqlite3 without its Node build, inside the project so that
// @electron/rebuild finds prebuild-install and node-gyp in node_modules.
const sqliteDir = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'))
const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version
const work = join(projectDir, 'native', `.build-${process.pid}`)
const target = electronBuildOfSqlite(projectDir, platform, arch)
try {
  mkdirSync(join(work, 'node_modules'), { recursive: true })
  cpSync(sqliteDir, join(work, 'node_modules', 'better-sqlite3'), { recursive: true, filter: (src) => !src.startsWith(join(sqliteDir, 'build')) })
  const appPackage = { name: 'factmark-native', version: '0.0.0', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }
  writeFileSync(join(work, 'package.json'), JSON.stringify(appPackage))
} catch (error) {
  rmSync(work, { recursive: true, force: true })
  fail(`could not prepare the build: ${error.message}`)
}

// npm passes its configuration to scripts as npm_config_*; `nodedir` there
// makes node-gyp build against Node's headers whatever the target says.
for (const name of Object.keys(process.env)) {
  if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|build_from_source)$/i.test(name)) delete process.env[name]
}

let failure
try {
  console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electron.version} (ABI ${electron.abi}, ${platform}-${arch})…`)
  await rebuild({ buildPath: work, electronVersion: electron.version, arch, platform, onlyModules: ['better-sqlite3'], force: true })
  const built = join(work, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
  verifyModuleAbi(built, electron.abi, `Electron ${electron.version}`)
  mkdirSync(dirname(target), { recursive: true })
  renameSync(built, target)
} catch (error) {
  failure = String(error?.message ?? error).split('\n')[0]
} finally {
  rmSync(work, { recursive: true, force: true })
}
if (failure) {
  fail(
    `no Electron build of better-sqlite3 was made: ${failure}.\n` +
      'Both ways of making one download something: a prebuilt binary from GitHub (prebuild-install), ' +
      "or Electron's headers from electronjs.org (node-gyp). On a machine that reaches neither, " +
      '`npm start` serves the browser host instead.'
  )
}
console.log(`Built ${relative(projectDir, target)} for Electron ${electron.version}: it registers under ABI ${electron.abi}, as Electron needs.`)
