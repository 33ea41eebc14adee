import { describe, expect, it } from 'vitest'
import { placeQuote } from './anchor'
import { quoteSelector } from './selector'

describe('placeQuote', () => {
  const text = 'IS recruits. Officials say 114 Uyghurs have joined IS. Others say 114 Uyghurs have joined IS too.'
  const start = text.indexOf('114')
  const span = { start, end: start + '114 Uyghurs have joined IS'.length }
  const quote = quoteSelector(text, span)

  it('keeps a claim whose words are still at its position', () => {
    expect(placeQuote(text, quote, span)).toEqual({ kind: 'exact', ...span })
  })
  it('moves a claim to the occurrence whose context matches, after an insertion before it', () => {
    const edited = 'UPDATE: corrected. ' + text
    expect(placeQuote(edited, quote, span)).toEqual({ kind: 'moved', start: span.start + 19, end: span.end + 19 })
    const second = text.lastIndexOf('114')
    const secondQuote = quoteSelector(text, { start: second, end: second + 26 })
    expect(placeQuote(edited, secondQuote, { start: second, end: second + 26 })).toMatchObject({ start: second + 19 })
  })
  it('orphans a claim whose words are gone', () => {
    expect(placeQuote('Nothing of it remains.', quote, span)).toEqual({ kind: 'orphan' })
  })
})
