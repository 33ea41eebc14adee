/**
 * Desktop PDF export of a large report, through the code the desktop app runs
 * (the service's exportReport → the printer → printFromFile → a file:// URL),
 * with Chromium standing in for Electron's BrowserWindow: Playwright's page.pdf
 * is the same DevTools Page.printToPDF that webContents.printToPDF calls.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findChromium, quietChromiumFlags } from './chromium'
import { openLibrary } from '../library/library'
import { apiOn, pasted } from '../testing/calls'
import { tempDir } from '../testing/temp'
import { printFromFile } from './page-file'

const executablePath = findChromium()
let browser: Browser
beforeAll(async () => {
  if (executablePath) browser = await chromium.launch({ executablePath, args: quietChromiumFlags })
})
afterAll(() => browser?.close())

/** Loads `url` in a fresh page; returns the page's length in characters and the first pages as PDF. */
async function loadAndPrint(url: string): Promise<{ length: number; pdf: Uint8Array }> {
  const page = await browser.newPage()
  try {
    await page.goto(url, { timeout: 120_000 })
    const length = (await page.content()).length
    // Two pages are enough to show the page printed; all of it was loaded (length).
    return { length, pdf: new Uint8Array(await page.pdf({ pageRanges: '1-2', printBackground: true })) }
  } finally {
    await page.close()
  }
}

describe.skipIf(!executablePath)('PDF of a report over 10 MB', () => {
  it('prints from a temporary file, which is removed afterwards', { timeout: 300_000 }, async () => {
    let printed: { html: string; url: string; length: number } | undefined
    const library = openLibrary(tempDir(), {
      printPdf: (html) =>
        printFromFile(html, async (url) => {
          const { length, pdf } = await loadAndPrint(url)
          printed = { html, url, length }
          return pdf
        })
    })
    try {
      const api = apiOn(library)
      // A 10.5 MB article (within the 25 MB import limit) with 200 claims.
      const sentence = 'Officials said that 114 fighters had crossed the border in 2016, a figure others dispute. '
      const text = Array.from({ length: 40 }, (_, p) => `Paragraph ${p}. ${sentence.repeat(2900)}`).join('\n\n')
      const document = await api.okAsync('importDocument', pasted(text, 'text', 'A very long article'))
      for (let i = 0; i < 200; i++) {
        const start = document.text.indexOf('114', i * 50_000)
        await api.okAsync('createClaim', { documentId: document.id, start, end: start + 3 })
      }
      const report = await api.okAsync('exportReport', { documentId: document.id, format: 'pdf', allowIncomplete: true })

      expect(printed!.html.length).toBeGreaterThan(10_000_000)
      expect(printed!.url).toMatch(/^file:\/\//)
      // The whole report reached the page (Chromium re-serialises it, so allow a little either way).
      expect(printed!.length).toBeGreaterThan(printed!.html.length * 0.95)
      expect(Buffer.from(report.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
      expect(existsSync(fileURLToPath(printed!.url))).toBe(false)

      // What the desktop app did before: the same page as a data: URL is refused by Chromium.
      const dataUrl = `data:text/html;charset=utf-8;base64,${Buffer.from(printed!.html).toString('base64')}`
      const viaDataUrl = await loadAndPrint(dataUrl).then(
        ({ length }) => length,
        () => 0
      )
      expect(viaDataUrl).toBeLessThan(printed!.length / 2)
    } finally {
      library.close()
    }
  })
})

// electron/pdf.ts cannot be imported without Electron's binary; this keeps it on the path tested above.
describe('the desktop printer', () => {
  it('prints through printFromFile and builds no data: URL', () => {
    const source = readFileSync(new URL('../electron/pdf.ts', import.meta.url), 'utf8')
    expect(source).toMatch(/printFromFile\(html,/)
    expect(source).not.toMatch(/['"`]data:/)
  })
})
