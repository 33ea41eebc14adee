/**
 * Word (.docx) files: mammoth turns the document's structure (headings,
 * paragraphs, lists, links) into HTML, which the sanitiser reads like any
 * other untrusted HTML. The archive is checked for its honest unpacked size
 * first (zip.ts).
 */
import mammoth from 'mammoth'
import type { Block } from '../../shared/article'
import { limits } from '../../shared/api'
import { FactmarkError } from '../../shared/errors'
import { fragmentBlocks } from './page'
import { checkUnpackedSize, isZip } from './zip'

/** Word's quotation styles become block quotes (mammoth knows headings and lists already). */
const QUOTE_STYLES = [
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh"
]

export async function docxBlocks(bytes: Uint8Array, what: string): Promise<Block[]> {
  if (!isZip(bytes)) {
    throw new FactmarkError('unsupported_file', `${what} is not a Word document: a .docx file is a zip archive, and this is not one.`)
  }
  checkUnpackedSize(bytes, limits.unpackedBytes, what)
  let html: string
  try {
    // Images would only be dropped by the sanitiser: skip converting them at all.
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })), styleMap: QUOTE_STYLES }
    )
    html = result.value
  } catch {
    throw new FactmarkError('unsupported_file', `${what} could not be read as a Word document; it may be damaged.`)
  }
  return fragmentBlocks(html)
}
