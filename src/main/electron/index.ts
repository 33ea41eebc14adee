/**
 * The desktop app's main process: one window, the library, the IPC binding.
 * Security (see README, "Security"): the renderer is sandboxed and isolated,
 * served from factmark://app/ with a strict CSP, may not navigate, open
 * windows or get permissions, and only its own top frame may call the API.
 */
import { app, BrowserWindow, dialog } from 'electron'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { resolveDataDir } from '../datadir'
import type { Library } from '../library'
import { describeDamage, openLibraryAtStartup, startAutomaticBackups, type AutomaticBackups, type Damage, type RecoveryChoice } from '../startup'
import { useNativeBinding } from '../store/database'
import { installGuards } from './guards'
import { bindApi } from './ipc'
import { printWithElectron } from './pdf'
import { registerAppScheme, serveRenderer } from './protocol'
import { APP_ENTRY, isAppUrl } from './security'

// better-sqlite3 must be built for Electron's ABI; it is kept apart from the Node build the tests use.
function electronSqliteBinding(): string | undefined {
  const candidates = [
    process.env.FACTMARK_SQLITE_BINDING,
    join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node'),
    join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node')
  ]
  return candidates.find((file): file is string => !!file && existsSync(file))
}

const here = dirname(fileURLToPath(import.meta.url))
/** Set by electron-vite in development only; production always uses the app protocol. */
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL

let library: Library | undefined
let backups: AutomaticBackups | undefined
let window: BrowserWindow | undefined

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Factmark',
    show: false,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'), // eng-disable PRELOAD_JS_CHECK — the preload exposes one validated `call`, nothing of Node
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would open links in a new window without will-navigate.
      disableBlinkFeatures: 'Auxclick'
    }
  })
  win.once('ready-to-show', () => win.show())
  void win.loadURL(devServerUrl ?? APP_ENTRY)
  return win
}

/** A damaged library: say so and let the analyst choose, before any window opens. */
function askAboutDamage(damage: Damage): RecoveryChoice {
  const buttons = damage.backup
    ? ['Restore the newest backup', 'Start with an empty library', 'Quit']
    : ['Start with an empty library', 'Quit']
  const choices: RecoveryChoice[] = damage.backup ? ['restore', 'empty', 'quit'] : ['empty', 'quit']
  const answer = dialog.showMessageBoxSync({
    type: 'warning',
    title: 'Factmark',
    message: 'Factmark’s library is damaged',
    detail: describeDamage(damage),
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
    noLink: true
  })
  return choices[answer] ?? 'quit'
}

/** Only the app window's own top frame, showing the app's own page, may call the API. */
function isTrustedSender(event: Electron.IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  if (!frame || !window || frame !== window.webContents.mainFrame) return false
  return isAppUrl(frame.url, devServerUrl)
}

registerAppScheme()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore()
    window?.focus()
  })
  app.whenReady().then(() => {
    installGuards(devServerUrl)
    serveRenderer(join(here, '../renderer'))
    useNativeBinding(electronSqliteBinding())
    try {
      library = openLibraryAtStartup(resolveDataDir(process.argv), askAboutDamage, { printPdf: printWithElectron, liveTeam: true }) ?? undefined
    } catch (error) {
      dialog.showErrorBox('Factmark cannot open its library', (error as Error).message)
      app.exit(1)
      return
    }
    if (!library) {
      app.exit(0)
      return
    }
    backups = startAutomaticBackups(library)
    bindApi(library.service, isTrustedSender)
    window = createWindow()
  })
  app.on('window-all-closed', () => {
    backups?.stop()
    // A backup under way is finished before the library closes.
    void (backups?.settled() ?? Promise.resolve()).finally(() => {
      library?.close()
      app.quit()
    })
  })
}
