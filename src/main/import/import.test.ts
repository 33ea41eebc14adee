import { describe, expect, it } from 'vitest'
import { articleText } from '../../shared/article'
import { decodeText } from './decode'
import { markdownBlocks } from './markdown'
import { splitParagraphs } from './plaintext'

describe('plain text', () => {
  it('splits paragraphs on blank lines and folds line wrapping', () => {
    expect(splitParagraphs('One line\nwrapped.\r\n\r\nTwo.\n \n\n\nThree.')).toEqual(['One line wrapped.', 'Two.', 'Three.'])
  })
  it('treats each line as a paragraph when there is no blank line', () => {
    expect(splitParagraphs('First.\nSecond.\n\tThird.  ')).toEqual(['First.', 'Second.', 'Third.'])
  })
})

describe('markdown', () => {
  it('reads headings, paragraphs, quotes, lists and safe links', () => {
    const blocks = markdownBlocks(
      [
        '# Title #',
        '',
        'A **bold** claim with [a link](https://example.org/a "t") and [bad](javascript:alert(1)).',
        'Wrapped line.',
        '',
        '> Quoted one',
        '> quoted two',
        '',
        '- item one',
        '  continued',
        '- item two',
        '',
        '1. first',
        '2) second',
        '',
        '<script>alert(1)</script>'
      ].join('\n')
    )
    expect(blocks[0]).toEqual({ type: 'heading', level: 1, content: [{ text: 'Title' }] })
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      content: [
        { text: 'A bold claim with ' },
        { text: 'a link', href: 'https://example.org/a' },
        { text: ' and ' },
        { text: 'bad' },
        { text: '. Wrapped line.' }
      ]
    })
    expect(blocks[2]).toEqual({ type: 'blockquote', content: [{ type: 'paragraph', content: [{ text: 'Quoted one quoted two' }] }] })
    expect(blocks[3]).toMatchObject({ type: 'list', ordered: false, items: [[{ content: [{ text: 'item one continued' }] }], [{}]] })
    expect(blocks[4]).toMatchObject({ type: 'list', ordered: true })
    // Raw HTML is text, never markup.
    expect(blocks[5]).toEqual({ type: 'paragraph', content: [{ text: '<script>alert(1)</script>' }] })
    expect(articleText(blocks)).toContain('Title\n\nA bold claim')
  })
})

describe('decoding', () => {
  it('reads UTF-8 with or without a BOM, and UTF-16 with a BOM', () => {
    expect(decodeText(Buffer.from('﻿Ürümqi 报告 😀'), 'a.txt')).toBe('Ürümqi 报告 😀')
    expect(decodeText(Buffer.from('Ürümqi 报告'), 'a.txt')).toBe('Ürümqi 报告')
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Ürümqi 报告', 'utf16le')])
    expect(decodeText(le, 'a.txt')).toBe('Ürümqi 报告')
    const be = Buffer.from(le)
    be.swap16()
    expect(decodeText(be, 'a.txt')).toBe('Ürümqi 报告')
  })
  it('reads legacy Western, Persian and Russian text by the script its words make', () => {
    const western = Buffer.from('Caf\xe9 au lait co\xfbte 3 \x80 \x96 \x93cher\x94.', 'latin1')
    expect(decodeText(western, 'a.txt')).toBe('Café au lait coûte 3 € – “cher”.')
    // "گزارش‌ها می‌گویند" in windows-1256: 0x90 (گ) and 0x9D (ZWNJ) are undefined in windows-1252.
    const persian = Buffer.from([0x90, 0xd2, 0xc7, 0xd1, 0xd4, 0x9d, 0xe5, 0xc7, 0x20, 0xe3, 0xed, 0x9d, 0x90, 0xe6, 0xed, 0xe4, 0xcf])
    // windows-1256 has only the Arabic yeh (U+064A), which Persian text in it uses.
    expect(decodeText(persian, 'fa.txt')).toBe('گزارش‌ها م\u064a‌گو\u064aند')
    // "Привет, мир" in windows-1251.
    const russian = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xec, 0xe8, 0xf0])
    expect(decodeText(russian, 'ru.txt')).toBe('Привет, мир')
  })

  it('names a binary or undecodable file', () => {
    expect(() => decodeText(Buffer.from([1, 2, 3, 0, 5]), 'x.txt')).toThrow('"x.txt" looks like a binary file, not text.')
    expect(() => decodeText(Buffer.from([0x41, 0x81, 0x42]), 'y.md')).toThrow('"y.md" is neither UTF-8 nor text in a legacy encoding')
    expect(() => decodeText(Buffer.from([0xff, 0xfe, 0x00, 0xd8]), 'z.txt')).toThrow('"z.txt" is not valid UTF-16LE text.')
  })
})
