/** The Electron project's launch: Electron's binary and the binding the app will load, or why the project is skipped. */
import { resolve } from 'node:path'
import { electronSqliteBinding } from '../../src/main/electron/binding'
import { findElectron } from '../../scripts/electron.mjs'
import { verifyModuleAbi } from '../../scripts/native-abi.mjs'

export function electronBinary(): { path: string } | { skip: string } {
  const electron = findElectron()
  if ('reason' in electron) {
    return { skip: `${electron.reason} (its download cannot reach GitHub from this machine); the same tests ran against the browser host.` }
  }
  // The tests launch `electron out/main/index.js`: ask the lookup the app itself will make.
  const binding = electronSqliteBinding({
    packaged: false,
    resourcesPath: electron.resourcesPath,
    mainDir: resolve('out', 'main'),
    env: process.env
  })
  if ('missing' in binding) return { skip: binding.missing }
  try {
    verifyModuleAbi(binding.path, electron.abi, `Electron ${electron.version}`)
  } catch (error) {
    return { skip: `${(error as Error).message}: rebuild it with \`npm run native:electron\`.` }
  }
  return { path: electron.binary }
}
