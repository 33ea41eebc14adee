/**
 * One desktop app per user: a second launch hands its data directory to the
 * first (Electron's single-instance lock, additionalData) and exits. The same
 * library focuses the open window; another library cannot be opened beside it
 * (one process owns a library), so the analyst is told, not ignored.
 */
import { resolve } from 'node:path'
import { chosenDataDir, dataDirFlag } from '../store/datadir'

/** What a second launch sends the first: its data directory, resolved against its own working directory. */
export interface LaunchRequest {
  dataDir: string
}

export function launchRequest(argv: readonly string[], env = process.env): LaunchRequest {
  return { dataDir: chosenDataDir(argv, env) }
}

/** The second launch's data directory: from its request, else from its command line (an older launcher). */
export function requestedDataDir(additionalData: unknown, argv: readonly string[], workingDirectory: string, env = process.env): string {
  const sent = (additionalData as Partial<LaunchRequest> | null | undefined)?.dataDir
  if (typeof sent === 'string' && sent) return resolve(sent)
  const flag = dataDirFlag(argv)
  return flag ? resolve(workingDirectory, flag) : chosenDataDir([], env)
}

/** Nothing when the second launch asked for the open library; otherwise what to tell the analyst. */
export function otherLibraryMessage(openDataDir: string, requested: string): { message: string; detail: string } | null {
  if (resolve(openDataDir) === resolve(requested)) return null
  return {
    message: 'Factmark is already open with another library',
    detail:
      `The open window uses the library in ${openDataDir}. ` +
      `To work in ${requested}, quit Factmark and start it again with --data-dir "${requested}".`
  }
}
