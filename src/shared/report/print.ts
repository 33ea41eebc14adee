/**
 * How a report is printed to PDF, in one place for both printers (headless
 * Chromium for the browser host and CLI, Electron in the desktop app): the
 * paper, the margins, and the running header (title · organisation) and page
 * numbers, drawn by Chromium's headerTemplate/footerTemplate on every page.
 */
import type { PaperSize } from '../model'
import type { ReportData } from './data'
import { escapeHtml as esc } from './escape'

export interface PrintOptions {
  paperSize: PaperSize
  /** Paper width and height in inches, as Chromium's printToPDF takes them. */
  paper: { width: number; height: number }
  /** Margins in inches: room for the running header and the page numbers. */
  margins: { top: number; bottom: number; left: number; right: number }
  headerTemplate: string
  footerTemplate: string
}

export const paperInches: Record<PaperSize, { width: number; height: number }> = {
  a4: { width: 8.27, height: 11.69 },
  letter: { width: 8.5, height: 11 }
}

/** Where Letter is the usual paper; A4 everywhere else. */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PA', 'DO', 'SV', 'NI', 'PR', 'BZ'])

/** The paper a locale (a BCP 47 tag like en-US, or a POSIX one like en_US.UTF-8) prints on. */
export function paperForLocale(locale: string | null | undefined): PaperSize {
  const region = /^[a-z]{2,3}[-_]([A-Za-z]{2})\b/i.exec(locale ?? '')?.[1]?.toUpperCase()
  return region && LETTER_REGIONS.has(region) ? 'letter' : 'a4'
}

// Chromium draws the templates at a tiny default size, with no page styles: everything is set inline.
const TEMPLATE_STYLE = 'font: 8pt system-ui, "Noto Sans", sans-serif; color: #5b5b57; width: 100%; margin: 0 14mm; display: flex; justify-content: space-between;'

export function printOptions(data: ReportData, paperSize: PaperSize): PrintOptions {
  const running = [data.document.title, data.organisation?.name].filter(Boolean).join(' · ')
  const internal = data.internal ? '<span style="font-weight: 700; color: #a3221a;">INTERNAL</span>' : '<span></span>'
  return {
    paperSize,
    paper: paperInches[paperSize],
    margins: { top: 0.75, bottom: 0.75, left: 0.55, right: 0.55 },
    headerTemplate: `<div style='${TEMPLATE_STYLE}'><span dir="auto">${esc(running)}</span>${internal}</div>`,
    footerTemplate: `<div style='${TEMPLATE_STYLE}'>${internal}<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`
  }
}
