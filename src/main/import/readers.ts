/**
 * One reader per import format (the table's rows are in
 * `src/shared/import/formats.ts`), and the way from any source the API names
 * (pasted text or HTML, a file, a web address) to what it holds: an article,
 * or Factmark's own annotations. Text, Markdown and HTML are read at once;
 * .docx, PDF and web pages must wait for their readers, so those answer a promise.
 */
import type { ImportSource } from '../../shared/api'
import { FactmarkError } from '../../shared/errors'
import { importFormatInfo, importFormatOf, isAnnotationFile, notImportable, type ImportFormat } from '../../shared/import/formats'
import { readAnnotations, type AnnotationFile } from '../../shared/report/readAnnotations'
import { articleOf, parseHtml, parseText, parseUrl, type ParsedArticle } from './article'
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

/** A file's bytes, read by the reader its name's extension picks. */
export function readFile(fileName: string, bytes: Uint8Array, title?: string): Imported | Promise<Imported> {
  const what = `"${fileName}"`
  const format = importFormatOf(fileName)
  if (!format) throw new FactmarkError('unsupported_file', notImportable(what))
  const { maxBytes } = importFormatInfo[format]
  if (bytes.length > maxBytes) {
    throw new FactmarkError('too_large', `${what} is larger than ${maxBytes / 1024 / 1024} MB, the import limit.`)
  }
  return readers[format](bytes, { fileName, what, title, fallbackTitle: fileName.replace(/\.[^.]+$/, '') })
}

/** Any source of a document, as the API names them; `title`, when given, names an article. */
export function readSource(source: ImportSource, title?: string): Imported | Promise<Imported> {
  switch (source.kind) {
    case 'text':
      return article(parseText(source.text, source.format, title))
    case 'html':
      return article(parseHtml(source.html, title))
    case 'file':
      return readFile(source.fileName, Buffer.from(source.data, 'base64'), title)
    case 'url':
      return later(parseUrl(source.url, title))
  }
}

/** A source that must be an article: a new version of a document. */
export function readArticle(source: ImportSource): ParsedArticle | Promise<ParsedArticle> {
  if (source.kind === 'file') return readArticleFile(source.fileName, Buffer.from(source.data, 'base64'))
  const imported = readSource(source)
  return imported instanceof Promise ? imported.then(articleIn) : articleIn(imported)
}

/** A file that must be an article (a new version, or a file to find claims in), never Factmark's own export. */
export function readArticleFile(fileName: string, bytes: Uint8Array): ParsedArticle | Promise<ParsedArticle> {
  if (isAnnotationFile(fileName)) {
    throw new FactmarkError(
      'unsupported_file',
      `"${fileName}" is a Factmark export with claims of its own: import it as a new document, not as an article.`
    )
  }
  const imported = readFile(fileName, bytes)
  return imported instanceof Promise ? imported.then(articleIn) : articleIn(imported)
}

function articleIn(imported: Imported): ParsedArticle {
  if (imported.reads !== 'article') throw new Error('Only a file of Factmark annotations reads as annotations')
  return imported.article
}
