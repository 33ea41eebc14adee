/**
 * Turns a file's bytes into text, or says plainly why it cannot.
 */
import { FactmarkError } from '../../shared/errors'

/** Bytes that never appear in text: NUL and most C0 controls. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192)
  let controls = 0
  for (const byte of sample) {
    if (byte === 0) return true
    if (byte < 9 || (byte > 13 && byte < 32)) controls++
  }
  return sample.length > 0 && controls / sample.length > 0.05
}

export function decodeText(bytes: Uint8Array, fileName: string): string {
  // A UTF-16 file is full of NULs, so its byte-order mark must be read first.
  const what = `"${fileName}"`
  const marked = byteOrderMark(bytes)
  if (marked) return decode(marked.encoding, bytes.subarray(marked.length), what)
  if (looksBinary(bytes)) throw new FactmarkError('unsupported_file', `${what} looks like a binary file, not text.`)
  return utf8OrLegacy(bytes, what)
}

/**
 * A web page's text. The encoding comes, in the order browsers use, from a
 * byte-order mark, the server's Content-Type charset, the page's own
 * <meta charset> or http-equiv, and else UTF-8 with windows-1252 behind it.
 */
export function decodeHtml(bytes: Uint8Array, what: string, declared?: string | null): string {
  const marked = byteOrderMark(bytes)
  if (marked) return decode(marked.encoding, bytes.subarray(marked.length), what)
  const label = supportedLabel(declared) ?? supportedLabel(metaCharset(bytes))
  // A page cannot honestly declare UTF-16 in ASCII; browsers read such pages as UTF-8.
  if (!label || label === 'utf-8' || label.startsWith('utf-16')) return utf8OrLegacy(bytes, what)
  if (label === 'windows-1252') return decodeWindows1252(bytes)
  return new TextDecoder(label).decode(bytes)
}

const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' }
]

function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | null {
  const found = BOMS.find((bom) => bom.bytes.every((byte, i) => bytes[i] === byte))
  return found ? { encoding: found.encoding, length: found.bytes.length } : null
}

/**
 * UTF-8 when the bytes are valid UTF-8; else windows-1252, the legacy
 * encoding of most Western text, when every byte means a printable character
 * in it. Anything else is refused rather than shown as mojibake.
 */
function utf8OrLegacy(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    const legacy = decodeWindows1252(bytes)
    // windows-1252 leaves five bytes undefined; they decode to C1 controls.
    if (!/[\u0080-\u009f]/.test(legacy)) return legacy
    throw new FactmarkError('unsupported_file', `${what} is neither UTF-8 nor windows-1252 text; save it as UTF-8 and try again.`)
  }
}

/**
 * windows-1252 by table: Node's own decoder for it (and for latin1 and ascii,
 * its aliases) reads 0x80–0x9F as C1 controls, losing €, curly quotes and dashes.
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 0x4000) {
    const chunk = Array.from(bytes.subarray(i, i + 0x4000), (byte) =>
      byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_HIGH[byte - 0x80]! : String.fromCharCode(byte)
    )
    out += chunk.join('')
  }
  return out
}

/** The charset a page declares in its first 4 KB (as the HTML standard's prescan does, simply). */
function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096))
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1] ?? null
}

/** A label TextDecoder knows, in its canonical name; null for none or an unknown one. */
function supportedLabel(label: string | null | undefined): string | null {
  if (!label) return null
  try {
    return new TextDecoder(label.trim()).encoding
  } catch {
    return null
  }
}

function decode(encoding: string, bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    throw new FactmarkError('unsupported_file', `${what} is not valid ${encoding.toUpperCase()} text.`)
  }
}
