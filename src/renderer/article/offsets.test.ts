import { describe, expect, it } from 'vitest'
import { articleText, type Block } from '../../shared/article'
import { articleDoc } from './build'
import { OffsetIndex } from './offsets'

const p = (text: string): Block => ({ type: 'paragraph', content: [{ text }] })

const blocks: Block[] = [
  { type: 'heading', level: 1, content: [{ text: 'Uyghurs 😀 in Syria' }] },
  { type: 'paragraph', content: [{ text: 'See ' }, { text: 'the report', href: 'https://example.org' }, { text: ' of 2016.' }] },
  { type: 'blockquote', content: [p('“114 Uyghurs have joined IS,” it said.'), p('报告称，有114名维吾尔人加入了伊斯兰国。')] },
  { type: 'list', ordered: false, items: [[p('گزارش می‌گوید ۱۱۴ اویغور')], [p('𝑥 second'), p('nested two')]] },
  p('The end.')
]

describe('OffsetIndex', () => {
  const doc = articleDoc(blocks)
  const text = articleText(blocks)
  const index = new OffsetIndex(doc)

  it('covers exactly the canonical text', () => {
    expect(index.textLength).toBe(text.length)
    expect(doc.textBetween(0, doc.content.size, '\n\n')).toBe(text)
  })

  it('maps every offset to a position and back', () => {
    for (let offset = 0; offset <= text.length; offset++) {
      const inSeparator = /\n/.test(text[offset - 1] ?? '') && /\n/.test(text[offset] ?? '')
      if (inSeparator) continue
      expect(index.toOffset(index.toPos(offset, 'start'), 'start')).toBe(offset)
    }
  })

  it('gives the same text for any span, across blocks, emoji, Chinese and Persian', () => {
    for (let start = 0; start < text.length; start += 3) {
      for (let end = start + 1; end <= text.length; end += 7) {
        const from = index.toPos(start, 'start')
        const to = index.toPos(end, 'end')
        const fromText = doc.textBetween(from, to, '\n\n')
        // A span that starts or ends in a separator snaps to the neighbouring block.
        expect(text.slice(start, end).trim()).toContain(fromText.trim())
        expect(text.slice(index.toOffset(from, 'start'), index.toOffset(to, 'end'))).toBe(fromText)
      }
    }
  })

  it('snaps positions between blocks into the next block (start) or the previous one (end)', () => {
    const secondBlockStart = text.indexOf('See')
    const between = index.toPos(secondBlockStart, 'start') - 1 // after </h1>, before <p>
    expect(index.toOffset(between, 'start')).toBe(secondBlockStart)
    expect(index.toOffset(between, 'end')).toBe(secondBlockStart - 2)
    expect(index.toOffset(0, 'start')).toBe(0)
    expect(index.toOffset(doc.content.size, 'end')).toBe(text.length)
  })
})
