/** Each text format's renderer: a pure function from the report's data to its text. */
import { renderAnnotations } from './annotations'
import { renderClaimReviews } from './claimreview'
import { renderCsv } from './csv'
import type { ReportData } from './data'
import type { ReportFormat } from './formats'
import { renderHtml } from './html'
import { renderMarkdown } from './markdown'

/** The text formats; PDF is printed from the HTML on the main side. */
export const textRenderers: Record<Exclude<ReportFormat, 'pdf'>, (data: ReportData) => string> = {
  html: renderHtml,
  md: renderMarkdown,
  csv: renderCsv,
  jsonld: renderAnnotations,
  claimreview: renderClaimReviews
}
