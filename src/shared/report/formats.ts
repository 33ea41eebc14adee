/**
 * The report formats, named once: the export dialog, the API and the CLI
 * all take their names, file extensions and media types from here.
 */
export const reportFormats = ['html', 'pdf', 'md', 'csv', 'jsonld', 'claimreview'] as const
export type ReportFormat = (typeof reportFormats)[number]

export interface ReportFormatInfo {
  label: string
  extension: string
  mediaType: string
}

export const reportFormatInfo: Record<ReportFormat, ReportFormatInfo> = {
  html: { label: 'Annotated report (HTML)', extension: 'html', mediaType: 'text/html' },
  pdf: { label: 'Annotated report (PDF)', extension: 'pdf', mediaType: 'application/pdf' },
  md: { label: 'Markdown', extension: 'md', mediaType: 'text/markdown' },
  csv: { label: 'Spreadsheet (CSV)', extension: 'csv', mediaType: 'text/csv' },
  jsonld: { label: 'W3C Web Annotations (JSON-LD)', extension: 'jsonld', mediaType: 'application/ld+json' },
  claimreview: { label: 'schema.org ClaimReview (JSON-LD)', extension: 'claimreview.jsonld', mediaType: 'application/ld+json' }
}

/**
 * Publications carry only what readers may see (rationale, verdict, sources,
 * public notes) and pass the readiness check first; data outputs (JSON-LD,
 * CSV) carry everything, for another library or a spreadsheet.
 */
const publicFormats: ReadonlySet<ReportFormat> = new Set(['html', 'pdf', 'md', 'claimreview'])
export const isPublicFormat = (format: ReportFormat): boolean => publicFormats.has(format)

/** A file name for a report: the title's words, safe on every OS. */
export function reportFileName(title: string, format: ReportFormat): string {
  const stem =
    title
      .normalize('NFKC')
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .trim()
      .replace(/\s+/g, '-')
      .replace(/^\.+/, '')
      .slice(0, 80) || 'report'
  return `${stem}.${reportFormatInfo[format].extension}`
}
