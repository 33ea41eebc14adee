// Electron as installed in node_modules: its version, its ABI and its
// executable, or why there is none. One lookup for `npm start`,
// `npm run native:electron`, the Electron e2e project and the packaging test.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** The electron package: directory, version and the ABI its Node modules must be built for. */
export function electronPackage() {
  let dir
  try {
    dir = dirname(require.resolve('electron/package.json'))
  } catch {
    return { reason: 'the electron package is not installed (npm ci)' }
  }
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version
  return { dir, version, abi: electronAbi(dir, version) }
}

/** node_modules/electron/abi_version, else node-abi's table for the version. */
function electronAbi(dir, version) {
  const file = join(dir, 'abi_version')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  try {
    return String(require('node-abi').getAbi(version, 'electron'))
  } catch {
    return undefined
  }
}

/**
 * Electron's executable. Electron fetches it on first use; with `download`
 * that is tried once, quietly (it cannot succeed on a machine without access
 * to GitHub's release downloads).
 */
export function findElectron({ download = false } = {}) {
  const found = electronPackage()
  if ('reason' in found) return found
  const binary = () => {
    // As electron's own index.js: dist/<path.txt>, or ELECTRON_OVERRIDE_DIST_PATH/<path.txt or 'electron'>.
    const pathFile = join(found.dir, 'path.txt')
    const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : undefined
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
    const file = override ? join(override, relative ?? 'electron') : relative && join(found.dir, 'dist', relative)
    return file && existsSync(file) ? file : undefined
  }
  let file = binary()
  if (!file && download) {
    spawnSync(process.execPath, [join(found.dir, 'install.js')], { stdio: 'ignore', timeout: 300_000 })
    file = binary()
  }
  if (!file) {
    return {
      ...found,
      reason: `Electron ${found.version}'s binary is not installed${download ? ' and could not be downloaded from this machine' : ''}`
    }
  }
  return { ...found, binary: file, resourcesPath: electronResources(file) }
}

/** Electron's process.resourcesPath for an executable (macOS keeps it inside the bundle). */
function electronResources(binary) {
  return binary.includes('.app/') ? join(binary.split('.app/')[0] + '.app', 'Contents', 'Resources') : join(dirname(binary), 'resources')
}
