/**
 * The installed Chromium (Debian's, Google Chrome, or CHROMIUM_PATH) and the
 * flags that keep it quiet on a machine with no network: it prints PDFs for
 * the browser host and the CLI, and runs the e2e tests and benchmarks.
 */
import { existsSync } from 'node:fs'

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'
]

/** The Chromium to use, or null. CHROMIUM_PATH, when set, is the only one tried. */
export function findChromium(env = process.env): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null
  return CANDIDATES.find((path) => existsSync(path)) ?? null
}

/** No sandbox (root in CI), no GPU, and none of the background traffic a closed network refuses. */
export const quietChromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]
