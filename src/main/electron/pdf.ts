/**
 * PDF in the desktop app: the HTML report loaded into a hidden window with
 * scripts off, printed by Electron's webContents.printToPDF.
 */
import { BrowserWindow } from 'electron'
import type { PdfPrinter } from '../report/export'

export const printWithElectron: PdfPrinter = async (html, options) => {
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick'
    }
  })
  try {
    // The report's CSP forbids every request, so loading it fetches nothing.
    window.webContents.on('will-navigate', (event) => event.preventDefault())
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`)
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
}
