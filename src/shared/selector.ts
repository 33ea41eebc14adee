/**
 * W3C Web Annotation selectors for a span of the canonical text.
 * https://www.w3.org/TR/annotation-model/#text-quote-selector
 */

/** How much context a TextQuoteSelector keeps on each side. */
export const CONTEXT_LENGTH = 32

export interface TextQuoteSelector {
  exact: string
  prefix: string
  suffix: string
}

/** Offsets into the canonical text, in UTF-16 code units; `end` is exclusive. */
export interface TextPositionSelector {
  start: number
  end: number
}

export function quoteSelector(text: string, span: TextPositionSelector): TextQuoteSelector {
  return {
    exact: text.slice(span.start, span.end),
    prefix: text.slice(Math.max(0, span.start - CONTEXT_LENGTH), span.start),
    suffix: text.slice(span.end, span.end + CONTEXT_LENGTH)
  }
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isLowSurrogate(text.charCodeAt(offset))
}

/**
 * Narrows a span so it neither starts nor ends in white space, which a
 * mouse selection often drags along. Returns null when nothing is left.
 */
export function trimSpan(text: string, span: TextPositionSelector): TextPositionSelector | null {
  let { start, end } = span
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return start < end ? { start, end } : null
}
