/**
 * The desktop app's main process: one window, the library, the IPC binding.
 */
import { app, BrowserWindow, dialog, shell } from 'electron'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { resolveDataDir } from '../datadir'
import { openLibrary, type Library } from '../library'
import { bindApi } from './ipc'
import { printWithElectron } from './pdf'

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

let library: Library | undefined
let window: BrowserWindow | undefined

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Factmark',
    show: false,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true
    }
  })
  win.once('ready-to-show', () => win.show())
  // Nothing navigates away from the app; http(s) links open in the system browser.
  win.webContents.on('will-navigate', (event) => event.preventDefault())
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL)
  else void win.loadFile(join(here, '../renderer/index.html'))
  return win
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore()
    window?.focus()
  })
  app.whenReady().then(() => {
    try {
      library = openLibrary(resolveDataDir(process.argv), { nativeBinding: electronSqliteBinding(), printPdf: printWithElectron })
    } catch (error) {
      dialog.showErrorBox('Factmark cannot open its library', (error as Error).message)
      app.exit(1)
      return
    }
    bindApi(library.service, (event) => event.senderFrame !== null && event.senderFrame === window?.webContents.mainFrame)
    window = createWindow()
  })
  app.on('window-all-closed', () => {
    library?.close()
    app.quit()
  })
}
