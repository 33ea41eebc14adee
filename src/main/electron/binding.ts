/**
 * Where the desktop app finds better-sqlite3 built for Electron's ABI. The
 * Node build in node_modules is for the tests and the browser host; loading it
 * in Electron fails, so the desktop app never falls back to it.
 *
 * One lookup for every way the app is started (no Electron import, so the
 * e2e skip check and the tests ask the same function):
 * - development, `electron .` (app path: the project) and the e2e launch,
 *   `electron out/main/index.js` (app path: out/main): the main bundle lives
 *   in <project>/out/main either way, so the binding is found from there, at
 *   <project>/native/electron/<platform>-<arch>/better_sqlite3.node;
 * - packaged: <resources>/native/better_sqlite3.node (electron-builder.yml,
 *   extraResources), and nothing else — FACTMARK_SQLITE_BINDING would let
 *   anyone who can set an environment variable load native code into the app,
 *   the injection the RunAsNode and NODE_OPTIONS fuses close.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { BINDING_FILE, electronBuildOfSqlite } from '../../../scripts/native-paths.mjs'

export interface AppLayout {
  /** Electron's app.isPackaged. */
  packaged: boolean
  /** Electron's process.resourcesPath. */
  resourcesPath: string
  /** The directory of the running main bundle (out/main, inside app.asar when packaged). */
  mainDir: string
  env?: NodeJS.ProcessEnv
  platform?: string
  arch?: string
}

export type BindingLookup = { path: string } | { missing: string }

export function electronSqliteBinding(layout: AppLayout): BindingLookup {
  if (layout.packaged) {
    const path = join(layout.resourcesPath, 'native', BINDING_FILE)
    return existsSync(path) ? { path } : { missing: `the app is incomplete: ${path} is missing. Reinstall Factmark.` }
  }
  const override = layout.env?.FACTMARK_SQLITE_BINDING
  if (override) {
    const path = resolve(override)
    return existsSync(path) ? { path } : { missing: `FACTMARK_SQLITE_BINDING names ${path}, which does not exist.` }
  }
  const path = electronBuildOfSqlite(resolve(layout.mainDir, '..', '..'), layout.platform, layout.arch)
  return existsSync(path) ? { path } : { missing: `better-sqlite3 has no Electron build at ${path}: run \`npm run native:electron\` first.` }
}
