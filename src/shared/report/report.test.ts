import { describe, expect, it } from 'vitest'
import { articleText, type Block } from '../article'
import type { Claim } from '../model'
import { quoteSelector } from '../selector'
import type { Status } from '../status'
import { offsetConverter } from './codepoints'
import { renderCsv } from './csv'
import { reportClaims } from './data'
import { csvField, escapeMarkdown } from './escape'
import { renderHtml } from './html'
import { segmentArticle, type Piece, type SegmentedBlock } from './segments'

const content: Block[] = [
  { type: 'paragraph', content: [{ text: 'One two three. ' }, { text: 'Four', href: 'https://x.org' }, { text: ' five.' }] },
  { type: 'paragraph', content: [{ text: 'Six seven eight.' }] }
]
const text = articleText(content)

function claim(words: string, status: Status = 'false', from = 0): Claim {
  const start = text.indexOf(words, from)
  return {
    id: `00000000-0000-4000-8000-${String(start).padStart(12, '0')}${words.length}`.slice(0, 36),
    documentId: 'd',
    quote: quoteSelector(text, { start, end: start + words.length }),
    position: { start, end: start + words.length },
    status,
    claimant: null,
    tags: [],
    orphaned: false,
    rationale: '',
    createdBy: null,
    createdAt: '2026-11-27T10:00:00.000Z',
    updatedAt: '2026-11-27T10:00:00.000Z',
    number: 0,
    noteCount: 0,
    sourceCount: 0
  }
}

const document = { id: 'd', title: 'T', sourceUrl: null, publisher: null, author: null, publishedAt: null, language: null, importedAt: '2026-11-27T10:00:00.000Z', version: 1, text, content, conclusion: '', publicationUrl: null, publicationDate: null }
/** Claims numbered in text order, as marking them from the top would number them. */
const numbered = (claims: Claim[]) =>
  [...claims].sort((a, b) => a.position.start - b.position.start || a.position.end - b.position.end).map((claim, i) => ({ ...claim, number: i + 1 }))
const data = (claims: Claim[]) => ({ document, claims: numbered(claims), notes: [], sources: [], analyst: 'A', generatedAt: '2026-11-27T10:00:00.000Z' })
const piecesOf = (block: SegmentedBlock): Piece[] => ('pieces' in block ? block.pieces : [])
const describePieces = (block: SegmentedBlock) =>
  piecesOf(block).map((p) => `${p.text}|${p.claims.join(',')}|${p.innermost?.number ?? '-'}|${p.ending.map((c) => c.number).join(',')}`)

describe('segmentArticle', () => {
  it('splits overlapping claims into pieces coloured by the innermost claim, links kept', () => {
    const claims = reportClaims(data([claim('two three. Four five', 'verified'), claim('three. Four', 'false')]))
    const [first] = segmentArticle(content, claims)
    expect(describePieces(first!)).toEqual(['One ||-|', 'two |1|1|', 'three. |1,2|2|', 'Four|1,2|2|2', ' five|1|1|1', '.||-|'])
    expect(piecesOf(first!)[3]!.href).toBe('https://x.org')
  })

  it('highlights a claim across two paragraphs in both, with one marker at its end', () => {
    const claims = reportClaims(data([claim('five.\n\nSix seven')]))
    const [first, second] = segmentArticle(content, claims)
    expect(describePieces(first!).slice(-1)).toEqual(['five.|1|1|'])
    expect(describePieces(second!)).toEqual(['Six seven|1|1|1', ' eight.||-|'])
  })

  it('leaves orphans out of the article', () => {
    const orphan = { ...claim('Six'), orphaned: true }
    const blocks = segmentArticle(content, reportClaims(data([orphan])))
    expect(blocks.flatMap(piecesOf).every((p) => p.claims.length === 0)).toBe(true)
    expect(renderHtml(data([orphan]))).toContain('These words are no longer in the article')
  })
})

describe('offsetConverter', () => {
  it('converts UTF-16 offsets to code points and back around astral characters', () => {
    const convert = offsetConverter('a😀b𝄞c')
    expect([0, 1, 3, 4, 6, 7].map(convert.toCodePoints)).toEqual([0, 1, 2, 3, 4, 5])
    expect([0, 1, 2, 3, 4, 5].map(convert.toUtf16)).toEqual([0, 1, 3, 4, 6, 7])
    expect(offsetConverter('plain').toCodePoints(3)).toBe(3)
  })
})

describe('escaping', () => {
  it('defuses spreadsheet formulas and quotes CSV fields as RFC 4180 says', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`)
    for (const danger of ['+1', '-1+2', '@SUM(A1)', '\tx', '\rx']) expect(csvField(danger).replace(/^"/, '')).toMatch(/^'/)
    expect(csvField(42)).toBe('42')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('line\nbreak')).toBe('"line\nbreak"')
    const csv = renderCsv(data([{ ...claim('One two'), claimant: '=cmd|/c calc' }]))
    expect(csv).toContain(",'=cmd|/c calc,")
    expect(csv.startsWith('\uFEFFclaim,quote,verdict')).toBe(true)
  })

  it('makes Markdown text inert', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)> [a](javascript:b) *c* # d')).toBe(
      '&lt;img src=x onerror=alert\\(1\\)&gt; \\[a\\]\\(javascript:b\\) \\*c\\* \\# d'
    )
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list')
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list')
  })
})
