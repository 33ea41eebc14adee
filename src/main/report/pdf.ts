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
import { findChromium, quietChromiumFlags } from '../chromium'
import type { PdfPrinter } from './export'

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
        ...quietChromiumFlags,
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
