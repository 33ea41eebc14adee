/** Recall by BM25 over an in-memory index: ranking, stemming, ties and limits. */
import { describe, expect, it } from 'vitest'
import { indexTerms } from './matching'
import { RecallIndex } from './recallIndex'

const entries = [
  'Ford is moving all of its small car production to Mexico.',
  '114 Uyghurs have joined the Islamic State in Syria.',
  'Almost 4,000 people have been killed in Chicago since Obama became president.',
  'Chicago has the strictest gun laws in the country.',
  'The Islamic State claimed the attack.'
].map((text, i) => ({ id: 10 + i, terms: indexTerms(text) }))

describe('RecallIndex', () => {
  const index = new RecallIndex(entries)

  it('ranks the entry sharing the rarest words first, and leaves out entries sharing none', () => {
    const hits = index.search('How many Uyghurs joined Islamic State fighters?', 10)
    expect(hits.map((h) => h.id)).toEqual([11, 14])
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score)
  })

  it('matches words by their stem and ignores stop words and case', () => {
    expect(index.search('KILLING in CHICAGO', 1).map((h) => h.id)).toEqual([12])
    expect(index.search('the of and', 5)).toEqual([])
  })

  it('keeps at most `limit` hits, best first, ties in entry order', () => {
    const many = new RecallIndex(Array.from({ length: 100 }, (_, i) => ({ id: i, terms: indexTerms(i % 10 === 3 ? 'rare word moon moon' : 'moon') })))
    const hits = many.search('moon rare', 5)
    expect(hits.map((h) => h.id)).toEqual([3, 13, 23, 33, 43])
    expect(many.search('moon', 3).map((h) => h.id)).toEqual([0, 1, 2])
    expect(many.size).toBe(100)
  })
})
