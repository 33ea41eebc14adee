/**
 * Re-anchoring: placing a claim's selectors in a (possibly changed) text.
 *
 * In order, as the Hypothesis client does:
 *  1. the exact quote at the stored position;
 *  2. the exact quote elsewhere, the occurrence whose context (prefix, suffix)
 *     matches best, nearest the old position breaking ties;
 *  3. (approximate matching: to come with issue 4)
 * A claim that cannot be placed is an orphan: kept, shown as such, never dropped.
 */
import type { TextPositionSelector, TextQuoteSelector } from './selector'

export type Anchoring =
  | { kind: 'exact'; start: number; end: number }
  | { kind: 'moved'; start: number; end: number }
  | { kind: 'approximate'; start: number; end: number; score: number }
  | { kind: 'orphan' }

export function placeQuote(text: string, quote: TextQuoteSelector, hint?: TextPositionSelector): Anchoring {
  const { exact } = quote
  if (!exact) return { kind: 'orphan' }
  if (hint && text.slice(hint.start, hint.end) === exact) return { kind: 'exact', start: hint.start, end: hint.end }

  let best: { start: number; score: number } | null = null
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const score = contextScore(text, at, at + exact.length, quote) - (hint ? Math.abs(at - hint.start) / (text.length + 1) : 0)
    if (!best || score > best.score) best = { start: at, score }
  }
  if (best) return { kind: 'moved', start: best.start, end: best.start + exact.length }
  return { kind: 'orphan' }
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
