/**
 * Starts the browser host: `node out/main/host.js [--data-dir DIR] [--port N]`.
 * `npm start` runs this when Electron's binary is not installed.
 *
 * A damaged library is moved aside and the host stops with a message; start
 * it again with --restore-newest-backup (or --start-empty) to go on.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { resolveDataDir } from '../store/datadir'
import { describeDamage, openLibraryAtStartup, restoreNewestBackup, startAutomaticBackups, type Damage, type RecoveryChoice } from '../library/startup'
import { prepareReader } from '../import/worker'
import { startHost, type Host } from './host'

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name)
  return index >= 0 ? process.argv[index + 1] : undefined
}

/** The analyst's choice comes from the command line; without one, the host says what to do and stops. */
function recoveryChoice(damage: Damage): RecoveryChoice {
  console.error(describeDamage(damage))
  if (process.argv.includes('--start-empty')) return 'empty'
  console.error(
    damage.backup
      ? 'Start Factmark again with --restore-newest-backup to restore it, or with --start-empty.'
      : 'Start Factmark again with --start-empty to begin an empty library.'
  )
  return 'quit'
}

async function main(): Promise<void> {
  const dataDir = resolveDataDir()
  if (process.argv.includes('--restore-newest-backup')) {
    const restored = restoreNewestBackup(dataDir)
    console.log(restored ? `Restored the backup ${restored.restored}.` : 'There is no good backup to restore.')
  }
  const library = openLibraryAtStartup(dataDir, recoveryChoice, { program: 'the Factmark host', liveTeam: true })
  if (!library) {
    process.exitCode = 2
    return
  }
  const backups = startAutomaticBackups(library)
  const serving: { host?: Host } = {}
  const stop = (): void => {
    backups.stop()
    // A backup under way is finished before the library closes.
    void backups
      .settled()
      .then(() => serving.host?.close())
      .then(() => {
        library.close()
        process.exit(0)
      })
  }
  // Before the address is printed: whoever reads it may stop the host at once.
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  const staticDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer')
  prepareReader()
  const host = await startHost({ handlers: library.service, staticDir, port: Number(flag('--port') ?? 0) })
  serving.host = host
  // The e2e fixtures read this line to find the address.
  console.log(`Factmark is running at ${host.url}`)
  console.log(`Library: ${dataDir}`)
}

main().catch((error: unknown) => {
  console.error(`Factmark could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
