#!/usr/bin/env node
// `npm start`: builds Factmark, then opens the desktop app when Electron's
// binary and better-sqlite3's Electron build are there (or can be made), or
// else serves the same app to a browser on 127.0.0.1 and says why it is not
// the desktop window. Extra arguments (--data-dir DIR) are passed on.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { findElectron } from './electron.mjs'
import { verifyModuleAbi } from './native-abi.mjs'
import { electronBuildOfSqlite } from './native-paths.mjs'

const args = process.argv.slice(2)
const shell = process.platform === 'win32'
const run = (command, commandArgs) => spawnSync(command, commandArgs, { stdio: 'inherit', shell }).status === 0

/** Why the desktop window cannot open, or nothing when it can. */
function desktopBlocker(electron) {
  if ('reason' in electron) return electron.reason
  const binding = electronBuildOfSqlite(process.cwd())
  if (!existsSync(binding) && !run(process.execPath, ['scripts/native-electron.mjs'])) {
    return 'better-sqlite3 could not be built for Electron here (see above)'
  }
  try {
    verifyModuleAbi(binding, electron.abi, `Electron ${electron.version}`)
  } catch (error) {
    return `${error.message}; delete it and run \`npm run native:electron\``
  }
  return undefined
}

if (!run('npx', ['electron-vite', 'build'])) process.exit(1)
const electron = findElectron({ download: true })
const blocker = desktopBlocker(electron)
const [command, commandArgs] = blocker ? [process.execPath, ['out/main/host.js', ...args]] : [electron.binary, ['.', ...args]]
if (blocker) {
  console.log(`\nNot opening the desktop window: ${blocker}.`)
  console.log('Serving the same app to your browser instead (Ctrl+C to stop).\n')
}
const child = spawn(command, commandArgs, { stdio: 'inherit' })
child.on('exit', (code) => process.exit(code ?? 0))
