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
  const declaredReading = label === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(label).decode(bytes)
  // Valid UTF-8 wins over a declared charset that cannot read the bytes (a page saved as UTF-8 whose
  // <meta> still says gb2312): the declared reading has replacement characters, the UTF-8 one none.
  if (declaredReading.includes('\uFFFD')) {
    const utf8 = validUtf8(bytes)
    if (utf8 !== null && !utf8.includes('\uFFFD')) return utf8
  }
  return declaredReading
}

function validUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
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
 * UTF-8 when the bytes are valid UTF-8; else the legacy single-byte encoding
 * whose reading looks most like words of one script: windows-1252 (Western),
 * windows-1256 (Arabic, Persian) or windows-1251 (Cyrillic). Anything that
 * reads as none of them is refused rather than shown as mojibake.
 */
function utf8OrLegacy(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    const readings = LEGACY.map((label) => {
      const text = label === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(label).decode(bytes)
      return { text, score: plausibility(text) }
    })
    const best = readings.reduce((a, b) => (b.score > a.score ? b : a))
    if (best.score >= 0) return best.text
    throw new FactmarkError(
      'unsupported_file',
      `${what} is neither UTF-8 nor text in a legacy encoding Factmark recognises (${LEGACY.join(', ')}); save it as UTF-8 and try again.`
    )
  }
}

/** In order of preference when two read equally well. */
const LEGACY = ['windows-1252', 'windows-1256', 'windows-1251']

/**
 * How much a decoding reads like text: words of one script count for it,
 * words that mix scripts (mojibake: "CafÃ©", "AپB") and control characters
 * against it; runs of accented Latin letters with no plain letter between
 * them ("ÇíÑÇä", how Persian looks in windows-1252) count against it too.
 */
function plausibility(text: string): number {
  // Controls, C1 controls included (bytes windows-1252 leaves undefined).
  if (/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/.test(text)) return -Infinity
  let score = 0
  for (const [word] of text.matchAll(/[\p{L}\p{M}\u200c]+/gu)) {
    if (/^[A-Za-z]+$/.test(word)) continue
    const scripts = new Set([...word.matchAll(/\p{Script=Latin}|\p{Script=Arabic}|\p{Script=Cyrillic}|\p{Script=Greek}/gu)].map(scriptOf))
    if (scripts.size > 1) score -= 2
    else if (scripts.has('Latin') && word.length >= 3 && word.replace(/[A-Za-z]/g, '').length > word.length / 2) score -= 1
    else score += 1
  }
  return score
}

function scriptOf([char]: RegExpMatchArray): string {
  if (/\p{Script=Latin}/u.test(char!)) return 'Latin'
  if (/\p{Script=Arabic}/u.test(char!)) return 'Arabic'
  if (/\p{Script=Cyrillic}/u.test(char!)) return 'Cyrillic'
  return 'Greek'
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
