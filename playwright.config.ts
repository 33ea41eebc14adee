import { defineConfig } from '@playwright/test'
import type { ShellOptions } from './e2e/support/fixtures'
import { findChromium, quietChromiumFlags } from './src/main/report/chromium'

// The installed Chromium (Debian's here); Playwright's own browser download is never used.
const chromium = findChromium() ?? '/usr/bin/chromium'

export default defineConfig<ShellOptions>({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: quietChromiumFlags
    }
  },
  projects: [
    { name: 'browser', use: { shell: 'browser', browserName: 'chromium', viewport: { width: 1600, height: 900 } } },
    // The command line is the same whichever shell the app runs in: its tests run in the browser project only.
    { name: 'electron', use: { shell: 'electron' }, testIgnore: /cli\.spec\.ts$/ }
  ]
})
