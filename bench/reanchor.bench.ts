/**
 * Re-anchoring after a correction: 10,000 claims on a 1 MB article, after
 * about 1% of its text changed (sentences inserted, deleted and edited, all
 * through the article), placed again by `placeQuotes` — beside a bare
 * baseline in the same run: a plain indexOf of every quote in the new text,
 * which finds unedited quotes but knows nothing of context or edits.
 */
import { placeQuotes } from '../src/shared/anchor'
import { quoteSelector, type TextPositionSelector, type TextQuoteSelector } from '../src/shared/selector'
import { medianMs, type BenchResult } from './types'

/** A small deterministic generator (mulberry32), so every run benches the same text. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tu', 'vas', 'po', 'shi', 'der', 'an', 'ul', 'gor', 'fe', 'nix', 'qua', 'zet', 'bri', 'mon']

function sentence(next: () => number): string {
  const words = Array.from({ length: 8 + Math.floor(next() * 14) }, () =>
    Array.from({ length: 1 + Math.floor(next() * 3) }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join('')
  )
  words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1)
  if (next() < 0.3) words.splice(2, 0, String(Math.floor(next() * 10_000)))
  return words.join(' ') + '.'
}

interface Setup {
  text: string
  edited: string
  claims: { quote: TextQuoteSelector; position: TextPositionSelector }[]
  changed: number
}

function setup(): Setup {
  const next = random(42)
  const paragraphs: string[] = []
  let length = 0
  while (length < 1024 * 1024) {
    const paragraph = Array.from({ length: 3 + Math.floor(next() * 5) }, () => sentence(next)).join(' ')
    paragraphs.push(paragraph)
    length += paragraph.length + 2
  }
  const text = paragraphs.join('\n\n')

  // Claims: 10,000 sentences (or their first words), spread through the article.
  const starts: number[] = []
  for (let at = 0; at < text.length; ) {
    starts.push(at)
    const end = text.indexOf('. ', at)
    if (end < 0) break
    at = end + 2
  }
  const step = starts.length / 10_000
  const claims = Array.from({ length: 10_000 }, (_, i) => {
    const start = starts[Math.floor(i * step)]!
    const full = text.indexOf('.', start) + 1
    const end = next() < 0.5 ? full : Math.min(full, start + 30 + Math.floor(next() * 40))
    const position = { start, end }
    return { quote: quoteSelector(text, position), position }
  })

  // About 1% of the text changes, in edits spread through the article, applied from the end.
  const edits: { at: number; remove: number; insert: string }[] = []
  let changed = 0
  while (changed < text.length / 100) {
    const at = starts[Math.floor(next() * starts.length)]!
    const kind = next()
    const sentenceEnd = text.indexOf('. ', at) + 2
    const edit =
      kind < 0.4
        ? { at, remove: 0, insert: sentence(next) + ' ' } // a sentence inserted
        : kind < 0.7
          ? { at, remove: sentenceEnd - at, insert: '' } // a sentence deleted
          : { at: at + 5, remove: 6, insert: 'edited' + (next() < 0.5 ? ' again' : '') } // words edited inside
    changed += edit.remove + edit.insert.length
    edits.push(edit)
  }
  edits.sort((a, b) => b.at - a.at)
  let edited = text
  let last = Infinity
  for (const edit of edits) {
    if (edit.at + edit.remove > last) continue
    edited = edited.slice(0, edit.at) + edit.insert + edited.slice(edit.at + edit.remove)
    last = edit.at
  }
  return { text, edited, claims, changed }
}

export async function run(): Promise<BenchResult[]> {
  const { text, edited, claims, changed } = setup()
  let counts = { exact: 0, moved: 0, approximate: 0, orphan: 0 }
  const measured = await medianMs(3, () => {
    counts = { exact: 0, moved: 0, approximate: 0, orphan: 0 }
    for (const placed of placeQuotes(edited, claims)) counts[placed.kind]++
  })
  let found = 0
  const baseline = await medianMs(3, () => {
    found = 0
    for (const claim of claims) if (edited.indexOf(claim.quote.exact) >= 0) found++
  })
  return [
    {
      name: `re-anchor 10,000 claims, ${(text.length / 1024 / 1024).toFixed(2)} MB article, ${((100 * changed) / text.length).toFixed(1)}% changed`,
      unit: 'ms',
      measured,
      baseline,
      notes:
        `landed exactly ${counts.exact}, moved ${counts.moved}, approximate ${counts.approximate}, orphaned ${counts.orphan}; ` +
        `bare indexOf found ${found} of ${claims.length}`
    }
  ]
}
