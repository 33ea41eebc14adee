/**
 * PDF files: the text of each page (pdf.js, legacy build for Node), put back
 * into lines and paragraphs from the positions of its pieces. A gap between
 * lines wider than the usual line spacing starts a paragraph; lines set in a
 * clearly larger type than the body become headings. Scripts and forms in a
 * PDF are never run: only its text is read, with eval turned off.
 */
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
  const read = await readPieces(bytes)
  if (!read.ok) {
    if (read.name === 'PasswordException') {
      throw new FactmarkError('unsupported_file', `${what} is protected by a password; save an unprotected copy and import that.`)
    }
    throw new FactmarkError('unsupported_file', `${what} is not a readable PDF: it is damaged.`)
  }
  const lines = read.pages.flatMap((items, i) => pageLines(items, i + 1))
  const content = paragraphs(lines)
  if (content.length === 0) {
    if (read.damage) {
      throw new FactmarkError('unsupported_file', `${what} is damaged (${read.damage}); no text could be read from it.`)
    }
    if (read.images) {
      throw new FactmarkError('invalid_input', `${what} has no text layer: its pages are images (a scan); run it through OCR and import the result.`)
    }
    throw new FactmarkError('invalid_input', `${what} has no text to import: its pages are empty.`)
  }
  const text = (key: string) => (typeof read.info[key] === 'string' && (read.info[key] as string).trim()) || undefined
  return {
    content,
    metadata: { title: text('Title'), author: text('Author'), publishedAt: pdfDate(text('CreationDate')) ?? undefined }
  }
}

type PdfRead =
  | {
      ok: true
      info: Record<string, unknown>
      pages: Piece[][]
      /** Whether any page paints an image: a page of images and no text is a scan. */
      images: boolean
      /** What pdf.js had to repair to open the file (a broken cross-reference table…), if anything. */
      damage: string | null
    }
  | { ok: false; name: string }

/** pdf.js's warnings that mean the file's structure is broken and was guessed at. */
const DAMAGE = /XRef|Indexing all PDF objects|startxref|trailer|Invalid (object|stream|PDF)|Bad (FCHECK|encoding|stream)|Unterminated|Unexpected end/i

/**
 * The text pieces of every page, and the document's info, read by pdf.js's
 * legacy build. It runs in the reader's worker (worker.ts): pdf.js installs
 * polyfills over built-ins (JSON.stringify, Array.prototype.push…) that are
 * many times slower than V8's own, and there they harm nothing else.
 */
async function readPieces(bytes: Uint8Array): Promise<PdfRead> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  // pdf.js reports what it repaired as warnings, on the console: they are collected, not printed.
  const warnings: string[] = []
  const { log, warn } = console
  console.log = console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '))
  try {
    const pdf = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: true,
      verbosity: pdfjs.VerbosityLevel.WARNINGS
    }).promise
    const info = ((await pdf.getMetadata()).info ?? {}) as Record<string, unknown>
    const pages: Piece[][] = []
    let images = false
    const imageOps = new Set<number>([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject])
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number)
      const { items } = await page.getTextContent()
      const pieces = items.filter((item) => 'str' in item).map(({ str, transform, height, hasEOL }) => ({ str, transform, height, hasEOL }))
      pages.push(pieces)
      if (!pieces.some((piece) => piece.str.trim()) && !images) {
        images = (await page.getOperatorList()).fnArray.some((op) => imageOps.has(op))
      }
      page.cleanup()
    }
    await pdf.destroy()
    const damage = warnings.find((warning) => DAMAGE.test(warning))
    return { ok: true, info: JSON.parse(JSON.stringify(info)) as Record<string, unknown>, pages, images, damage: damage ? oneLine(damage) : null }
  } catch (error) {
    return { ok: false, name: (error as Error | null)?.name ?? 'Error' }
  } finally {
    Object.assign(console, { log, warn })
  }
}

function oneLine(warning: string): string {
  return warning.replace(/^Warning:\s*/, '').split('\n')[0]!.slice(0, 120)
}

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
