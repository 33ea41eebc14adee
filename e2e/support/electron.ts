/** Finds Electron's binary, or says why the desktop project must be skipped. */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export function electronBinary(): { path: string } | { skip: string } {
  let packageDir: string
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return { skip: 'the electron package is not installed' }
  }
  const pathFile = join(packageDir, 'path.txt')
  const binary = existsSync(pathFile) ? join(packageDir, 'dist', readFileSync(pathFile, 'utf8')) : null
  if (!binary || !existsSync(binary)) {
    return {
      skip:
        "Electron's binary is not installed (its download cannot reach GitHub from this machine); " +
        'the same tests ran against the browser host.'
    }
  }
  if (!existsSync(join('native', 'electron', 'better_sqlite3.node')) && !process.env.FACTMARK_SQLITE_BINDING) {
    return { skip: 'better-sqlite3 has no Electron-ABI build yet: run `npm run native:electron` first.' }
  }
  return { path: binary }
}
