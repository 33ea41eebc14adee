/**
 * Factmark counts offsets in UTF-16 code units (as JavaScript does); the W3C
 * Web Annotation model counts code points. These convert between the two for
 * one text, building the index once so a document's many claims convert in
 * constant time each.
 */

export interface OffsetConverter {
  toCodePoints(utf16: number): number
  toUtf16(codePoints: number): number
}

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/

export function offsetConverter(text: string): OffsetConverter {
  // Most texts have no character beyond the Basic Multilingual Plane: the two counts agree.
  if (!SURROGATE_PAIR.test(text)) return { toCodePoints: (n) => n, toUtf16: (n) => n }
  // utf16At[cp] = UTF-16 offset of code point cp; cpAt[u] = code points before UTF-16 offset u.
  const utf16At: number[] = []
  const cpAt = new Uint32Array(text.length + 1)
  let cp = 0
  for (let u = 0; u < text.length; ) {
    utf16At.push(u)
    const code = text.charCodeAt(u)
    const width = code >= 0xd800 && code <= 0xdbff && u + 1 < text.length ? 2 : 1
    cpAt[u] = cp
    // An offset inside a pair counts as the pair's end.
    if (width === 2) cpAt[u + 1] = cp + 1
    u += width
    cp++
  }
  utf16At.push(text.length)
  cpAt[text.length] = cp
  return {
    toCodePoints: (n) => cpAt[Math.min(Math.max(n, 0), text.length)]!,
    toUtf16: (n) => utf16At[Math.min(Math.max(n, 0), utf16At.length - 1)]!
  }
}
