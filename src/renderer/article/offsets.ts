/**
 * The map between ProseMirror positions and canonical-text offsets, built
 * once per document (see src/shared/article.ts for the canonical text).
 *
 * Each textblock's content starts at a ProseMirror position and at a text
 * offset; inside a block the two advance together. Lookups are binary
 * searches over the block starts.
 */
import type { Node } from 'prosemirror-model'
import { BLOCK_SEPARATOR } from '../../shared/article'

/** Which way a position between blocks snaps: into the next block, or the previous one. */
export type Bias = 'start' | 'end'

export class OffsetIndex {
  private readonly positions: number[] = []
  private readonly offsets: number[] = []
  private readonly lengths: number[] = []
  /** Per textblock: its text is one run (no link or other mark boundary inside). */
  private readonly plain: boolean[] = []
  /** Length of the canonical text this index maps. */
  readonly textLength: number

  constructor(doc: Node) {
    let offset = 0
    doc.descendants((node, pos) => {
      if (!node.isTextblock) return true
      if (this.positions.length > 0) offset += BLOCK_SEPARATOR.length
      this.positions.push(pos + 1)
      this.offsets.push(offset)
      this.lengths.push(node.content.size)
      this.plain.push(node.childCount <= 1)
      offset += node.content.size
      return false
    })
    this.textLength = offset
  }

  /** The canonical offset of a document position. */
  toOffset(pos: number, bias: Bias): number {
    const count = this.positions.length
    if (count === 0) return 0
    // The last block whose content starts at or before pos.
    const i = lastAtOrBefore(this.positions, pos)
    if (i < 0) return 0
    const within = pos - this.positions[i]!
    if (within <= this.lengths[i]!) return this.offsets[i]! + within
    // Between blocks: snap into the next block (a start) or stay at this block's end.
    if (bias === 'start' && i + 1 < count) return this.offsets[i + 1]!
    return this.offsets[i]! + this.lengths[i]!
  }

  /** True when a span of the text lies inside one textblock's single run of text, so the view draws it as one element. */
  isOneRun(start: number, end: number): boolean {
    const i = lastAtOrBefore(this.offsets, start)
    return i >= 0 && this.plain[i]! && end <= this.offsets[i]! + this.lengths[i]!
  }

  /** The document position of a canonical offset. */
  toPos(offset: number, bias: Bias): number {
    const count = this.positions.length
    if (count === 0) return 0
    const i = lastAtOrBefore(this.offsets, offset)
    if (i < 0) return this.positions[0]!
    const within = offset - this.offsets[i]!
    if (within <= this.lengths[i]!) return this.positions[i]! + within
    // Inside a block separator.
    if (bias === 'start' && i + 1 < count) return this.positions[i + 1]!
    return this.positions[i]! + this.lengths[i]!
  }
}

function lastAtOrBefore(sorted: number[], value: number): number {
  let low = 0
  let high = sorted.length - 1
  let found = -1
  while (low <= high) {
    const mid = (low + high) >> 1
    if (sorted[mid]! <= value) {
      found = mid
      low = mid + 1
    } else high = mid - 1
  }
  return found
}
