/**
 * The file formats Factmark imports, named once: the importer picks a file's
 * reader here, and the Import dialog's file chooser, the window's drop check,
 * the CLI's usage text and the error for an unknown file all take their
 * extensions and labels from this table. A new format is one row here and one
 * reader in `src/main/import/readers.ts` (the compiler asks for it).
 */
export const importFormats = ['text', 'markdown', 'html', 'docx', 'pdf', 'jsonld'] as const
export type ImportFormat = (typeof importFormats)[number]

export interface ImportFormatInfo {
  label: string
  /** File name endings, without the dot; the first is the one named to the analyst. */
  extensions: readonly string[]
  /** Media types, for a file chooser's filter. */
  mediaTypes: readonly string[]
  /**
   * What the reader makes of the file: an article (a new document, or a new
   * version of one), or Factmark's own annotations (a document with its claims).
   */
  reads: 'article' | 'annotations'
  /**
   * Whether its reader runs in the reader worker, with time and memory limits
   * (anything that parses nested structure), or at once in the calling
   * thread (plain text splits linearly; JSON-LD is V8's own JSON.parse, then
   * the shared schemas).
   */
  inWorker: boolean
  /** Largest file taken, in bytes. */
  maxBytes: number
}

/** Largest article import, in bytes of the file or UTF-8 of pasted text. */
export const articleBytes = 25 * 1024 * 1024
// 100,000 claims make about 100 MB of JSON-LD (the browser host caps requests at 40 MB).
const annotationBytes = 256 * 1024 * 1024

export const importFormatInfo: Record<ImportFormat, ImportFormatInfo> = {
  text: { label: 'Plain text', extensions: ['txt', 'text'], mediaTypes: ['text/plain'], reads: 'article', inWorker: false, maxBytes: articleBytes },
  markdown: { label: 'Markdown', extensions: ['md', 'markdown'], mediaTypes: ['text/markdown'], reads: 'article', inWorker: true, maxBytes: articleBytes },
  html: {
    label: 'Web page (HTML)',
    extensions: ['html', 'htm', 'xhtml'],
    mediaTypes: ['text/html', 'application/xhtml+xml'],
    reads: 'article',
    inWorker: true,
    maxBytes: articleBytes
  },
  docx: {
    label: 'Word document',
    extensions: ['docx'],
    mediaTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    reads: 'article',
    inWorker: true,
    maxBytes: articleBytes
  },
  pdf: { label: 'PDF', extensions: ['pdf'], mediaTypes: ['application/pdf'], reads: 'article', inWorker: true, maxBytes: articleBytes },
  jsonld: {
    label: 'Factmark export (W3C Web Annotations, JSON-LD)',
    extensions: ['jsonld'],
    mediaTypes: ['application/ld+json'],
    reads: 'annotations',
    inWorker: false,
    maxBytes: annotationBytes
  }
}

/** The format a file name's extension names, or null when Factmark does not import it. */
export function importFormatOf(fileName: string): ImportFormat | null {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase()
  if (!extension) return null
  return importFormats.find((format) => importFormatInfo[format].extensions.includes(extension)) ?? null
}

/** True for Factmark's own JSON-LD export, which imports as a document with its claims. */
export function isAnnotationFile(fileName: string): boolean {
  const format = importFormatOf(fileName)
  return format !== null && importFormatInfo[format].reads === 'annotations'
}

/** The file chooser's `accept`: every extension, then every media type. */
export const importAccept = [
  ...importFormats.flatMap((format) => importFormatInfo[format].extensions.map((extension) => `.${extension}`)),
  ...new Set(importFormats.flatMap((format) => importFormatInfo[format].mediaTypes))
].join(',')

const named = (reads: ImportFormatInfo['reads']) =>
  importFormats.filter((format) => importFormatInfo[format].reads === reads).map((format) => `.${importFormatInfo[format].extensions[0]}`)

/** The extensions named to the analyst, articles first: ".txt, .md, .html, .docx, .pdf, .jsonld". */
export const importableNames = [...named('article'), ...named('annotations')].join(', ')

/**
 * The one message for a file Factmark does not import, wherever it was chosen,
 * dropped or named; `what` is the file's name as the caller quotes it.
 */
export function notImportable(what: string): string {
  const articles = named('article')
  const list = `${articles.slice(0, -1).join(', ')} or ${articles.at(-1)}`
  return `${what} is not a file Factmark can import; use a ${list} file, or a Factmark ${named('annotations').join(', ')} export.`
}
