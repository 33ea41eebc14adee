/**
 * PDF files: the text of each page (pdf.js, legacy build for Node), put back
 * into lines and paragraphs from the positions of its pieces. A gap between
 * lines wider than the usual line spacing starts a paragraph; lines set in a
 * clearly larger type than the body become headings. Scripts and forms in a
 * PDF are never run: only its text is read, with eval turned off.
 */
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { foldWhitespace, type Block } from '../../shared/article'
import { FactmarkError } from '../../shared/errors'
import { date, type FoundMetadata } from './metadata'

interface Line {
  text: string
  y: number
  size: number
  page: number
}

export interface ReadPdf {
  content: Block[]
  metadata: FoundMetadata
}

export async function readPdf(bytes: Uint8Array, what: string): Promise<ReadPdf> {
  const read = await readInWorker(bytes)
  if (!read.ok) {
    if (read.name === 'PasswordException') {
      throw new FactmarkError('unsupported_file', `${what} is protected by a password; save an unprotected copy and import that.`)
    }
    if (read.name === 'TimeoutError') throw new FactmarkError('unsupported_file', `${what} took too long to read; it may be damaged.`)
    throw new FactmarkError('unsupported_file', `${what} is not a readable PDF; it may be damaged.`)
  }
  const lines = read.pages.flatMap((items, i) => pageLines(items, i + 1))
  const content = paragraphs(lines)
  if (content.length === 0) {
    throw new FactmarkError('invalid_input', `${what} has no text to import; a scanned PDF holds only images of text.`)
  }
  const text = (key: string) => (typeof read.info[key] === 'string' && (read.info[key] as string).trim()) || undefined
  return {
    content,
    metadata: { title: text('Title'), author: text('Author'), publishedAt: pdfDate(text('CreationDate')) ?? undefined }
  }
}

type WorkerAnswer =
  | { ok: true; info: Record<string, unknown>; pages: Piece[][] }
  | { ok: false; name: string }

/** The longest a PDF may take to read before it is given up on. */
const PDF_TIMEOUT_MS = 60_000

/**
 * pdf.js's legacy build installs polyfills over built-ins (JSON.stringify,
 * Array.prototype.push…) that are many times slower than V8's own, so it
 * runs in a worker thread of its own, where they harm nothing else; a
 * worker can also be stopped when a hostile PDF never finishes.
 */
function readInWorker(bytes: Uint8Array): Promise<WorkerAnswer> {
  const pdfjs = pathToFileURL(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs')).href
  const data = new Uint8Array(bytes)
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { pdfjs, data },
    transferList: [data.buffer],
    resourceLimits: { maxOldGenerationSizeMb: 1024 }
  })
  let timer: NodeJS.Timeout | undefined
  return new Promise<WorkerAnswer>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, name: 'TimeoutError' }), PDF_TIMEOUT_MS)
    worker.once('message', (answer: WorkerAnswer) => resolve(answer))
    worker.once('error', (error) => resolve({ ok: false, name: error.name }))
    worker.once('exit', () => resolve({ ok: false, name: 'WorkerExit' }))
  }).finally(() => {
    clearTimeout(timer)
    void worker.terminate()
  })
}

/** The worker: reads the text pieces of every page, and the document's info. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
;(async () => {
  const pdfjs = await import(workerData.pdfjs)
  const pdf = await pdfjs.getDocument({
    data: workerData.data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: true, verbosity: 0
  }).promise
  const info = (await pdf.getMetadata()).info || {}
  const pages = []
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number)
    const { items } = await page.getTextContent()
    pages.push(items.filter((item) => 'str' in item).map(({ str, transform, height, hasEOL }) => ({ str, transform, height, hasEOL })))
    page.cleanup()
  }
  await pdf.destroy()
  parentPort.postMessage({ ok: true, info: JSON.parse(JSON.stringify(info)), pages })
})().catch((error) => parentPort.postMessage({ ok: false, name: (error && error.name) || 'Error' }))
`

interface Piece {
  str: string
  transform: number[]
  height: number
  hasEOL: boolean
}

/** A page's pieces of text, joined into lines. */
function pageLines(items: readonly Piece[], page: number): Line[] {
  const lines: Line[] = []
  let current: Line | null = null
  for (const piece of items) {
    const y = piece.transform[5] ?? 0
    const size = Math.abs(piece.height || piece.transform[3] || 0)
    if (current && Math.abs(current.y - y) > Math.max(2, size / 2) && piece.str.trim()) {
      lines.push(current)
      current = null
    }
    if (!current) current = { text: '', y, size: 0, page }
    current.text += piece.str
    if (piece.str.trim()) current.size = Math.max(current.size, size)
    if (piece.hasEOL) {
      lines.push(current)
      current = null
    }
  }
  if (current) lines.push(current)
  return lines
}

/** Lines to paragraphs and headings. */
function paragraphs(lines: Line[]): Block[] {
  const sized = lines.filter((line) => line.text.trim())
  const body = median(sized.map((line) => line.size)) || 12
  const blocks: Block[] = []
  let paragraph = ''
  let previous: Line | null = null
  const flush = () => {
    const text = foldWhitespace(paragraph).trim()
    if (text) blocks.push({ type: 'paragraph', content: [{ text }] })
    paragraph = ''
  }
  for (const line of lines) {
    const text = foldWhitespace(line.text).trim()
    if (!text) {
      flush()
      previous = null
      continue
    }
    if (line.size >= body * 1.2) {
      flush()
      const last = blocks[blocks.length - 1]
      // A heading set on two lines stays one heading.
      if (last?.type === 'heading' && previous && previous.size === line.size && previous.page === line.page) {
        last.content[0]!.text += ' ' + text
      } else blocks.push({ type: 'heading', level: line.size >= body * 1.7 ? 1 : 2, content: [{ text }] })
      previous = line
      continue
    }
    const gap = previous && previous.page === line.page ? previous.y - line.y : 0
    if (!previous || previous.page !== line.page || gap > Math.max(previous.size, line.size) * 1.6 || previous.size >= body * 1.2) {
      flush()
    }
    // A word broken at the end of a line is joined again.
    if (/\p{L}-$/u.test(paragraph) && /^\p{Ll}/u.test(text)) paragraph = paragraph.slice(0, -1) + text
    else paragraph += (paragraph ? ' ' : '') + text
    previous = line
  }
  flush()
  return blocks
}

function median(values: number[]): number {
  if (!values.length) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/** A PDF date, D:YYYYMMDDHHmmSS, as ISO 8601. */
function pdfDate(value: string | undefined): string | null {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?/.exec(value ?? '')
  if (!match) return null
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00'] = match
  return date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`)
}
