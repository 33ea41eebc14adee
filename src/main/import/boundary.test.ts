/**
 * The one normalisation at the boundary (src/shared/normalise.ts), through
 * the real service and a real library: whatever text comes in, the stored
 * text and the drawn content agree, and claims survive a JSON-LD round trip
 * at the same place.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { articleText } from '../../shared/article'
import type { ArticleDocument, Claim } from '../../shared/model'
import { normaliseText } from '../../shared/normalise'
import { apiOn, fileSource, pasted } from '../testing/calls'
import { tempLibrary } from '../testing/temp'

/** Code units an article may bring, the awkward ones often. */
const unit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'Z', ' ', '.', 'é', 'ش', '中', '😀', '\n', '\n\n', '\t') },
  { weight: 2, arbitrary: fc.constantFrom('\ud800', '\udfff', '\u0000', '\u0007', '\ufffe', '\uffff', '\ufdd0', '\ud83f\udffe', '\u200f', '\r') },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) }
)
const articleInput = fc.array(unit, { minLength: 1, maxLength: 60 }).map((units) => units.join(''))

describe('text normalisation', () => {
  it('replaces each unstorable code unit by one U+FFFD, so lengths and offsets stay', () => {
    expect(normaliseText('a\ud800b')).toBe('a\ufffdb')
    expect(normaliseText('a\udc00\ud800')).toBe('a\ufffd\ufffd')
    expect(normaliseText('x\u0000y\ufffe\ufdd0')).toBe('x\ufffdy\ufffd\ufffd')
    expect(normaliseText('\ud83f\udffe!')).toBe('\ufffd\ufffd!')
    expect(normaliseText('ok 😀 \t\n\r 中文')).toBe('ok 😀 \t\n\r 中文')
  })

  it('stores a lone surrogate as one U+FFFD in both the text and the content (was: three in text, kept in content)', async () => {
    const { okAsync: ok } = apiOn(tempLibrary())
    const document = await ok('importDocument', pasted('Broken \ud83d here. The claim after it.', 'text'))
    expect(document.text).toBe('Broken \ufffd here. The claim after it.')
    expect(articleText(document.content)).toBe(document.text)
    const start = document.text.indexOf('The claim')
    const claim = await ok('createClaim', { documentId: document.id, start, end: start + 9 })
    expect(claim.quote.exact).toBe('The claim')
  })

  it('for any input, text and content agree and a claim round-trips through JSON-LD at the same position', async () => {
    const library = tempLibrary()
    const { okAsync: ok, call } = apiOn(library)
    await fc.assert(
      fc.asyncProperty(articleInput, fc.nat(), fc.nat(), async (input, a, b) => {
        const imported = await call('importDocument', pasted(`Lead sentence. ${input} Last words.`, 'text'))
        if (!imported.ok) return
        const document = imported.value as ArticleDocument
        expect(articleText(document.content)).toBe(document.text)
        expect(normaliseText(document.text)).toBe(document.text)
        const start = a % document.text.length
        const end = start + 1 + (b % (document.text.length - start))
        const made = await call('createClaim', { documentId: document.id, start, end })
        if (!made.ok) return
        const claim = made.value as Claim
        const file = await ok('exportReport', { documentId: document.id, format: 'jsonld' })
        const copy = await ok('importDocument', fileSource('copy.jsonld', file.data))
        expect(copy.text).toBe(document.text)
        expect(articleText(copy.content)).toBe(copy.text)
        const [placed] = await ok('listClaims', { documentId: copy.id })
        expect(placed?.position).toEqual(claim.position)
        expect(placed?.quote.exact).toBe(claim.quote.exact)
        expect(placed?.orphaned).toBe(false)
      }),
      { numRuns: 60 }
    )
  })
})
