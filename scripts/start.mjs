#!/usr/bin/env node
// `npm start`: builds Factmark, then opens the desktop app when Electron's
// binary is installed, or else serves the same app to a browser on 127.0.0.1
// and says why it is not the desktop window. Extra arguments (--data-dir DIR)
// are passed on.
import { spawnSync, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const args = process.argv.slice(2)
const run = (command, commandArgs) => {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', shell: process.platform === 'win32' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

/** Electron's executable, or the reason there is none. */
function electronExecutable() {
  let dir
  try {
    dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return { reason: 'the electron package is not installed' }
  }
  const pathFile = join(dir, 'path.txt')
  if (existsSync(pathFile)) {
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8'))
    if (existsSync(binary)) return { binary }
  }
  // Electron fetches its binary on first use; try once, quietly.
  const fetched = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'ignore', timeout: 300_000 })
  if (fetched.status === 0 && existsSync(pathFile)) return { binary: join(dir, 'dist', readFileSync(pathFile, 'utf8')) }
  return { reason: "Electron's binary is not installed and could not be downloaded from this machine" }
}

run('npx', ['electron-vite', 'build'])
const electron = electronExecutable()
if (electron.binary) {
  if (!existsSync('native/electron/better_sqlite3.node')) run(process.execPath, ['scripts/native-electron.mjs'])
  const child = spawn(electron.binary, ['.', ...args], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log(`\nNot opening the desktop window: ${electron.reason}.`)
  console.log('Serving the same app to your browser instead (Ctrl+C to stop).\n')
  const child = spawn(process.execPath, ['out/main/host.js', ...args], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
}
