/**
 * PDF in the desktop app: the HTML report, written to a temporary file
 * (report/page-file.ts: no data: URL, so no size limit), loaded into a hidden
 * window with scripts off and printed by Electron's webContents.printToPDF.
 */
import { BrowserWindow } from 'electron'
import type { PdfPrinter } from '../report/export'
import { printFromFile } from '../report/page-file'

export const printWithElectron: PdfPrinter = (html, options) =>
  printFromFile(html, async (url) => {
    const window = new BrowserWindow({
      show: false,
      webPreferences: {
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
        disableBlinkFeatures: 'Auxclick'
      }
    })
    try {
      // The report's CSP forbids every request, so loading it fetches nothing.
      window.webContents.on('will-navigate', (event) => event.preventDefault())
      await window.loadURL(url)
      // The same paper, margins, running header and page numbers as the Chromium printer (shared/report/print.ts).
      const pdf = await window.webContents.printToPDF({
        printBackground: true,
        pageSize: options.paperSize === 'letter' ? 'Letter' : 'A4',
        displayHeaderFooter: true,
        headerTemplate: options.headerTemplate,
        footerTemplate: options.footerTemplate,
        margins: options.margins
      })
      return new Uint8Array(pdf)
    } finally {
      window.destroy()
    }
  })
