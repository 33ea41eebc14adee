/** Suggestions through the contract, on a real SQLite file. */
import { describe, expect, it } from 'vitest'
import { apiOn, pasted } from '../testing/calls'
import { tempLibrary } from '../testing/temp'

const ARTICLE =
  'Election night\n\nThank you all for coming tonight. Unemployment doubled to 10 percent in 2009, according to the Labor Department. ' +
  'It is good to be here.\n\nThe state spent $4 billion more than it collected last year.'

function setup() {
  const library = tempLibrary()
  const calls = apiOn(library)
  const document = calls.ok('importDocument', pasted(ARTICLE, 'text'))
  return { library, ...calls, document }
}

describe('suggestions', () => {
  it('ranks the sentences of a document, best first, with offsets into its text', () => {
    const { ok, document } = setup()
    const all = ok('listSuggestions', { documentId: document.id })
    expect(all).toHaveLength(5)
    expect(all.slice(0, 2).map((s) => s.text).sort()).toEqual([
      'The state spent $4 billion more than it collected last year.',
      'Unemployment doubled to 10 percent in 2009, according to the Labor Department.'
    ])
    for (const s of all) expect(document.text.slice(s.start, s.end)).toBe(s.text)
    expect(all.map((s) => s.score)).toEqual([...all.map((s) => s.score)].sort((a, b) => b - a))
    expect(ok('listSuggestions', { documentId: document.id, limit: 2 })).toEqual(all.slice(0, 2))
  })

  it('accepts a suggestion as a claim whose history records the score, and stops suggesting it', () => {
    const { ok, document } = setup()
    const [best] = ok('listSuggestions', { documentId: document.id })
    const claim = ok('acceptSuggestion', { documentId: document.id, start: best!.start, end: best!.end })
    expect(claim.quote.exact).toBe(best!.text)
    const [created] = ok('listHistory', { claimId: claim.id })
    expect(created!.action).toBe('created')
    expect(created!.detail.suggestion).toEqual({ score: Number(best!.score.toFixed(4)) })
    expect(ok('listSuggestions', { documentId: document.id }).map((s) => s.text)).not.toContain(best!.text)
  })

  it('remembers a dismissal for that document only', () => {
    const { ok, document } = setup()
    const other = ok('importDocument', pasted(ARTICLE, 'text'))
    const [best] = ok('listSuggestions', { documentId: document.id })
    expect(ok('dismissSuggestion', { documentId: document.id, start: best!.start, end: best!.end })).toEqual({ sentence: best!.text })
    expect(ok('listSuggestions', { documentId: document.id }).map((s) => s.text)).not.toContain(best!.text)
    expect(ok('listSuggestions', { documentId: other.id })[0]!.text).toBe(best!.text)
  })

  it('refuses a span that is not a sentence, or a missing document, and writes nothing', () => {
    const { refused, document } = setup()
    expect(refused('acceptSuggestion', { documentId: document.id, start: 0, end: 3 }).message).toMatch(/not a sentence/)
    expect(refused('dismissSuggestion', { documentId: document.id, start: 5, end: 2 }).message).toMatch(/not a sentence/)
    expect(refused('listSuggestions', { documentId: '2b0f1c7e-4a3d-4c55-9a0e-0a7b6f1d2c3e' }).code).toBe('not_found')
    expect(refused('listSuggestions', { documentId: document.id, limit: 0 }).code).toBe('invalid_input')
  })
})
