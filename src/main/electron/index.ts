/**
 * The desktop app's main process: one window, the library, the IPC binding.
 * Security (see README, "Security"): the renderer is sandboxed and isolated,
 * served from factmark://app/ with a strict CSP, may not navigate, open
 * windows or get permissions, and only its own top frame may call the API.
 */
import { app, BrowserWindow, dialog } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { resolveDataDir } from '../store/datadir'
import type { Library } from '../library/library'
import { prepareReader } from '../import/worker'
import { describeDamage, openLibraryAtStartup, startAutomaticBackups, type AutomaticBackups, type Damage, type RecoveryChoice } from '../library/startup'
import { useNativeBinding } from '../store/database'
import { electronSqliteBinding } from './binding'
import { installGuards } from './guards'
import { launchRequest, otherLibraryMessage, requestedDataDir } from './instance'
import { bindApi } from './ipc'
import { printWithElectron } from './pdf'
import { registerAppScheme, serveRenderer } from './protocol'
import { closeLibrary } from './quit'
import { APP_ENTRY, isAppUrl } from './security'

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
      // Chromium's spellchecker downloads Hunspell dictionaries from Google's servers on Linux:
      // no request leaves the app unasked, so it is off.
      spellcheck: false,
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

/** A second launch: the same library focuses the window; another one is explained, not silently ignored. */
function onSecondLaunch(argv: string[], workingDirectory: string, additionalData: unknown): void {
  if (!window || !library) return
  if (window.isMinimized()) window.restore()
  window.focus()
  const other = otherLibraryMessage(library.dataDir, requestedDataDir(additionalData, argv, workingDirectory))
  if (other) void dialog.showMessageBox(window, { type: 'info', title: 'Factmark', buttons: ['OK'], noLink: true, ...other })
}

registerAppScheme()

if (!app.requestSingleInstanceLock(launchRequest(process.argv))) {
  app.quit()
} else {
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => onSecondLaunch(argv, workingDirectory, additionalData))
  app.whenReady().then(() => {
    installGuards(devServerUrl)
    serveRenderer(join(here, '../renderer'))
    const binding = electronSqliteBinding({ packaged: app.isPackaged, resourcesPath: process.resourcesPath, mainDir: here, env: process.env })
    if ('missing' in binding) {
      dialog.showErrorBox('Factmark cannot open its library', `SQLite for Electron is missing: ${binding.missing}`)
      app.exit(1)
      return
    }
    useNativeBinding(binding.path)
    try {
      library = openLibraryAtStartup(resolveDataDir(process.argv), askAboutDamage, { printPdf: printWithElectron, program: 'the Factmark app', liveTeam: true }) ?? undefined
    } catch (error) {
      dialog.showErrorBox('Factmark cannot open its library', (error as Error).message)
      app.exit(1)
      return
    }
    if (!library) {
      app.exit(0)
      return
    }
    // The reader of imported files starts now, so the first import does not wait for it.
    prepareReader()
    backups = startAutomaticBackups(library)
    bindApi(library.service, isTrustedSender)
    window = createWindow()
  })
  // Every platform quits with its last window: the library is closed on quitting, below.
  app.on('window-all-closed', () => app.quit())
  // will-quit comes however the app is quit (window-all-closed does not for Cmd+Q, the Quit
  // menu or app.quit()): hold the exit until a backup under way is done and the library closed.
  let closing: Promise<void> | undefined
  app.on('will-quit', (event) => {
    event.preventDefault()
    closing ??= closeLibrary(library, backups)
      .catch((error: unknown) => console.error(`factmark: closing the library failed: ${(error as Error).message}`))
      .finally(() => app.exit(0))
  })
}
