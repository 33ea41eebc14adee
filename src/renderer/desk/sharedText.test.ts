/** The open document's words held once: the same characters come back, whatever the copies held. */
import { describe, expect, it } from 'vitest'
import type { ArticleDocument, Claim } from '../../shared/model'
import { shareClaimText, shareDocumentText } from './sharedText'

const text = 'Title\n\nThe council voted. It was late.\n\nA link here.'

function claim(start: number, end: number, quote: Partial<Claim['quote']> = {}, orphaned = false): Claim {
  return {
    id: 'c1', documentId: 'd1', number: 1, status: 'unverified', claimant: null, tags: [], orphaned, rationale: '',
    createdBy: null, createdAt: '2026-11-28T10:00:00.000Z', updatedAt: '2026-11-28T10:00:00.000Z', noteCount: 0, sourceCount: 0,
    position: { start, end },
    quote: { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 4), start), suffix: text.slice(end, end + 4), ...quote }
  }
}

describe('shared text', () => {
  it('keeps every block’s words and a claim’s quote character for character', () => {
    const document = {
      id: 'd1',
      text,
      content: [
        { type: 'heading', level: 1, content: [{ text: 'Title' }] },
        { type: 'paragraph', content: [{ text: 'The council voted. ' }, { text: 'It was late.' }] },
        { type: 'paragraph', content: [{ text: 'A ' }, { text: 'link', href: 'https://example.org/' }, { text: ' here.' }] }
      ]
    } as unknown as ArticleDocument
    const before = JSON.stringify(document.content)
    expect(JSON.stringify(shareDocumentText(document).content)).toBe(before)

    const start = text.indexOf('It was')
    const shared = shareClaimText(claim(start, start + 12), document)
    expect(shared.quote).toEqual({ exact: 'It was late.', prefix: text.slice(start - 4, start), suffix: text.slice(start + 12, start + 16) })
    expect(shared.updatedAt).toBe(shared.createdAt)
  })

  it('leaves a quote that differs from the text (an orphaned or re-quoted claim) as it came', () => {
    const document = { id: 'd1', text }
    expect(shareClaimText(claim(7, 25, { exact: 'words no longer here' }), document).quote.exact).toBe('words no longer here')
    expect(shareClaimText(claim(7, 25, { exact: 'gone' }, true), document).quote.exact).toBe('gone')
  })
})
