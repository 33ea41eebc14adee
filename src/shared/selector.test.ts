import { describe, expect, it } from 'vitest'
import { CONTEXT_LENGTH, quoteSelector, splitsSurrogatePair, trimSpan } from './selector'

describe('selectors', () => {
  const text = 'x'.repeat(40) + ' 114 Uyghurs 😀 joined. ' + 'y'.repeat(40)
  it('keeps the quote with 32 characters of context each side', () => {
    const start = text.indexOf('114')
    const end = text.indexOf('.') + 1
    expect(quoteSelector(text, { start, end })).toEqual({
      exact: '114 Uyghurs 😀 joined.',
      prefix: text.slice(start - CONTEXT_LENGTH, start),
      suffix: text.slice(end, end + CONTEXT_LENGTH)
    })
    expect(quoteSelector('abc', { start: 0, end: 3 })).toEqual({ exact: 'abc', prefix: '', suffix: '' })
  })
  it('trims white space at the edges, and finds nothing in blank spans', () => {
    expect(trimSpan('  ab  ', { start: 0, end: 6 })).toEqual({ start: 2, end: 4 })
    expect(trimSpan('a \n\n b', { start: 1, end: 5 })).toBeNull()
  })
  it('knows when an offset splits a surrogate pair', () => {
    const emoji = 'a😀b'
    expect(splitsSurrogatePair(emoji, 1)).toBe(false)
    expect(splitsSurrogatePair(emoji, 2)).toBe(true)
    expect(splitsSurrogatePair(emoji, 3)).toBe(false)
  })
})
