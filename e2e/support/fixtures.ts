/**
 * The `app` fixture: Factmark on a throwaway data directory, in the browser
 * host (project "browser") or the desktop app (project "electron"). Tests use
 * the same page object either way.
 */
import { test as base, _electron, type ElectronApplication, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FactmarkPage } from '../pages/factmark'
import { electronBinary } from './electron'
import { startBuiltHost, type BuiltHost } from '../../scripts/host.mjs'

export interface ShellOptions {
  shell: 'browser' | 'electron'
}

export interface AnalystOptions {
  /** The full name the analyst gives when the app asks on first run; null leaves the question to the test. */
  analyst: string | null
}

export interface AppFixture {
  /** The app's page object. After `restart`, a new one. */
  app: FactmarkPage
  /** Stops the app (the host process or Electron) and starts it again on the same data. */
  restart(): Promise<FactmarkPage>
  dataDir: string
}

export const test = base.extend<ShellOptions & AnalystOptions & { factmark: AppFixture }>({
  shell: ['browser', { option: true }],
  analyst: ['Mina Karimi', { option: true }],
  factmark: async ({ shell, analyst, browser }, use, testInfo) => {
    // Skipped with the reason printed, when Electron's binary is absent.
    const binary = shell === 'electron' ? electronBinary() : null
    if (binary && 'skip' in binary) {
      console.log(`[electron] skipped: ${binary.skip}`)
      testInfo.skip(true, binary.skip)
      return
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'factmark-e2e-'))
    let stopCurrent: () => Promise<void>
    let current: FactmarkPage

    const startBrowser = async (): Promise<FactmarkPage> => {
      const host: BuiltHost = await startBuiltHost(dataDir)
      const context = await browser.newContext({ viewport: { width: 1600, height: 900 } })
      const page = await context.newPage()
      stopCurrent = async () => {
        await context.close()
        await host.stop()
      }
      await page.goto(host.url)
      return new FactmarkPage(page)
    }
    const startElectron = async (): Promise<FactmarkPage> => {
      const electronApp: ElectronApplication = await _electron.launch({
        executablePath: (binary as { path: string }).path,
        args: ['out/main/index.js', '--data-dir', dataDir, '--no-sandbox']
      })
      stopCurrent = () => electronApp.close()
      const window: Page = await electronApp.firstWindow()
      return new FactmarkPage(window)
    }
    const start = shell === 'electron' ? startElectron : startBrowser

    current = await start()
    // A new library: the app asks the analyst's name first.
    if (analyst !== null) await current.giveName(analyst)
    await use({
      get app() {
        return current
      },
      async restart() {
        await stopCurrent()
        current = await start()
        return current
      },
      dataDir
    })
    await stopCurrent!()
    rmSync(dataDir, { recursive: true, force: true })
  }
})

export { expect } from '@playwright/test'
