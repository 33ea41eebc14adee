/**
 * Starts the browser host: `node out/main/host.js [--data-dir DIR] [--port N]`.
 * `npm start` runs this when Electron's binary is not installed.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { resolveDataDir } from '../datadir'
import { openLibrary } from '../library'
import { startHost } from './host'

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name)
  return index >= 0 ? process.argv[index + 1] : undefined
}

async function main(): Promise<void> {
  const dataDir = resolveDataDir()
  const library = openLibrary(dataDir)
  const staticDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer')
  const host = await startHost({ handlers: library.service, staticDir, port: Number(flag('--port') ?? 0) })
  // The e2e fixtures read this line to find the address.
  console.log(`Factmark is running at ${host.url}`)
  console.log(`Library: ${dataDir}`)
  const stop = (): void => {
    void host.close().then(() => {
      library.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(`Factmark could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
