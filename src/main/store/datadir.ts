/**
 * Where the library lives. The default is the OS's per-user application data
 * folder (the same one Electron's app.getPath('userData') names); the
 * FACTMARK_DATA_DIR variable and the --data-dir flag override it, the flag first.
 */
import { mkdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export const APP_NAME = 'Factmark'
export const DATABASE_FILE = 'factmark.sqlite'

export function defaultDataDir(platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME)
}

/** Reads `--data-dir DIR` or `--data-dir=DIR` from the arguments. */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--data-dir') return argv[i + 1]
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length)
  }
  return undefined
}

/** The data directory the arguments and environment choose, as an absolute path (not created). */
export function chosenDataDir(argv: readonly string[] = process.argv, env = process.env): string {
  const chosen = dataDirFlag(argv) ?? env.FACTMARK_DATA_DIR
  return chosen ? resolve(chosen) : defaultDataDir(process.platform, env)
}

export function resolveDataDir(argv: readonly string[] = process.argv, env = process.env): string {
  const dir = chosenDataDir(argv, env)
  mkdirSync(dir, { recursive: true })
  return dir
}
