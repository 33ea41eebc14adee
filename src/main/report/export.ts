/**
 * Exporting a document's report. The data is read in one transaction (a
 * consistent snapshot); the text formats are pure functions of it, and PDF
 * is the HTML report printed by a PdfPrinter, which is asynchronous and so
 * runs after the transaction has ended.
 *
 * Public outputs (the report in HTML, PDF or Markdown, and ClaimReview) are
 * refused while the readiness check lists anything, unless the editor
 * includes the incomplete claims knowingly; the internal working report and
 * the data outputs (JSON-LD, CSV) are not publications and are never held back.
 */
import { FactmarkError } from '../../shared/errors'
import type { PaperSize, ReportFile } from '../../shared/model'
import { reportClaims } from '../../shared/report/data'
import { isPublicFormat, reportFileName, reportFormatInfo, type ReportFormat } from '../../shared/report/formats'
import { renderHtml } from '../../shared/report/html'
import { printOptions, type PrintOptions } from '../../shared/report/print'
import { checkReadiness } from '../../shared/report/readiness'
import { textRenderers } from '../../shared/report/render'
import type { Status } from '../../shared/status'
import type { ServiceContext } from '../service/context'
import { reportSettings } from '../service/settings'
import { loadReportData } from './load'

/** Prints a self-contained HTML page to PDF bytes, on the paper and with the header and footer the options give. */
export type PdfPrinter = (html: string, options: PrintOptions) => Promise<Uint8Array>

export interface ExportRequest {
  documentId: string
  format: ReportFormat
  statuses?: Status[]
  internal?: boolean
  allowIncomplete?: boolean
}

export async function exportReport(
  context: ServiceContext,
  request: ExportRequest,
  printPdf: PdfPrinter,
  localePaper: PaperSize
): Promise<ReportFile> {
  const { data, paperSize } = context.db
    .transaction(() => ({
      data: loadReportData(context, request),
      paperSize: reportSettings(context.db).paperSize ?? localePaper
    }))
    .deferred()
  if (isPublicFormat(request.format) && !data.internal && !request.allowIncomplete) {
    const blocking = checkReadiness(data)
    if (blocking.length) {
      const count = blocking.length === 1 ? 'one thing blocks' : `${blocking.length} things block`
      throw new FactmarkError(
        'conflict',
        `This report is not ready to publish: ${count} it, the first being “${blocking[0]!.message}” Fix what the readiness check lists, or include the incomplete claims knowingly.`
      )
    }
  }
  const info = reportFormatInfo[request.format]
  const base = {
    fileName: reportFileName(data.document.title, request.format),
    mediaType: info.mediaType,
    claimCount: reportClaims(data).length
  }
  if (request.format === 'pdf') {
    const pdf = await printPdf(renderHtml(data), printOptions(data, paperSize))
    return { ...base, encoding: 'base64', data: Buffer.from(pdf).toString('base64') }
  }
  return { ...base, encoding: 'utf8', data: textRenderers[request.format](data) }
}
