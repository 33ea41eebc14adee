/**
 * Turns imported text, pages, Word files and PDFs into an article: its
 * blocks, canonical text, title and whatever metadata the source carries.
 * Text, Markdown and HTML are read at once; .docx, PDF and web pages must
 * wait for their readers, so those answer a promise.
 */
import { limits, type ImportSource } from '../../shared/api'
import { blockText, textBlocks, type Block } from '../../shared/article'
import { FactmarkError } from '../../shared/errors'
import { normaliseArticle } from '../../shared/normalise'
import { decodeHtml, decodeText } from './decode'
import { docxBlocks } from './docx'
import { markdownBlocks } from './markdown'
import type { FoundMetadata } from './metadata'
import { extractPage, fragmentBlocks } from './page'
import { readPdf } from './pdf'
import { plainTextBlocks } from './plaintext'
import { fetchPage } from './url'

export type TextFormat = 'text' | 'markdown'
export type FileFormat = TextFormat | 'html' | 'docx' | 'pdf'
/** How a document came in; stored in documents.origin. */
export type Origin = FileFormat | 'url'

export interface ParsedArticle {
  title: string
  content: Block[]
  text: string
  origin: Origin
  /** What the source said about itself; fields it did not say are absent. */
  metadata: FoundMetadata
}

const FORMAT_BY_EXTENSION: Record<string, FileFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  pdf: 'pdf'
}

/** The file types the Import dialog offers, for its file chooser. */
export const importableExtensions = Object.keys(FORMAT_BY_EXTENSION)

export function formatOfFile(fileName: string): FileFormat {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? ''
  const format = FORMAT_BY_EXTENSION[extension]
  if (!format) {
    throw new FactmarkError(
      'unsupported_file',
      `"${fileName}" is not a file Factmark can import; use a .txt, .md, .html, .docx or .pdf file, or a Factmark .jsonld export.`
    )
  }
  return format
}

export function parseFile(fileName: string, bytes: Uint8Array): ParsedArticle | Promise<ParsedArticle> {
  const format = formatOfFile(fileName)
  const what = `"${fileName}"`
  if (bytes.length > limits.importBytes) {
    throw new FactmarkError('too_large', `${what} is larger than ${limits.importBytes / 1024 / 1024} MB, the import limit.`)
  }
  const fallbackTitle = fileName.replace(/\.[^.]+$/, '')
  switch (format) {
    case 'text':
    case 'markdown':
      return parseText(decodeText(bytes, fileName), format, undefined, fallbackTitle, what)
    case 'html': {
      const page = extractPage(decodeHtml(bytes, what))
      return articleOf(page.content, { origin: 'html', metadata: page.metadata, fallbackTitle, what })
    }
    case 'docx':
      return docxBlocks(bytes, what).then((content) => articleOf(content, { origin: 'docx', metadata: {}, fallbackTitle, what }))
    case 'pdf':
      return readPdf(bytes, what).then(({ content, metadata }) => articleOf(content, { origin: 'pdf', metadata, fallbackTitle, what }))
  }
}

export function parseText(
  source: string,
  format: TextFormat,
  title?: string,
  fallbackTitle = 'Untitled article',
  what = 'The text'
): ParsedArticle {
  if (source.trim() === '') throw new FactmarkError('invalid_input', `${what} is empty: there is no article to import.`)
  const content = format === 'markdown' ? markdownBlocks(source) : plainTextBlocks(source)
  return articleOf(content, { origin: format, metadata: {}, title, fallbackTitle, what })
}

/** HTML pasted from the clipboard: the selection as the analyst copied it, sanitised. */
export function parseHtml(html: string, title?: string): ParsedArticle {
  if (html.trim() === '') throw new FactmarkError('invalid_input', 'The pasted HTML is empty: there is no article to import.')
  return articleOf(fragmentBlocks(html), { origin: 'html', metadata: {}, title, what: 'The pasted HTML' })
}

/** A web page (fetched by the main process), its article extracted. */
export function parsePage(html: string, url: string): ParsedArticle {
  const { content, metadata } = extractPage(html, url)
  return articleOf(content, { origin: 'url', metadata: { sourceUrl: url, ...metadata }, what: url })
}

/**
 * One piece of parsing, as the worker (worker.ts) receives it: everything
 * that reads untrusted text or bytes. Fetching a page is not parsing: the
 * main process fetches, the worker reads what came.
 */
export type ParseJob =
  | { kind: 'text'; text: string; format: TextFormat; title?: string }
  | { kind: 'html'; html: string; title?: string }
  | { kind: 'file'; fileName: string; bytes: Uint8Array }
  | { kind: 'page'; html: string; url: string }

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

/** Runs one job, where it runs: in the reader's worker. */
export function parseJob(job: ParseJob): ParsedArticle | Promise<ParsedArticle> {
  switch (job.kind) {
    case 'text':
      return parseText(job.text, job.format, job.title)
    case 'html':
      return parseHtml(job.html, job.title)
    case 'file':
      return parseFile(job.fileName, job.bytes)
    case 'page':
      return parsePage(job.html, job.url)
  }
}

/** The job that reads an API source; a web address is fetched first, by the calling thread. */
export async function jobOf(source: ImportSource): Promise<ParseJob> {
  switch (source.kind) {
    case 'text':
      return { kind: 'text', text: source.text, format: source.format }
    case 'html':
      return { kind: 'html', html: source.html }
    case 'file':
      return { kind: 'file', fileName: source.fileName, bytes: Buffer.from(source.data, 'base64') }
    case 'url': {
      const page = await fetchPage(source.url)
      return { kind: 'page', html: page.html, url: page.url }
    }
  }
}

interface ArticleOptions {
  origin: Origin
  metadata: FoundMetadata
  title?: string
  fallbackTitle?: string
  what: string
}

function articleOf(blocks: Block[], options: ArticleOptions): ParsedArticle {
  // The boundary: what is stored is normalised and depth-capped once, here.
  const { content, text } = normaliseArticle(blocks)
  if (text.trim() === '') throw new FactmarkError('invalid_input', `${options.what} has no readable text.`)
  const title =
    options.title?.trim() || options.metadata.title || guessTitle(content) || options.fallbackTitle || 'Untitled article'
  return { title: title.slice(0, limits.titleLength), content, text, origin: options.origin, metadata: options.metadata }
}

/** A leading heading, or a short first line, names the article. */
function guessTitle(content: Block[]): string | null {
  const first = content[0]
  if (first?.type === 'heading') return blockText(first)
  const firstText = textBlocks(content)[0]
  if (firstText && content.length > 1) {
    const line = blockText(firstText)
    if (line.length <= 120 && !/[.!?]$/.test(line)) return line
  }
  return null
}
