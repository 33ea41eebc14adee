/**
 * Imported articles, notes and sources are untrusted. Whatever they hold, the
 * exported HTML, parsed by a real HTML parser, runs no script and fetches
 * nothing, and the Markdown carries no raw HTML from them.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5'
import { describe, expect, it } from 'vitest'
import { articleText, type Block } from '../../shared/article'
import type { Claim, Note, Source } from '../../shared/model'
import { REPORT_CSP, renderHtml } from '../../shared/report/html'
import { renderMarkdown } from '../../shared/report/markdown'
import { quoteSelector } from '../../shared/selector'
import { fixtureDocument } from './fixture'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

const content: Block[] = [
  { type: 'heading', level: 1, content: [{ text: '<script>alert("title")</script>' }] },
  {
    type: 'paragraph',
    content: [
      { text: 'Before <script>alert(1)</script> and ' },
      { text: 'a link', href: 'javascript:alert(2)' },
      { text: ' and <img src=x onerror=alert(3)> after.' }
    ]
  },
  { type: 'paragraph', content: [{ text: '<a href="javascript:alert(4)">click</a> <style>*{}</style> <iframe src=//evil>' }] }
]
const text = articleText(content)
const document = { ...fixtureDocument, title: '<script>alert("t")</script>', text, content, sourceUrl: 'javascript:alert(5)', language: '"><script>' }
const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length })
const claim = (n: number, words: string): Claim => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  documentId: document.id,
  quote: quoteSelector(text, span(words)),
  position: span(words),
  status: 'false',
  claimant: '<script>alert(6)</script>',
  tags: ['<img src=x onerror=alert(7)>'],
  orphaned: false,
  rationale: '<script>alert(9)</script> see javascript:alert(10)',
  createdBy: '<img src=x onerror=alert(11)>',
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
  number: n,
  noteCount: 0,
  sourceCount: 0
})
const claims = [claim(1, '<script>alert(1)</script>'), claim(2, 'a link and <img src=x onerror=alert(3)>')]
const notes: Note[] = [
  {
    id: 'n1',
    claimId: claims[0]!.id,
    author: '<img src=x onerror=alert(8)>',
    body: 'See <img src=x onerror=alert(9)> and [x](javascript:alert(10)) and <a href="javascript:alert(11)">y</a> and javascript:alert(12)',
    public: true,
    createdAt: '2026-11-27T10:00:00.000Z',
    updatedAt: '2026-11-27T10:00:00.000Z'
  }
]
const sources: Source[] = [
  { id: 's1', claimId: claims[0]!.id, url: 'javascript:alert(1)', title: '<script>x</script>', excerpt: '<svg onload=alert(13)>', stance: 'refutes', accessedAt: null, createdAt: '2026-11-27T10:00:00.000Z' },
  { id: 's2', claimId: claims[1]!.id, url: ' JAVASCRIPT:alert(14)', title: null, excerpt: null, stance: 'supports', accessedAt: null, createdAt: '2026-11-27T10:00:00.000Z' },
  { id: 's3', claimId: claims[1]!.id, url: 'data:text/html,<script>alert(15)</script>', title: 'data', excerpt: null, stance: 'context', accessedAt: null, createdAt: '2026-11-27T10:00:00.000Z' }
]
const data = { document, claims, notes, sources, analyst: '<b>analyst</b>', generatedAt: '2026-11-27T14:00:00.000Z' }

function elements(node: Node): Element[] {
  const found: Element[] = []
  const walk = (n: Node): void => {
    if ('tagName' in n) found.push(n)
    if ('childNodes' in n) n.childNodes.forEach(walk)
    if ('content' in n && n.content) walk(n.content as Node)
  }
  walk(node)
  return found
}

describe('the exported HTML, parsed', () => {
  const html = renderHtml(data)
  const all = elements(parse(html) as unknown as Node)

  it('has no script, no embedded content and no event-handler attribute', () => {
    const tags = new Set(all.map((e) => e.tagName))
    for (const tag of ['script', 'iframe', 'img', 'object', 'embed', 'base', 'form', 'link']) expect(tags.has(tag), tag).toBe(false)
    // One style element: the report's own.
    expect(all.filter((e) => e.tagName === 'style')).toHaveLength(1)
    const handlers = all.flatMap((e) => e.attrs.filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}[${a.name}]`))
    expect(handlers).toEqual([])
  })

  it('links only to http(s) addresses and in-page anchors', () => {
    const urls = all.flatMap((e) => e.attrs.filter((a) => ['href', 'src', 'action', 'xlink:href'].includes(a.name)).map((a) => a.value))
    expect(urls.length).toBeGreaterThan(0)
    for (const url of urls) expect(url, url).toMatch(/^(#(claim|marker)-\d+|https?:\/\/)/)
    expect(html).not.toMatch(/href="\s*(javascript|data):/i)
  })

  it('carries a CSP that forbids every request, and keeps the hostile text as text', () => {
    const csp = all.find((e) => e.tagName === 'meta' && e.attrs.some((a) => a.name === 'http-equiv'))!
    expect(csp.attrs.find((a) => a.name === 'content')!.value).toBe(REPORT_CSP)
    expect(REPORT_CSP).toContain("default-src 'none'")
    expect(all.find((e) => e.tagName === 'html')!.attrs).toEqual([{ name: 'lang', value: 'en' }])
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;</mark>')
    expect(html).toContain('&lt;img src=x onerror=alert(9)&gt;')
  })
})

describe('the exported Markdown', () => {
  const markdown = renderMarkdown(data)

  it('holds no raw HTML and no link to a script', () => {
    expect(markdown).not.toMatch(/<(script|img|a|svg|style|iframe|b)\b/i)
    expect(markdown).not.toMatch(/\]\(<?\s*(javascript|data):/i)
    expect(markdown).toContain('&lt;script&gt;alert\\(1\\)&lt;/script&gt;')
  })
})
