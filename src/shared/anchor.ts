/**
 * Re-anchoring: placing a claim's selectors in a (possibly changed) text.
 *
 * In order, as the Hypothesis client does:
 *  1. the exact quote at the stored position;
 *  2. the exact quote elsewhere, the occurrence whose context (prefix, suffix)
 *     matches best, nearest the old position breaking ties;
 *  3. an approximate match (Myers' bit-parallel search, `approx-string-match`)
 *     scored on the quote, prefix, suffix and distance from the old position:
 *     up to a third of the quote may differ near its old place, an eighth
 *     anywhere else;
 * A claim that cannot be placed is an orphan: kept, shown as such, never dropped.
 *
 * Searches look near the old position first and only scan the whole text when
 * nothing good is there, so re-placing thousands of claims after a small edit
 * stays cheap (see bench/reanchor.bench.ts).
 */
import approxSearch from 'approx-string-match'
import { splitsSurrogatePair, trimSpan, type TextPositionSelector, type TextQuoteSelector } from './selector'

export type Anchoring =
  | { kind: 'exact'; start: number; end: number }
  | { kind: 'moved'; start: number; end: number }
  | { kind: 'approximate'; start: number; end: number; score: number }
  | { kind: 'orphan' }

/** How far either side of the old position the first, cheap search looks. */
const NEAR = 4096

/**
 * The weights Hypothesis gives each part of an approximate match's score: the
 * quote counts most, its context next, the distance from the old position least.
 */
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 }

/**
 * The largest share of the quote that may differ in an approximate match. A
 * quote rewritten by more than a third is orphaned rather than guessed.
 */
const MAX_ERROR_SHARE = 1 / 3

/**
 * Places a quote in `text`. `drift` is how far the text before the claim
 * has moved (new offset minus old), when the caller knows it: the stored
 * position shifted by the drift is tried right after the stored position.
 */
export function placeQuote(text: string, quote: TextQuoteSelector, hint?: TextPositionSelector, drift = 0): Anchoring {
  const { exact } = quote
  if (!exact) return { kind: 'orphan' }
  if (hint && text.slice(hint.start, hint.end) === exact) return { kind: 'exact', start: hint.start, end: hint.end }
  const near = hint ? hint.start + drift : undefined
  if (near !== undefined && drift !== 0 && text.startsWith(exact, near)) {
    const end = near + exact.length
    if (contextScore(text, near, end, quote) === fullContext(text, near, end, quote)) return { kind: 'moved', start: near, end }
  }
  const found = nearestExact(text, quote, near)
  if (found !== null) return { kind: 'moved', start: found, end: found + exact.length }
  const approximate = approximateMatch(text, quote, near)
  if (approximate) return { kind: 'approximate', ...approximate }
  return { kind: 'orphan' }
}

/**
 * Places many claims in one text, in text order, carrying the drift of each
 * placed claim to the next: after an insertion, every later claim is tried
 * first at its old position shifted by the insertion's length.
 */
export function placeQuotes(
  text: string,
  claims: readonly { quote: TextQuoteSelector; position: TextPositionSelector }[]
): Anchoring[] {
  const order = claims.map((_, i) => i).sort((a, b) => claims[a]!.position.start - claims[b]!.position.start)
  const out: Anchoring[] = new Array(claims.length)
  let drift = 0
  for (const i of order) {
    const claim = claims[i]!
    const placed = placeQuote(text, claim.quote, claim.position, drift)
    if (placed.kind !== 'orphan') drift = placed.start - claim.position.start
    out[i] = placed
  }
  return out
}

/**
 * The occurrence of the exact quote whose context matches best, nearest `near`
 * breaking ties. Occurrences near `near` are checked first: one there with its
 * whole context in place beats any occurrence farther away.
 */
function nearestExact(text: string, quote: TextQuoteSelector, near: number | undefined): number | null {
  const { exact } = quote
  const best = (from: number, to: number): { start: number; score: number; perfect: boolean } | null => {
    let found: { start: number; score: number; perfect: boolean } | null = null
    for (let at = text.indexOf(exact, from); at >= 0 && at + exact.length <= to; at = text.indexOf(exact, at + 1)) {
      const context = contextScore(text, at, at + exact.length, quote)
      const score = context - (near === undefined ? 0 : Math.abs(at - near) / (text.length + 1))
      if (!found || score > found.score) {
        found = { start: at, score, perfect: context === fullContext(text, at, at + exact.length, quote) }
      }
    }
    return found
  }
  if (near !== undefined) {
    const local = best(Math.max(0, near - NEAR), Math.min(text.length, near + NEAR + exact.length))
    if (local?.perfect) return local.start
  }
  return best(0, text.length)?.start ?? null
}

/** How many characters of the stored prefix and suffix stand right around a span. */
export function contextScore(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  let score = 0
  const before = text.slice(Math.max(0, start - quote.prefix.length), start)
  for (let i = 1; i <= Math.min(before.length, quote.prefix.length); i++) {
    if (before[before.length - i] !== quote.prefix[quote.prefix.length - i]) break
    score++
  }
  const after = text.slice(end, end + quote.suffix.length)
  for (let i = 0; i < Math.min(after.length, quote.suffix.length); i++) {
    if (after[i] !== quote.suffix[i]) break
    score++
  }
  return score
}

/** The best context score a span can have: less than the stored context at the text's ends. */
function fullContext(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  return Math.min(start, quote.prefix.length) + Math.min(text.length - end, quote.suffix.length)
}

/**
 * The best approximate match of the quote, or null. Matches are scored as
 * Hypothesis scores them (quote, prefix, suffix, position). Near the old
 * position a quote may differ by up to MAX_ERROR_SHARE; anywhere else in a
 * long text, by up to FAR_ERROR_SHARE, found through exact pieces of it.
 */
function approximateMatch(
  text: string,
  quote: TextQuoteSelector,
  near: number | undefined
): { start: number; end: number; score: number } | null {
  const { exact } = quote
  const maxErrors = Math.min(256, Math.floor(exact.length * MAX_ERROR_SHARE))
  if (maxErrors < 1) return null
  let matches: Match[]
  if (text.length <= 2 * NEAR + exact.length) matches = searchIn(text, exact, maxErrors, 0, text.length)
  else {
    matches = near === undefined ? [] : searchIn(text, exact, maxErrors, Math.max(0, near - NEAR), near + NEAR + exact.length)
    if (matches.length === 0) matches = farMatches(text, exact, Math.min(maxErrors, Math.floor(exact.length * FAR_ERROR_SHARE)))
  }

  let best: { start: number; end: number; score: number } | null = null
  for (const match of matches) {
    const span = settle(text, match)
    if (!span) continue
    const score = scoreMatch(text, quote, span, match.errors, near)
    if (!best || score > best.score) best = { ...span, score }
  }
  return best
}

interface Match {
  start: number
  end: number
  errors: number
}

/** How much a quote found far from its old position may differ: a typo or two, not a rewrite. */
const FAR_ERROR_SHARE = 1 / 8

/** Above this many candidate places, a quote's pieces are too common to search by. */
const MAX_CANDIDATES = 256

function searchIn(text: string, exact: string, maxErrors: number, from: number, to: number): Match[] {
  return approxSearch(text.slice(from, Math.min(text.length, to)), exact, maxErrors).map((m) => ({
    start: m.start + from,
    end: m.end + from,
    errors: m.errors
  }))
}

/**
 * Approximate matches anywhere in the text, without scanning it all with the
 * approximate matcher: a match with k errors holds at least one of any k + 1
 * pieces of the quote exactly (the pigeonhole principle), so the exact
 * occurrences of the pieces name the only places worth searching.
 */
function farMatches(text: string, exact: string, maxErrors: number): Match[] {
  if (maxErrors < 1) return []
  const size = Math.floor(exact.length / (maxErrors + 1))
  if (size < 4) return []
  const windows: [number, number][] = []
  for (let piece = 0; piece <= maxErrors; piece++) {
    const words = exact.slice(piece * size, (piece + 1) * size)
    for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
      if (windows.length >= MAX_CANDIDATES) return []
      const start = at - piece * size
      windows.push([Math.max(0, start - maxErrors), Math.min(text.length, start + exact.length + maxErrors)])
    }
  }
  windows.sort((a, b) => a[0] - b[0])
  const matches: Match[] = []
  let current: [number, number] | null = null
  for (const window of [...windows, null]) {
    if (current && window && window[0] <= current[1]) {
      current[1] = Math.max(current[1], window[1])
      continue
    }
    if (current) matches.push(...searchIn(text, exact, maxErrors, current[0], current[1]))
    current = window
  }
  const fewest = Math.min(...matches.map((m) => m.errors))
  return matches.filter((m) => m.errors === fewest)
}

function scoreMatch(
  text: string,
  quote: TextQuoteSelector,
  span: TextPositionSelector,
  errors: number,
  near: number | undefined
): number {
  const quoteScore = 1 - errors / quote.exact.length
  const prefixScore = similarity(text.slice(Math.max(0, span.start - quote.prefix.length), span.start), quote.prefix)
  const suffixScore = similarity(text.slice(span.end, span.end + quote.suffix.length), quote.suffix)
  const positionScore = near === undefined ? 1 : 1 - Math.abs(span.start - near) / Math.max(1, text.length)
  const raw =
    WEIGHT.quote * quoteScore + WEIGHT.prefix * prefixScore + WEIGHT.suffix * suffixScore + WEIGHT.position * positionScore
  return raw / (WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position)
}

/** 1 when `actual` holds `expected` exactly, falling with each edit; 1 when there is nothing to expect. */
function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1
  if (actual.length === 0) return 0
  const [match] = approxSearch(actual, expected, expected.length)
  return match ? 1 - match.errors / expected.length : 0
}

/**
 * Widens an approximate match to whole characters and whole words (an edit
 * at a claim's edge leaves the matcher mid-word: "blessness" for
 * "joblessness"), and trims the white space at its ends.
 */
function settle(text: string, span: TextPositionSelector): TextPositionSelector | null {
  let { start, end } = span
  if (splitsSurrogatePair(text, start)) start--
  if (splitsSurrogatePair(text, end)) end++
  start = wordEdge(text, start, -1)
  end = wordEdge(text, end, 1)
  return trimSpan(text, { start, end })
}

/** Letters of scripts written with spaces between words; Chinese, Japanese and Thai have no word edges to find. */
const SPACED_WORD = /^(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}])[\p{L}\p{N}\p{M}]$/u

/** The most a match's edge moves to reach a word's edge. */
const MAX_WORD_SHIFT = 24

function wordEdge(text: string, at: number, direction: -1 | 1): number {
  const inWord = (i: number) => i > 0 && i < text.length && SPACED_WORD.test(text[i - 1]!) && SPACED_WORD.test(text[i]!)
  let edge = at
  while (inWord(edge) && Math.abs(edge - at) < MAX_WORD_SHIFT) edge += direction
  return inWord(edge) ? at : edge
}
