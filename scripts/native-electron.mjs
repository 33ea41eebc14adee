#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into native/electron/, apart from
// the Node build in node_modules that the tests use, so neither overwrites
// the other. The desktop app loads it through better-sqlite3's nativeBinding
// option. Needs Electron's headers, which node-gyp downloads.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const electronVersion = require('electron/package.json').version
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'))
const work = mkdtempSync(join(tmpdir(), 'factmark-native-'))
try {
  cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${join('build', 'Release')}`) })
  // better-sqlite3's own install script (prebuild-install, else node-gyp),
  // pointed at Electron through npm's config variables.
  const result = spawnSync('npm', ['run', 'install'], {
    cwd: work,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: {
      ...process.env,
      npm_config_runtime: 'electron',
      npm_config_target: electronVersion,
      npm_config_disturl: 'https://electronjs.org/headers',
      npm_config_build_from_source: process.env.npm_config_build_from_source ?? ''
    }
  })
  if (result.status !== 0) {
    console.error(`Could not build better-sqlite3 for Electron ${electronVersion} (exit code ${result.status}).`)
    process.exit(1)
  }
  mkdirSync('native/electron', { recursive: true })
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), 'native/electron/better_sqlite3.node')
  console.log(`Built native/electron/better_sqlite3.node for Electron ${electronVersion}.`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
