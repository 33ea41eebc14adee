/**
 * PDF outside the desktop app: the HTML report printed by headless Chromium
 * (Debian's /usr/bin/chromium, Google Chrome, or CHROMIUM_PATH). The report
 * has no scripts and a CSP that forbids every request, so printing it fetches
 * nothing. The desktop app prints through Electron instead (electron/pdf.ts).
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { FactmarkError } from '../../shared/errors'
import type { PdfPrinter } from './export'

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'
]

/** The Chromium to print with, or null. CHROMIUM_PATH, when set, is the only one tried. */
export function findChromium(env = process.env): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null
  return CANDIDATES.find((path) => existsSync(path)) ?? null
}

export function chromiumPrinter(env = process.env): PdfPrinter {
  return async (html) => {
    const chromium = findChromium(env)
    if (!chromium) {
      throw new FactmarkError(
        'not_found',
        env.CHROMIUM_PATH
          ? `PDF export needs Chromium, but CHROMIUM_PATH (${env.CHROMIUM_PATH}) does not exist. Export HTML and print it, or fix CHROMIUM_PATH.`
          : 'PDF export needs Chromium or Google Chrome, and neither is installed here. Install one (e.g. `apt-get install chromium`) or set CHROMIUM_PATH to it; or export HTML and print it from a browser.'
      )
    }
    const dir = await mkdtemp(join(tmpdir(), 'factmark-pdf-'))
    try {
      const page = join(dir, 'report.html')
      const pdf = join(dir, 'report.pdf')
      await writeFile(page, html)
      await run(chromium, [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-extensions',
        '--no-pdf-header-footer',
        `--user-data-dir=${join(dir, 'profile')}`,
        `--print-to-pdf=${pdf}`,
        pathToFileURL(page).href
      ])
      if (!existsSync(pdf)) throw new FactmarkError('internal', `Chromium (${chromium}) ran but wrote no PDF.`)
      return new Uint8Array(await readFile(pdf))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
}

function run(file: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 60_000, maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) {
        const detail = stderr.split('\n').filter((line) => line && !/dbus|bus\.cc/i.test(line)).slice(-2).join(' ')
        reject(new FactmarkError('internal', `Chromium (${file}) could not print the report: ${error.message}${detail ? ` — ${detail}` : ''}`))
      } else resolve()
    })
  })
}
