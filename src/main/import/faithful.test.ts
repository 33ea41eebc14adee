/**
 * Real pages come out as their authors wrote them: Readability's defaults,
 * the encoding the bytes are really in, JSON-LD however it is wrapped, ads
 * out, and each block's language and direction kept through to the report.
 * Each case here is a defect found on real pages, rebuilt as a small page.
 */
import { describe, expect, it } from 'vitest'
import { blockText, textBlocks, type Block } from '../../shared/article'
import { apiOn, fileSource } from '../testing/calls'
import { tempLibrary } from '../testing/temp'
import { extractPage } from './page'
import { removeCaptionsAndBylines, withoutFurnitureLines } from './furniture'
import { removeNamedAds, withoutPromotions } from './promo'
import { parseDocument } from './dom'
import { decodeHtml } from './decode'

const sentence = (n: number) => `Sentence ${n} of the article reports what the inquiry found in the archive of the ministry.`
const paragraphs = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `<p>${sentence(from + i)} ${sentence(from + i + 100)}</p>`).join('')

describe('Readability with its own defaults', () => {
  it('keeps the article, not a printed-from footer (was: charThreshold 200 kept the 300-character footer)', () => {
    // The article sits in a container Readability's first pass strips as unlikely ("extra"); the
    // footer alone is over 200 characters but under the default 500, so only the default retries.
    const footer = `This page was printed from news.example.org. ${'Copyright and terms of use apply to every page printed. '.repeat(4)}`
    const html = `<html><head><title>Inquiry</title></head><body>
      <div class="story-extra">${paragraphs(1, 8)}</div>
      <div class="print-note"><p>${footer}</p></div></body></html>`
    const { content } = extractPage(html)
    const text = textBlocks(content).map(blockText).join('\n')
    expect(text).toContain(sentence(1))
    expect(text).toContain(sentence(8))
  })
})

describe('encodings', () => {
  it('reads a page saved as UTF-8 whose <meta> still declares gb2312 as UTF-8 (was: GBK, garbled with U+FFFD)', () => {
    const html = '<html><head><meta charset="gb2312"><title>新闻标题：调查结果公布</title></head><body><p>调查委员会公布了关于档案的报告。</p></body></html>'
    const decoded = decodeHtml(Buffer.from(html, 'utf8'), 'page.html')
    expect(decoded).toContain('新闻标题：调查结果公布')
    expect(decoded).not.toContain('\ufffd')
  })

  it('still honours a declared legacy charset when the bytes are in it', () => {
    const bytes = Buffer.from([...Buffer.from('<meta charset="windows-1251"><p>'), 0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, ...Buffer.from('</p>')])
    expect(decodeHtml(bytes, 'page.html')).toContain('Привет')
  })
})

describe('JSON-LD metadata', () => {
  const page = (script: string) =>
    `<html><head><title>Headline | Site</title><meta property="og:title" content="Headline | Site">
     <script type="application/ld+json">${script}</script></head><body><article>${paragraphs(1, 6)}</article></body></html>`
  const article = { '@type': 'NewsArticle', headline: 'The real headline', author: { name: 'Ana Díaz' }, datePublished: '2024-05-06' }

  it('reads JSON-LD wrapped in CDATA (was: skipped, title fell back to og:title with the site suffix)', () => {
    for (const wrapped of [`<![CDATA[${JSON.stringify(article)}]]>`, `//<![CDATA[\n${JSON.stringify(article)}\n//]]>`]) {
      const { metadata } = extractPage(page(wrapped))
      expect(metadata).toMatchObject({ title: 'The real headline', author: 'Ana Díaz', publishedAt: '2024-05-06' })
    }
  })

  it('reads the article inside an @graph', () => {
    const graph = { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'Site' }, article] }
    expect(extractPage(page(JSON.stringify(graph))).metadata).toMatchObject({ title: 'The real headline', author: 'Ana Díaz' })
  })
})

describe('promotional blocks', () => {
  const texts = (blocks: Block[]) => textBlocks(blocks).map(blockText)

  it('rule 1: removes short elements whose class or id names them as ads, not containers that merely mention ads', () => {
    const document = parseDocument(`<body><div class="post has-ads"><p>${sentence(1)}</p>
      <div class="ad-slot"><p>Buy shoes now</p></div><aside id="sponsored_box"><p>Five stocks to buy</p></aside>
      <div class="header"><p>Kept: header is not an ad word</p></div></div></body>`)
    removeNamedAds(document)
    const text = document.body!.textContent ?? ''
    expect(text).toContain(sentence(1))
    expect(text).toContain('Kept: header')
    expect(text).not.toContain('Buy shoes')
    expect(text).not.toContain('Five stocks')
  })

  it('rule 2: removes paragraphs labelled as ads, in several languages (was: "Sponsored: Five stocks…" stayed in the report)', () => {
    const labelled = ['Sponsored: Five stocks to buy now. Read more', 'Advertisement', 'ANZEIGE – Jetzt kaufen', 'Реклама: купите', 'إعلان', 'تبلیغات: خرید', '广告：购买', 'Publicité']
    const blocks: Block[] = [sentence(1), ...labelled, 'Advertisers say the campaign was legal.'].map((text) => ({ type: 'paragraph', content: [{ text }] }))
    expect(texts(withoutPromotions(blocks))).toEqual([sentence(1), 'Advertisers say the campaign was legal.'])
  })

  it('rule 3: removes short link-only paragraphs, keeps paragraphs with a link in them and lists of links', () => {
    const teaser: Block = { type: 'paragraph', content: [{ text: 'Read more: ' }, { text: 'Ten things about the ministry', href: 'https://x.example/a' }] }
    const prose: Block = { type: 'paragraph', content: [{ text: 'The report, ' }, { text: 'published today', href: 'https://x.example/r' }, { text: ', names the officials.' }] }
    const sources: Block = { type: 'list', ordered: false, items: [[{ type: 'paragraph', content: [{ text: 'The report', href: 'https://x.example/r' }] }]] }
    expect(withoutPromotions([teaser, prose, sources])).toEqual([prose, sources])
  })

  it('removes them from a whole page', () => {
    const html = `<html><head><title>Inquiry</title></head><body><article><h1>Inquiry</h1>${paragraphs(1, 4)}
      <p>Sponsored: Five stocks to buy before the inquiry ends. <a href="https://ads.example/">Read more</a></p>
      <div class="promo"><p>Subscribe for 1 € a month</p></div>${paragraphs(10, 4)}</article></body></html>`
    const text = textBlocks(extractPage(html).content).map(blockText).join('\n')
    expect(text).toContain(sentence(13))
    expect(text).not.toMatch(/Sponsored|Subscribe/)
  })
})

describe('page furniture (furniture.ts)', () => {
  const texts = (blocks: Block[]) => textBlocks(blocks).map(blockText)
  const paragraph = (text: string): Block => ({ type: 'paragraph', content: [{ text }] })

  it('rules 1 and 2: removes captions, credits and bylines, not containers that merely have such names', () => {
    const document = parseDocument(`<body><div class="captioned-story"><p>${sentence(1)}</p>
      <figure><figcaption>Officials at the ministry on Monday.</figcaption></figure>
      <div class="image-caption">The archive, in 1998.</div><span class="photo-credit">Photo: AP</span>
      <div id="story_byline">By Ana Díaz</div><p>${sentence(2)}</p></div></body>`)
    removeCaptionsAndBylines(document)
    const text = document.body!.textContent ?? ''
    expect(text).toContain(sentence(1))
    expect(text).toContain(sentence(2))
    expect(text).not.toMatch(/Officials at|The archive, in|Photo: AP|Ana Díaz/)
  })

  it('rules 3 to 6: removes credit lines, date lines, address lines and the headline again; keeps prose and embedded posts', () => {
    const lines = [
      'Photo: Damian Dovarganes, AP',
      'Image 1 of 23',
      'Updated 1:39 am EST, Wednesday, November 20, 2019',
      'PUBLISHED: 10:48, Tue, Nov 19, 2019',
      'https://www.example.com/news/article/the-inquiry-14848164.php',
      'The Inquiry Reports'
    ]
    const kept = [
      sentence(1),
      'The minister said on November 20, 2019 that the archive was complete.',
      '— The Senate (@Senate) October 9, 2018',
      'Встреча назначена на 10:30 в министерстве.',
      'Photographers waited outside.'
    ]
    const blocks: Block[] = [{ type: 'heading', level: 1, content: [{ text: 'The inquiry reports' }] }, ...[...lines, ...kept].map(paragraph)]
    expect(texts(withoutFurnitureLines(blocks, 'The inquiry reports'))).toEqual(kept)
  })

  it('keeps a page that is nothing but its headline', () => {
    const only: Block[] = [paragraph('The inquiry reports')]
    expect(withoutFurnitureLines(only, 'The inquiry reports')).toEqual(only)
  })

  it('leaves the headline out of the article, as Readability does: it is the title (was: put back, shown twice)', () => {
    const html = `<html><head><title>The inquiry reports</title></head><body><article><h1>The inquiry reports</h1>
      <p class="byline">By Ana Díaz</p>${paragraphs(1, 6)}</article></body></html>`
    const { content, metadata } = extractPage(html)
    expect(metadata.title).toBe('The inquiry reports')
    expect(texts(content)[0]).toBe(`${sentence(1)} ${sentence(101)}`)
  })
})

describe('block language and direction', () => {
  const html = `<html lang="en"><head><title>Two voices</title></head><body><article><h1>Two voices</h1>${paragraphs(1, 4)}
    <p lang="fa" dir="rtl">سخنگوی وزارت گفت که گزارش کامل منتشر خواهد شد.</p>
    <blockquote lang="ar"><p>قال المتحدث إن التقرير سينشر كاملا.</p></blockquote>${paragraphs(10, 3)}</article></body></html>`

  it('keeps a paragraph’s lang and dir (was: lang="fa" dropped), and nothing where the page’s own language applies', () => {
    const { content, metadata } = extractPage(html)
    expect(metadata.language).toBe('en')
    const blocks = textBlocks(content)
    expect(blocks.find((b) => blockText(b).startsWith('سخنگوی'))).toMatchObject({ lang: 'fa', dir: 'rtl' })
    expect(blocks.find((b) => blockText(b).startsWith('قال'))).toMatchObject({ lang: 'ar' })
    expect(blocks.find((b) => blockText(b).startsWith('Sentence 1 '))).not.toHaveProperty('lang')
  })

  it('carries them through the library into the HTML report', async () => {
    const { okAsync: ok } = apiOn(tempLibrary())
    const document = await ok('importDocument', fileSource('voices.html', html))
    const { data: report } = await ok('exportReport', { documentId: document.id, format: 'html', internal: true })
    expect(report).toContain('<p lang="fa" dir="rtl">سخنگوی')
    expect(report).toContain('<p lang="ar" dir="rtl">قال')
  })
})
