/**
 * The article cut into pieces for a report: each piece is a run of one
 * inline (text or link) covered by one fixed set of claims. Overlapping
 * claims work because every claim boundary starts a new piece. Offsets walk
 * the blocks exactly as the canonical text does (article.ts).
 */
import { BLOCK_SEPARATOR, type Block, type BlockLanguage, type Inline } from '../article'
import type { ReportClaim } from './data'

export interface Piece {
  text: string
  href?: string
  /** Numbers of the claims covering this piece, ascending. */
  claims: number[]
  /** The claim whose colour the piece takes: the shortest covering one. */
  innermost: ReportClaim | null
  /** Claims that end with this piece: their markers follow it. */
  ending: ReportClaim[]
}

export type SegmentedBlock =
  | ({ type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; pieces: Piece[] } & BlockLanguage)
  | ({ type: 'paragraph'; pieces: Piece[] } & BlockLanguage)
  | { type: 'blockquote'; content: SegmentedBlock[] }
  | { type: 'list'; ordered: boolean; items: SegmentedBlock[][] }

const length = (c: ReportClaim): number => c.claim.position.end - c.claim.position.start

export function segmentArticle(content: readonly Block[], claims: readonly ReportClaim[]): SegmentedBlock[] {
  // Claims in text order, swept block by block: each block looks only at the claims that touch it.
  const placed = claims.filter((c) => !c.claim.orphaned).sort((a, b) => a.claim.position.start - b.claim.position.start)
  let next = 0
  let active: ReportClaim[] = []
  let offset = 0
  let first = true

  const pieces = (inlines: readonly Inline[]): Piece[] => {
    if (!first) offset += BLOCK_SEPARATOR.length
    first = false
    const blockStart = offset
    const blockEnd = blockStart + inlines.reduce((n, inline) => n + inline.text.length, 0)
    offset = blockEnd
    while (next < placed.length && placed[next]!.claim.position.start < blockEnd) active.push(placed[next++]!)
    const touching = active.filter((c) => c.claim.position.end > blockStart)
    // A claim ending by the next block's start has nothing more to show.
    active = touching.filter((c) => c.claim.position.end > blockEnd + BLOCK_SEPARATOR.length)
    const cuts = new Set<number>([blockStart, blockEnd])
    for (const c of touching) {
      cuts.add(Math.max(blockStart, c.claim.position.start))
      cuts.add(Math.min(blockEnd, c.claim.position.end))
    }
    let at = blockStart
    for (const inline of inlines) {
      cuts.add(at)
      at += inline.text.length
    }
    const sorted = [...cuts].sort((a, b) => a - b)
    const out: Piece[] = []
    let inlineIndex = 0
    let inlineStart = blockStart
    for (let i = 0; i + 1 < sorted.length; i++) {
      const from = sorted[i]!
      const to = sorted[i + 1]!
      while (inlineIndex < inlines.length - 1 && from >= inlineStart + inlines[inlineIndex]!.text.length) {
        inlineStart += inlines[inlineIndex]!.text.length
        inlineIndex++
      }
      const inline = inlines[inlineIndex]!
      const covering = touching.filter((c) => c.claim.position.start <= from && c.claim.position.end >= to)
      const innermost = covering.reduce<ReportClaim | null>(
        (best, c) => (!best || length(c) < length(best) || (length(c) === length(best) && c.number > best.number) ? c : best),
        null
      )
      // A claim that ends in the separator after a block gets its marker at the block's end.
      const ending = touching.filter(({ claim: { position } }) =>
        to === blockEnd ? position.end >= to && position.end <= to + BLOCK_SEPARATOR.length : position.end === to
      )
      const piece: Piece = {
        text: inline.text.slice(from - inlineStart, to - inlineStart),
        claims: covering.map((c) => c.number),
        innermost,
        ending
      }
      if (inline.href !== undefined) piece.href = inline.href
      out.push(piece)
    }
    return out
  }

  const walk = (blocks: readonly Block[]): SegmentedBlock[] =>
    blocks.map((block): SegmentedBlock => {
      switch (block.type) {
        case 'heading':
          return { type: 'heading', level: block.level, pieces: pieces(block.content), lang: block.lang, dir: block.dir }
        case 'paragraph':
          return { type: 'paragraph', pieces: pieces(block.content), lang: block.lang, dir: block.dir }
        case 'blockquote':
          return { type: 'blockquote', content: walk(block.content) }
        case 'list':
          return { type: 'list', ordered: block.ordered, items: block.items.map(walk) }
      }
    })
  return walk(content)
}
