// Where `npm run native:electron` puts better-sqlite3's Electron build, one
// directory per platform and architecture (electron-builder.yml ships it from
// there as resources/native/better_sqlite3.node). The desktop app's lookup
// (src/main/electron/binding.ts) and the script both use this.
import { join } from 'node:path'

export const BINDING_FILE = 'better_sqlite3.node'

export function electronBuildOfSqlite(projectDir, platform = process.platform, arch = process.arch) {
  return join(projectDir, 'native', 'electron', `${platform}-${arch}`, BINDING_FILE)
}
