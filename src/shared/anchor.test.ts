import { describe, expect, it } from 'vitest'
import { placeQuote, placeQuotes } from './anchor'
import { quoteSelector, splitsSurrogatePair } from './selector'

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

describe('re-anchoring after the text changes', () => {
  // A fixture article; each test edits it as a correction would.
  const article = [
    'Uyghurs in Syria',
    'According to a 2016 New America report, 114 Uyghurs have joined IS in Syria and Iraq.',
    'The Turkistan Islamic Party fields several thousand fighters in Idlib, officials said.',
    'Beijing says the figure is far higher; independent researchers dispute it.',
    'گزارش‌ها می‌گویند که صدها نفر به سوریه رفته‌اند.',
    '报告称数百人已前往叙利亚。'
  ].join('\n\n')
  const claimOf = (text: string, words: string) => {
    const start = text.indexOf(words)
    const position = { start, end: start + words.length }
    return { quote: quoteSelector(text, position), position }
  }
  const uyghurs = claimOf(article, '114 Uyghurs have joined IS in Syria and Iraq')
  const tip = claimOf(article, 'several thousand fighters in Idlib')
  const persian = claimOf(article, 'صدها نفر به سوریه رفته‌اند')
  const chinese = claimOf(article, '数百人已前往叙利亚')
  const claims = [uyghurs, tip, persian, chinese]

  it('moves every claim after an insertion before them, by the insertion’s length', () => {
    const edited = article.replace('Uyghurs in Syria', 'Uyghurs in Syria\n\nCorrection: an earlier version misnamed the report.')
    const shift = edited.length - article.length
    for (const [i, placed] of placeQuotes(edited, claims).entries()) {
      expect(placed).toEqual({ kind: 'moved', start: claims[i]!.position.start + shift, end: claims[i]!.position.end + shift })
    }
  })

  it('keeps claims before an edit exact and moves those after it', () => {
    const edited = article.replace('officials said', 'US officials said last week')
    const placed = placeQuotes(edited, claims)
    expect(placed[0]).toEqual({ kind: 'exact', ...uyghurs.position })
    expect(placed[1]).toEqual({ kind: 'exact', ...tip.position })
    expect(placed[2]).toMatchObject({ kind: 'moved', start: persian.position.start + 13 })
    expect(edited.slice((placed[3] as { start: number }).start, (placed[3] as { end: number }).end)).toBe('数百人已前往叙利亚')
  })

  it('finds a claim whose words were edited, approximately, on the edited words', () => {
    const edited = article.replace('114 Uyghurs have joined IS', 'about 114 Uyghurs have joined the IS')
    const placed = placeQuote(edited, uyghurs.quote, uyghurs.position)
    expect(placed.kind).toBe('approximate')
    if (placed.kind !== 'approximate') return
    expect(edited.slice(placed.start, placed.end)).toMatch(/114 Uyghurs have joined the IS in Syria and Iraq$/)
    expect(placed.score).toBeGreaterThan(0.8)
    // A typo fixed inside a Chinese claim.
    const fixed = article.replace('数百人已前往', '数百人已经前往')
    const chinesePlaced = placeQuote(fixed, chinese.quote, chinese.position)
    expect(chinesePlaced).toMatchObject({ kind: 'approximate' })
    if (chinesePlaced.kind === 'approximate') expect(fixed.slice(chinesePlaced.start, chinesePlaced.end)).toBe('数百人已经前往叙利亚')
  })

  it('widens an approximate match to whole words when an edit falls at a claim’s edge', () => {
    const text = 'He claimed that unemployment fell to 4.2 percent last year, which critics dispute.'
    const claim = claimOf(text, 'unemployment fell to 4.2 percent last year')
    const edited = text.replace('unemployment', 'joblessness')
    const placed = placeQuote(edited, claim.quote, claim.position)
    expect(placed.kind).toBe('approximate')
    if (placed.kind === 'approximate') expect(edited.slice(placed.start, placed.end)).toBe('joblessness fell to 4.2 percent last year')
  })

  it('orphans a deleted claim and keeps placing the others', () => {
    const edited = article.replace('The Turkistan Islamic Party fields several thousand fighters in Idlib, officials said.\n\n', '')
    const placed = placeQuotes(edited, claims)
    expect(placed[1]).toEqual({ kind: 'orphan' })
    expect(placed[0]).toEqual({ kind: 'exact', ...uyghurs.position })
    expect(placed[2]).toMatchObject({ kind: 'moved' })
    expect(placed[3]).toMatchObject({ kind: 'moved' })
  })

  it('orphans a claim rewritten beyond recognition', () => {
    const edited = article.replace('114 Uyghurs have joined IS in Syria and Iraq', 'the number of recruits remains unknown')
    expect(placeQuote(edited, uyghurs.quote, uyghurs.position)).toEqual({ kind: 'orphan' })
  })

  it('prefers the copy whose context matches when the words appear twice', () => {
    const twice = 'He said: 114 Uyghurs have joined IS. She said: 114 Uyghurs have joined IS. End.'
    const second = claimOf(twice, 'She said: 114 Uyghurs have joined IS')
    const secondWords = { ...second, quote: quoteSelector(twice, { start: second.position.start + 10, end: second.position.end }) }
    secondWords.position = { start: second.position.start + 10, end: second.position.end }
    const edited = 'Update. ' + twice
    expect(placeQuote(edited, secondWords.quote, secondWords.position)).toEqual({
      kind: 'moved',
      start: secondWords.position.start + 8,
      end: secondWords.position.end + 8
    })
  })

  it('never cuts an emoji in half when a match is approximate', () => {
    const text = 'Intro. The count 😀 rose to 114 fighters, said the report. Outro.'
    const claim = claimOf(text, 'The count 😀 rose to 114 fighters')
    const edited = text.replace('The count', 'Then count')
    const placed = placeQuote(edited, claim.quote, claim.position)
    expect(placed.kind).not.toBe('orphan')
    if (placed.kind === 'orphan') return
    expect(splitsSurrogatePair(edited, placed.start) || splitsSurrogatePair(edited, placed.end)).toBe(false)
  })
})

describe('re-anchoring in a long text', () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `Paragraph ${i} of filler text about other matters.`).join('\n\n')
  const words = 'The Turkistan Islamic Party fields several thousand fighters in Idlib'
  const text = `${filler(20)}\n\n${words}, officials said.\n\n${filler(400)}`
  const start = text.indexOf(words)
  const position = { start, end: start + words.length }
  const quote = quoteSelector(text, position)

  it('finds a claim with a typo fixed after it moved far from its old place', () => {
    // The paragraph moved to the end of a long article, and "fields" became "fielded".
    const moved = `${filler(20)}\n\n${filler(400)}\n\n${words.replace('fields', 'fielded')}, officials said.`
    expect(moved.length).toBeGreaterThan(20_000)
    const placed = placeQuote(moved, quote, position)
    expect(placed.kind).toBe('approximate')
    if (placed.kind === 'approximate') expect(moved.slice(placed.start, placed.end)).toBe(words.replace('fields', 'fielded'))
  })

  it('orphans a claim that is gone from a long article', () => {
    const gone = text.replace(`${words}, officials said.\n\n`, '')
    expect(placeQuote(gone, quote, position)).toEqual({ kind: 'orphan' })
  })
})
