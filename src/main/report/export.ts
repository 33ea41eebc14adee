/**
 * Exporting a document's report. The data is read in one transaction (a
 * consistent snapshot); the text formats are pure functions of it, and PDF
 * is the HTML report printed by a PdfPrinter, which is asynchronous and so
 * runs after the transaction has ended.
 */
import type { ReportFile } from '../../shared/model'
import { reportClaims } from '../../shared/report/data'
import { reportFileName, reportFormatInfo, type ReportFormat } from '../../shared/report/formats'
import { renderHtml } from '../../shared/report/html'
import { textRenderers } from '../../shared/report/render'
import type { Status } from '../../shared/status'
import type { ServiceContext } from '../service/context'
import { loadReportData } from './load'

/** Prints a self-contained HTML page to PDF bytes. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>

export interface ExportRequest {
  documentId: string
  format: ReportFormat
  statuses?: Status[]
}

export async function exportReport(context: ServiceContext, request: ExportRequest, printPdf: PdfPrinter): Promise<ReportFile> {
  const data = context.db.transaction(() => loadReportData(context, request.documentId, request.statuses)).deferred()
  const info = reportFormatInfo[request.format]
  const base = {
    fileName: reportFileName(data.document.title, request.format),
    mediaType: info.mediaType,
    claimCount: reportClaims(data).length
  }
  if (request.format === 'pdf') {
    const pdf = await printPdf(renderHtml(data))
    return { ...base, encoding: 'base64', data: Buffer.from(pdf).toString('base64') }
  }
  return { ...base, encoding: 'utf8', data: textRenderers[request.format](data) }
}
