import { describe, expect, it } from 'vitest'
import { endsInAbbreviation, segmentationLanguage, sentenceAt, sentenceInDocument, sentences } from './sentences'

const texts = (text: string, language?: string | null) => sentences(text, language).map((s) => text.slice(s.start, s.end))

describe('sentences', () => {
  it('keeps titles and initialisms inside English sentences', () => {
    const text = 'According to a 2016 New America report, 114 Uyghurs have joined IS. Dr. Lee of the U.S. Institute disputes the count. Mr. J. Smith agreed.'
    expect(texts(text, 'en')).toEqual([
      'According to a 2016 New America report, 114 Uyghurs have joined IS.',
      'Dr. Lee of the U.S. Institute disputes the count.',
      'Mr. J. Smith agreed.'
    ])
  })

  it('keeps quotes and brackets with the sentence they surround', () => {
    const text = '“It is false,” the ministry said. (The report was withdrawn in 2017.) "Who counted?" asked one analyst.'
    expect(texts(text, 'en')).toEqual([
      '“It is false,” the ministry said.',
      '(The report was withdrawn in 2017.)',
      '"Who counted?" asked one analyst.'
    ])
  })

  it('breaks after an initialism that really ends a sentence, and after "No." only before a number', () => {
    expect(texts('They moved to the U.S. then left. See No. 7 on the list. It was No. He refused.', 'en')).toEqual([
      'They moved to the U.S. then left.',
      'See No. 7 on the list.',
      'It was No.',
      'He refused.'
    ])
  })

  it('splits Chinese at full-width stops, quotes included', () => {
    const text = '报告称，有114名维吾尔人加入了伊斯兰国。官员说：“这个数字被夸大了。”他们否认！真的吗？'
    expect(texts(text, 'zh')).toEqual(['报告称，有114名维吾尔人加入了伊斯兰国。', '官员说：“这个数字被夸大了。”', '他们否认！', '真的吗？'])
    expect(texts(text, null)).toEqual(texts(text, 'zh'))
  })

  it('splits Persian at its full stop and question mark, with zero-width non-joiners intact', () => {
    const text = 'گزارش می‌گوید ۱۱۴ اویغور به داعش پیوسته‌اند. آیا این درست است؟ مقامات گفتند «نه»!'
    expect(texts(text, 'fa')).toEqual(['گزارش می‌گوید ۱۱۴ اویغور به داعش پیوسته‌اند.', 'آیا این درست است؟', 'مقامات گفتند «نه»!'])
    expect(texts(text, null)).toEqual(texts(text, 'fa'))
  })
})

describe('sentenceAt', () => {
  const text = 'First claim here. Dr. Lee disputes the count.  Last one'
  it('finds the sentence under a caret, including at its edges and in the space after it', () => {
    const at = (offset: number) => {
      const span = sentenceAt(text, offset, 'en')
      return span && text.slice(span.start, span.end)
    }
    expect(at(0)).toBe('First claim here.')
    expect(at(text.indexOf('Lee'))).toBe('Dr. Lee disputes the count.')
    expect(at(text.indexOf('Dr.'))).toBe('Dr. Lee disputes the count.')
    expect(at(text.indexOf('count.') + 7)).toBe('Dr. Lee disputes the count.')
    expect(at(text.length)).toBe('Last one')
    expect(sentenceAt('   ', 1, 'en')).toBeNull()
  })
})

describe('segmentationLanguage', () => {
  it('uses the document language when valid, else guesses from the script', () => {
    expect(segmentationLanguage('fa-IR', 'x')).toBe('fa-IR')
    expect(segmentationLanguage('not a tag!', '维吾尔')).toBe('zh')
    expect(segmentationLanguage(null, 'گزارش می‌گوید')).toBe('fa')
    expect(segmentationLanguage(null, 'قال التقرير')).toBe('ar')
    expect(segmentationLanguage(null, 'Hello')).toBe('en')
  })

  it('knows an abbreviation from a sentence end', () => {
    expect(endsInAbbreviation('He met Dr. ', 'Lee today.')).toBe(true)
    expect(endsInAbbreviation('It rained. ', 'Then it stopped.')).toBe(false)
  })
})

describe('sentenceInDocument', () => {
  const text = 'Uyghur fighters in Syria\n\nThe report counts 114. Dr. Lee disputes it.\n\n报告称，有114名维吾尔人加入了伊斯兰国。官员否认。'
  const at = (words: string, shift = 0) => {
    const span = sentenceInDocument(text, text.indexOf(words) + shift, null)
    return span && text.slice(span.start, span.end)
  }
  it('stays inside the caret’s block', () => {
    expect(at('Syria')).toBe('Uyghur fighters in Syria')
    expect(at('The report')).toBe('The report counts 114.')
    expect(at('Lee')).toBe('Dr. Lee disputes it.')
    expect(at('维吾尔')).toBe('报告称，有114名维吾尔人加入了伊斯兰国。')
    expect(at('否认')).toBe('官员否认。')
    expect(at('官员', -1)).toBe('报告称，有114名维吾尔人加入了伊斯兰国。')
  })
})
