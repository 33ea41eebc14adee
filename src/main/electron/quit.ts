/**
 * What the desktop app does before it exits, however it is quit (window
 * closed, Cmd+Q, the Quit menu, app.quit(), logout): stop the backup timer,
 * let a backup under way finish (else it leaves a .partial file and no new
 * backup), then close the library so SQLite checkpoints and removes its WAL.
 * No Electron here, so a test can run it on a real library.
 */
import type { Library } from '../library/library'
import type { AutomaticBackups } from '../library/startup'

export async function closeLibrary(library: Library | undefined, backups: AutomaticBackups | undefined): Promise<void> {
  backups?.stop()
  await backups?.settled()
  library?.close()
}
