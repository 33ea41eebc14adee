/**
 * One reader per import format (the table's rows are in
 * `src/shared/import/formats.ts`), and the jobs the reader worker runs
 * (`reader.ts`; `worker.ts` decides what runs there). A file's reader makes
 * an article, or, for Factmark's own export, its annotations.
 */
import { FactmarkError } from '../../shared/errors'
import { importFormatInfo, importFormatOf, notImportable, type ImportFormat } from '../../shared/import/formats'
import { readAnnotations, type AnnotationFile } from '../../shared/report/readAnnotations'
import { articleOf, parseHtml, parsePage, parseText, type ParsedArticle, type TextFormat } from './article'
import { decodeHtml, decodeText } from './decode'
import { docxBlocks } from './docx'
import { extractPage } from './page'
import { readPdf } from './pdf'

/** What a source holds. */
export type Imported =
  | { reads: 'article'; article: ParsedArticle }
  | { reads: 'annotations'; fileName: string; annotations: AnnotationFile }

/** A file as a reader sees it: its name, the name quoted for messages, and the title the analyst gave, if any. */
interface FileNaming {
  fileName: string
  what: string
  title: string | undefined
  fallbackTitle: string
}

type Reader = (bytes: Uint8Array, file: FileNaming) => Imported | Promise<Imported>

const article = (parsed: ParsedArticle): Imported => ({ reads: 'article', article: parsed })
const later = (parsed: Promise<ParsedArticle>): Promise<Imported> => parsed.then(article)

const readers: Record<ImportFormat, Reader> = {
  text: (bytes, file) => article(parseText(decodeText(bytes, file.fileName), 'text', file.title, file.fallbackTitle, file.what)),
  markdown: (bytes, file) => article(parseText(decodeText(bytes, file.fileName), 'markdown', file.title, file.fallbackTitle, file.what)),
  html: (bytes, { what, title, fallbackTitle }) => {
    const page = extractPage(decodeHtml(bytes, what))
    return article(articleOf(page.content, { origin: 'html', metadata: page.metadata, title, fallbackTitle, what }))
  },
  docx: (bytes, { what, title, fallbackTitle }) =>
    later(docxBlocks(bytes, what).then((content) => articleOf(content, { origin: 'docx', metadata: {}, title, fallbackTitle, what }))),
  pdf: (bytes, { what, title, fallbackTitle }) =>
    later(readPdf(bytes, what).then(({ content, metadata }) => articleOf(content, { origin: 'pdf', metadata, title, fallbackTitle, what }))),
  jsonld: (bytes, { fileName, what }) => ({
    reads: 'annotations',
    fileName,
    annotations: readAnnotations(decodeText(bytes, fileName), what)
  })
}

/** A file's format, by its name; refused with the one message when Factmark does not import it. */
export function formatOfFile(fileName: string): ImportFormat {
  const format = importFormatOf(fileName)
  if (!format) throw new FactmarkError('unsupported_file', notImportable(`"${fileName}"`))
  return format
}

/** A file's bytes, read by the reader its name's extension picks. */
export function readFile(fileName: string, bytes: Uint8Array, title?: string): Imported | Promise<Imported> {
  const what = `"${fileName}"`
  const format = formatOfFile(fileName)
  const { maxBytes } = importFormatInfo[format]
  if (bytes.length > maxBytes) {
    throw new FactmarkError('too_large', `${what} is larger than ${maxBytes / 1024 / 1024} MB, the import limit.`)
  }
  return readers[format](bytes, { fileName, what, title, fallbackTitle: fileName.replace(/\.[^.]+$/, '') })
}

/**
 * One piece of reading, as the worker receives it: everything that reads
 * untrusted text or bytes. Fetching a page is not reading: the main process
 * fetches, the worker reads what came.
 */
export type ParseJob =
  | { kind: 'text'; text: string; format: TextFormat; title?: string }
  | { kind: 'html'; html: string; title?: string }
  | { kind: 'file'; fileName: string; bytes: Uint8Array; title?: string }
  | { kind: 'page'; html: string; url: string; title?: string }

/** How a job's source is named in messages. */
export function sourceName(job: ParseJob): string {
  switch (job.kind) {
    case 'text':
      return 'The text'
    case 'html':
      return 'The pasted HTML'
    case 'file':
      return `"${job.fileName}"`
    case 'page':
      return job.url
  }
}

/** Runs one job, where it runs: in the reader's worker, or at once for what is cheap to read (worker.ts). */
export function parseJob(job: ParseJob): Imported | Promise<Imported> {
  switch (job.kind) {
    case 'text':
      return article(parseText(job.text, job.format, job.title))
    case 'html':
      return article(parseHtml(job.html, job.title))
    case 'file':
      return readFile(job.fileName, job.bytes, job.title)
    case 'page':
      return article(parsePage(job.html, job.url, job.title))
  }
}
