/**
 * Sentence snapping: the sentence under the caret, so marking a claim is one
 * gesture. Intl.Segmenter does the work in the document's language; this
 * module adds what it lacks — a guard against breaking after abbreviations
 * ("Dr. Lee", "the U.S. Institute"), which ICU's sentence rules split on — and
 * a sensible language when the document has none.
 */
import { BLOCK_SEPARATOR } from './article'
import type { TextPositionSelector } from './selector'

/** Titles and short forms that are followed by a name or a word, never by a sentence end. */
const TITLES = new Set(
  [
    'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'jr', 'sr', 'rev', 'hon', 'gen', 'col', 'lt', 'maj', 'capt', 'sgt', 'cpl',
    'adm', 'gov', 'sen', 'rep', 'pres', 'amb', 'supt', 'insp', 'mt', 'ft', 'vs', 'cf', 'approx', 'dept', 'univ', 'inc',
    'ltd', 'corp', 'co', 'bros', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
    'e.g', 'i.e', 'a.m', 'p.m', 'ph.d', 'viz', 'al'
  ]
)
/** Short forms followed by a number: "No. 7", "pp. 12–14". */
const BEFORE_NUMBERS = new Set(['no', 'nos', 'p', 'pp', 'vol', 'art', 'fig', 'sec', 'ch'])

/**
 * True when ICU's break between `segment` and `next` is not a sentence end:
 * after an abbreviation, or after a quoted question or exclamation that the
 * sentence goes on from ("“Who counted?” asked one analyst.").
 */
export function isFalseBreak(segment: string, next: string): boolean {
  if (/[?!][”"’'»)\]]+\s*$/u.test(segment) && /^\s*\p{Ll}/u.test(next)) return true
  return endsInAbbreviation(segment, next)
}

/** True when `segment` ends in an abbreviation that does not end a sentence before `next`. */
export function endsInAbbreviation(segment: string, next: string): boolean {
  const match = /(?:^|[\s(“"‘'[])((?:\p{L}+\.)*\p{L}+)\.\s*$/u.exec(segment)
  if (!match) return false
  const word = match[1]!
  const lower = word.toLowerCase()
  if (TITLES.has(lower)) return true
  if (BEFORE_NUMBERS.has(lower)) return /^\s*\p{N}/u.test(next)
  // Initialisms ("U.S.", "U.N.") and a single initial ("J. Smith") before a capitalised word.
  const initialism = /^(?:\p{L}\.)+\p{L}$/u.test(word) || /^\p{Lu}$/u.test(word)
  return initialism && /^\s*\p{Lu}/u.test(next)
}

/** A BCP 47 tag Intl.Segmenter accepts: the document's, else one guessed from the script. */
export function segmentationLanguage(language: string | null | undefined, sample: string): string {
  if (language) {
    try {
      return Intl.getCanonicalLocales(language)[0] ?? guessLanguage(sample)
    } catch {
      // Not a valid tag: guess instead.
    }
  }
  return guessLanguage(sample)
}

function guessLanguage(sample: string): string {
  if (/[\u3040-\u30ff]/u.test(sample)) return 'ja'
  if (/\p{Script=Han}/u.test(sample)) return 'zh'
  if (/\p{Script=Hangul}/u.test(sample)) return 'ko'
  if (/[پچژگکی]/u.test(sample)) return 'fa'
  if (/\p{Script=Arabic}/u.test(sample)) return 'ar'
  if (/\p{Script=Hebrew}/u.test(sample)) return 'he'
  if (/\p{Script=Thai}/u.test(sample)) return 'th'
  if (/\p{Script=Cyrillic}/u.test(sample)) return 'ru'
  return 'en'
}

/** The sentences of `text`, trimmed of surrounding white space, with abbreviation breaks mended. */
export function sentences(text: string, language?: string | null): TextPositionSelector[] {
  const segmenter = new Intl.Segmenter(segmentationLanguage(language, text), { granularity: 'sentence' })
  const spans: TextPositionSelector[] = []
  let pending: TextPositionSelector | null = null
  for (const { index, segment } of segmenter.segment(text)) {
    const end = index + segment.length
    if (pending && !isFalseBreak(text.slice(pending.start, pending.end), segment)) {
      spans.push(pending)
      pending = null
    }
    pending = pending ? { start: pending.start, end } : { start: index, end }
  }
  if (pending) spans.push(pending)
  return spans.map((span) => trimmed(text, span)).filter((span): span is TextPositionSelector => span !== null)
}

/**
 * The sentence that holds `offset` (a caret). A caret in the white space
 * after a sentence belongs to that sentence; null when the text is blank.
 */
export function sentenceAt(text: string, offset: number, language?: string | null): TextPositionSelector | null {
  const all = sentences(text, language)
  let found: TextPositionSelector | null = null
  for (const span of all) {
    if (span.start > offset) break
    found = span
  }
  return found ?? all[0] ?? null
}

function trimmed(text: string, span: TextPositionSelector): TextPositionSelector | null {
  let { start, end } = span
  while (start < end && /\s/u.test(text[start]!)) start++
  while (end > start && /\s/u.test(text[end - 1]!)) end--
  return start < end ? { start, end } : null
}

/**
 * The sentence under a caret in a document's canonical text: segmentation
 * stays inside the caret's block (a heading never runs into its paragraph).
 * Offsets are canonical-text offsets.
 */
export function sentenceInDocument(text: string, offset: number, language?: string | null): TextPositionSelector | null {
  const size = BLOCK_SEPARATOR.length
  const previous = offset >= size ? text.lastIndexOf(BLOCK_SEPARATOR, offset - size) : -1
  const blockStart = previous < 0 ? 0 : previous + size
  const after = text.indexOf(BLOCK_SEPARATOR, blockStart)
  const blockEnd = after < 0 ? text.length : after
  const span = sentenceAt(text.slice(blockStart, blockEnd), offset - blockStart, language)
  return span && { start: blockStart + span.start, end: blockStart + span.end }
}
