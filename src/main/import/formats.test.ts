/**
 * Saved web pages, Word files, PDFs and pasted HTML, from fixtures made in
 * code (fixtures/generate.mjs): structure, text, metadata, encodings, and a
 * clear error that writes nothing for each kind of bad file.
 */
import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { articleText, type Block } from '../../shared/article'
import { apiOn } from '../testing/calls'
import { tempLibrary } from '../testing/temp'
import { parseHtml } from './article'
import { decodeHtml } from './decode'
import { fixture, fixtureBase64 } from './fixtures/read'
/** A file read as the service reads it: in the reader's worker. */
import { readArticleFile as parseFile } from './worker'

const types = (blocks: Block[]) => blocks.map((block) => block.type)

describe('a saved web page', () => {
  it('keeps the article and drops the navigation, ads, related stories, comments and scripts', async () => {
    const article = await parseFile('article.html', fixture('article.html'))
    expect(article.origin).toBe('html')
    expect(article.title).toBe('Uyghur fighters in Syria')
    // The headline is the title, shown above the article, not a block of it.
    expect(article.text).not.toContain('Uyghur fighters in Syria')
    expect(article.text).toContain('114 Uyghurs have joined IS in Syria and Iraq.')
    for (const furniture of ['Politics', 'Advertisement', 'Related stories', 'troll123', 'Privacy', 'tracking', 'font-family']) {
      expect(article.text).not.toContain(furniture)
    }
    expect(types(article.content)).toEqual(expect.arrayContaining(['heading', 'paragraph', 'list', 'blockquote']))
    expect(article.content).toContainEqual({
      type: 'blockquote',
      content: [{ type: 'paragraph', content: [{ text: '“We have no figures we can trust,” a diplomat told reporters.' }] }]
    })
    // Relative links resolve against the canonical address; javascript: links become plain text.
    expect(article.content).toContainEqual({
      type: 'paragraph',
      content: [
        { text: 'Read the ' },
        { text: 'full report', href: 'https://news.example.org/reports/new-america-2016' },
        { text: ' or write to ' },
        { text: 'the desk', href: 'mailto:desk@news.example.org' },
        { text: '. Share this.' }
      ]
    })
    expect(article.text).toContain('گزارش‌ها می‌گویند که صدها نفر به سوریه رفته‌اند.\n\n报告称数百人已前往叙利亚。')
    expect(article.text).toBe(articleText(article.content))
  })

  it('reads its metadata: JSON-LD, OpenGraph, meta tags and the canonical address', async () => {
    const { metadata } = await parseFile('article.html', fixture('article.html'))
    expect(metadata).toEqual({
      title: 'Uyghur fighters in Syria',
      author: 'Jane Doe',
      publisher: 'Example News',
      publishedAt: '2016-03-01T09:30:00.000Z',
      sourceUrl: 'https://news.example.org/2016/uyghur-fighters',
      language: 'en'
    })
  })

  it('falls back to meta tags and the byline when there is no JSON-LD', async () => {
    const html = `<html lang="fa-IR"><head><title>Site title</title><meta property="og:title" content="OG title">
      <meta property="og:site_name" content="OG Site"><meta property="article:published_time" content="2020-05-04">
      <meta property="og:url" content="https://site.example/story"></head>
      <body><article><p class="byline">By Sam Roe</p><p>${'Body text of a story. '.repeat(30)}</p></article></body></html>`
    const { metadata } = await parseFile('story.htm', Buffer.from(html))
    expect(metadata).toMatchObject({
      title: 'OG title',
      publisher: 'OG Site',
      publishedAt: '2020-05-04',
      sourceUrl: 'https://site.example/story',
      language: 'fa-IR',
      author: 'Sam Roe'
    })
  })

  it('decodes windows-1252 declared by the page, and legacy bytes with no declaration', async () => {
    const article = await parseFile('article-1252.html', fixture('article-1252.html'))
    expect(article.text).toContain('Café prices rose by 5 € – “a lot”, said Zoë.')
    expect(article.text).toContain('“We have no figures we can trust,”')
    const undeclared = Buffer.from('<p>Caf\xe9 \x93quoted\x94 \x80 5</p>', 'latin1')
    expect(decodeHtml(undeclared, 'page')).toBe('<p>Café “quoted” € 5</p>')
    const koi8 = Buffer.from([...Buffer.from('<meta charset="koi8-r"><p>'), 0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, ...Buffer.from('</p>')])
    expect(decodeHtml(koi8, 'page')).toContain('<p>Привет</p>')
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>报告 گزارش</p>', 'utf16le')])
    expect(decodeHtml(utf16, 'page')).toBe('<p>报告 گزارش</p>')
    expect(decodeHtml(Buffer.from('<p>x</p>'), 'page', 'iso-8859-2')).toBe('<p>x</p>')
  })
})

describe('a Word file', () => {
  it('keeps headings, paragraphs, the list, the quote, the link, Persian and Chinese', async () => {
    const article = await parseFile('article.docx', fixture('article.docx'))
    expect(article.origin).toBe('docx')
    expect(article.title).toBe('Uyghur fighters in Syria')
    expect(types(article.content)).toEqual(['heading', 'paragraph', 'paragraph', 'heading', 'list', 'blockquote', 'paragraph', 'paragraph', 'paragraph'])
    expect(article.content[4]).toMatchObject({ type: 'list', items: [[{ content: [{ text: 'The report counted 114 recruits.' }] }], [{}]] })
    expect(article.content[6]).toEqual({
      type: 'paragraph',
      content: [{ text: 'Read the ' }, { text: 'full report', href: 'https://news.example.org/reports/new-america-2016' }, { text: '.' }]
    })
    expect(article.text.endsWith('گزارش‌ها می‌گویند که صدها نفر به سوریه رفته‌اند.\n\n报告称数百人已前往叙利亚。')).toBe(true)
  })
})

describe('a PDF', () => {
  it('keeps its paragraphs across wrapped lines, joins hyphenated words, and reads its metadata', async () => {
    const article = await parseFile('article.pdf', fixture('article.pdf'))
    expect(article.origin).toBe('pdf')
    expect(article.content).toEqual([
      { type: 'heading', level: 1, content: [{ text: 'Uyghur fighters in Syria' }] },
      {
        type: 'paragraph',
        content: [{ text: 'According to a 2016 New America report, 114 Uyghurs have joined IS in Syria and Iraq. The figure comes from passports and travel records.' }]
      },
      { type: 'paragraph', content: [{ text: 'The Turkistan Islamic Party fields several thousand fighters in Idlib, officials said.' }] },
      { type: 'heading', level: 2, content: [{ text: 'What the figures say' }] },
      { type: 'paragraph', content: [{ text: '"We have no figures we can trust," a diplomat told reporters.' }] },
      { type: 'paragraph', content: [{ text: 'Officials in Beijing named a far higher figure.' }] }
    ])
    expect(article.metadata).toEqual({ title: 'Uyghur fighters in Syria', author: 'Jane Doe', publishedAt: '2016-03-01T09:30:00.000Z' })
  })
})

describe('pdf.js in its worker', () => {
  it('leaves the main thread’s built-ins alone: its polyfills are far slower than V8’s own', async () => {
    const builtIns = () => [JSON.stringify, JSON.parse, Array.prototype.push, (Promise as { withResolvers?: unknown }).withResolvers]
    const before = builtIns()
    await parseFile('article.pdf', fixture('article.pdf'))
    builtIns().forEach((builtIn, i) => expect(builtIn).toBe(before[i]))
  })
})

describe('pasted HTML', () => {
  it('is sanitised into blocks without extraction, keeping its structure', () => {
    const article = parseHtml(
      '<meta charset="utf-8"><h2 style="color:red">Breaking</h2><p>Officials <b>said</b> <a href="https://x.example/a" onclick="steal()">this</a>.<br>Next line.</p><ol><li>one</li><li><p>two</p><ul><li>nested</li></ul></li></ol><img src=x onerror="steal()">'
    )
    expect(article.title).toBe('Breaking')
    expect(article.content).toEqual([
      { type: 'heading', level: 2, content: [{ text: 'Breaking' }] },
      { type: 'paragraph', content: [{ text: 'Officials said ' }, { text: 'this', href: 'https://x.example/a' }, { text: '. Next line.' }] },
      {
        type: 'list',
        ordered: true,
        items: [
          [{ type: 'paragraph', content: [{ text: 'one' }] }],
          [
            { type: 'paragraph', content: [{ text: 'two' }] },
            { type: 'list', ordered: false, items: [[{ type: 'paragraph', content: [{ text: 'nested' }] }]] }
          ]
        ]
      }
    ])
  })
})

describe('bad files get a clear error and nothing is written', () => {
  const setup = () => apiOn(tempLibrary())

  it('refuses an encrypted PDF, a damaged PDF, and a .docx that is not a zip', async () => {
    const api = setup()
    expect(await api.refusedAsync('importDocument', { source: { kind: 'file', fileName: 'encrypted.pdf', data: fixtureBase64('encrypted.pdf') } })).toEqual({
      code: 'unsupported_file',
      message: '"encrypted.pdf" is protected by a password; save an unprotected copy and import that.'
    })
    expect(await api.refusedAsync('importDocument', { source: { kind: 'file', fileName: 'damaged.pdf', data: fixtureBase64('damaged.pdf') } })).toEqual({
      code: 'unsupported_file',
      message: '"damaged.pdf" is not a readable PDF: it is damaged.'
    })
    expect(await api.refusedAsync('importDocument', { source: { kind: 'file', fileName: 'not-a-zip.docx', data: fixtureBase64('not-a-zip.docx') } })).toEqual({
      code: 'unsupported_file',
      message: '"not-a-zip.docx" is not a Word document: a .docx file is a zip archive, and this is not one.'
    })
  })

  it('refuses a .docx that unpacks beyond the limit (a zip bomb), and a damaged zip', async () => {
    const api = setup()
    const bytes = zipOf('word/document.xml', Buffer.alloc(110 * 1024 * 1024, 0x20))
    expect(bytes.length).toBeLessThan(1024 * 1024)
    expect(await api.refusedAsync('importDocument', { source: { kind: 'file', fileName: 'bomb.docx', data: bytes.toString('base64') } })).toEqual({
      code: 'too_large',
      message: '"bomb.docx" unpacks to more than 100 MB; it is refused as a possible zip bomb.'
    })
    // The same bomb whose directory lies: it claims each entry unpacks to 1 KB.
    const lying = Buffer.from(bytes)
    for (let at = 0; at + 4 <= lying.length; at++) {
      if (lying.readUInt32LE(at) === 0x02014b50) lying.writeUInt32LE(1024, at + 24)
      if (lying.readUInt32LE(at) === 0x04034b50) lying.writeUInt32LE(1024, at + 22)
    }
    expect(lying.equals(bytes)).toBe(false)
    expect((await api.refusedAsync('importDocument', { source: { kind: 'file', fileName: 'liar.docx', data: lying.toString('base64') } })).code).toBe('too_large')
    const truncated = fixture('article.docx').subarray(0, 1200)
    expect(await api.refusedAsync('importDocument', { source: { kind: 'file', fileName: 'cut.docx', data: truncated.toString('base64') } })).toEqual({
      code: 'unsupported_file',
      message: '"cut.docx" is a damaged zip archive.'
    })
  }, 60_000)

  it('accepts a 20 MB file and a 5 MB page, and refuses a file over the 25 MB limit', async () => {
    const api = setup()
    const line = 'A long paragraph of article text that repeats, as a very long report would. '.repeat(20) + '\n\n'
    const big = Buffer.from(line.repeat(Math.ceil((20 * 1024 * 1024) / line.length)))
    expect(big.length).toBeGreaterThanOrEqual(20 * 1024 * 1024)
    const document = await api.okAsync('importDocument', { source: { kind: 'file', fileName: 'big.txt', data: big.toString('base64') } })
    expect(document.text.length).toBeGreaterThan(19 * 1024 * 1024)
    // Past Readability's limit a page's <article> is sanitised as it is.
    const paragraph = `<p>${line}</p>`
    const page = `<html><body><nav>Menu</nav><article>${paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length))}</article></body></html>`
    const large = await api.okAsync('importDocument', { source: { kind: 'file', fileName: 'large.html', data: Buffer.from(page).toString('base64') } })
    expect(large.text.startsWith('A long paragraph')).toBe(true)
    const huge = Buffer.alloc(26 * 1024 * 1024, 0x61)
    expect(await api.refusedAsync('importDocument', { source: { kind: 'file', fileName: 'huge.txt', data: huge.toString('base64') } })).toEqual({
      code: 'too_large',
      message: '"huge.txt" is larger than 25 MB, the import limit.'
    })
  }, 120_000)

  it('refuses pasted HTML with no text, and a page that is all furniture', async () => {
    const api = setup()
    expect((await api.refusedAsync('importDocument', { source: { kind: 'html', html: '<script>x()</script><img src=x>' } })).message).toBe('The pasted HTML has no readable text.')
    expect((await api.refusedAsync('importDocument', { source: { kind: 'html', html: '  ' } })).message).toBe('The pasted HTML is empty: there is no article to import.')
    expect(
      (await api.refusedAsync('importDocument', { source: { kind: 'file', fileName: 'empty.html', data: Buffer.from('<html><body><nav>Home</nav></body></html>').toString('base64') } }))
        .message
    ).toBe('"empty.html" has no readable text.')
  })

  it('stores what the page said about itself when importing through the API', async () => {
    const api = setup()
    const document = await api.okAsync('importDocument', { source: { kind: 'file', fileName: 'article.html', data: fixtureBase64('article.html') } })
    expect(document).toMatchObject({
      title: 'Uyghur fighters in Syria',
      author: 'Jane Doe',
      publisher: 'Example News',
      sourceUrl: 'https://news.example.org/2016/uyghur-fighters',
      version: 1
    })
  })
})

/** A one-entry zip archive, deflated (its CRC left 0: the size check comes before any reader looks). */
function zipOf(name: string, content: Buffer): Buffer {
  const data = deflateRawSync(content, { level: 9 })
  const fileName = Buffer.from(name)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt16LE(8, 8)
  local.writeUInt32LE(data.length, 18)
  local.writeUInt32LE(content.length, 22)
  local.writeUInt16LE(fileName.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt16LE(8, 10)
  central.writeUInt32LE(data.length, 20)
  central.writeUInt32LE(content.length, 24)
  central.writeUInt16LE(fileName.length, 28)
  const directoryAt = local.length + fileName.length + data.length
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(central.length + fileName.length, 12)
  end.writeUInt32LE(directoryAt, 16)
  return Buffer.concat([local, fileName, data, central, fileName, end])
}
