/**
 * Hostile input, generated here rather than committed: nesting of every
 * element kind, deep Markdown quotes, deep JSON-LD. Each one either imports
 * (deeper content flattened) or is refused with a one-line typed error;
 * none may crash, answer `internal` or leave anything written.
 */
import { describe, expect, it } from 'vitest'
import { articleText, blockDepth, MAX_BLOCK_DEPTH } from '../../shared/article'
import type { ArticleDocument } from '../../shared/model'
import { apiOn, fileSource, pasted } from '../testing/calls'
import { tempLibrary } from '../testing/temp'
import { NestedTooDeep, parseDocument } from './dom'
import { MAX_PAGE_DEPTH, nestingDepth } from './nesting'
import { readInWorker } from './worker'

/** `depth` elements of one kind, nested, around one sentence. */
function nested(open: string, close: string, depth: number): string {
  // Words outside the nesting too: a paragraph that is one short link is a teaser, and pages drop those (promo.ts).
  return `${open.repeat(depth)}The sentence at the bottom of it all.${close.repeat(depth)} And words after it, unlinked.`
}

const page = (body: string) => `<!doctype html><html><head><title>Deep</title></head><body>${body}</body></html>`

const KINDS: [string, string, string][] = [
  ['div', '<div>', '</div>'],
  ['span', '<span>', '</span>'],
  ['blockquote', '<blockquote>', '</blockquote>'],
  ['list', '<ul><li>', '</li></ul>'],
  ['table', '<table><tr><td>', '</td></tr></table>'],
  ['link', '<a href="https://example.org/">', '</a>'],
  ['emphasis', '<em>', '</em>']
]

function expectStored(document: ArticleDocument): void {
  expect(document.text).toContain('The sentence at the bottom of it all.')
  expect(articleText(document.content)).toBe(document.text)
  expect(blockDepth(document.content)).toBeLessThanOrEqual(MAX_BLOCK_DEPTH)
}

describe('deep nesting', () => {
  for (const [kind, open, close] of KINDS) {
    it(`imports 5,000 nested ${kind} elements, pasted or as a page, flattened below the cap`, async () => {
      const { okAsync: ok } = apiOn(tempLibrary())
      const html = nested(open, close, 5000)
      expectStored(await ok('importDocument', { source: { kind: 'html', html } }))
      expectStored(await ok('importDocument', fileSource('deep.html', page(html))))
    }, 60_000)
  }

  it('stores 600 nested blockquotes (was: CHECK constraint failed: json_valid(content))', async () => {
    const { okAsync: ok } = apiOn(tempLibrary())
    const document = await ok('importDocument', { source: { kind: 'html', html: nested('<blockquote>', '</blockquote>', 600) } })
    expectStored(document)
    expect(blockDepth(document.content)).toBe(MAX_BLOCK_DEPTH)
  })

  it('imports 1,000 nested divs as a page without Readability stalling on them', async () => {
    const { okAsync: ok } = apiOn(tempLibrary())
    expectStored(await ok('importDocument', fileSource('deep.html', page(nested('<div>', '</div>', 1000)))))
  })

  it('imports 18,000 nested elements, below the page depth limit', async () => {
    const { okAsync: ok } = apiOn(tempLibrary())
    expectStored(await ok('importDocument', fileSource('deep.html', page(nested('<div><span>', '</span></div>', 9_000)))))
  }, 120_000)

  it('refuses 100,000 nested elements at once with one line, as a page or pasted (was: stopped by the 30 s timer)', async () => {
    const { refusedAsync: refused } = apiOn(tempLibrary())
    const html = nested('<div><span>', '</span></div>', 50_000)
    const limit = MAX_PAGE_DEPTH.toLocaleString('en')
    expect(await refused('importDocument', fileSource('deep.html', page(html)))).toEqual({
      code: 'too_large',
      message: `"deep.html" nests its elements more than ${limit} deep (real pages nest a few dozen); it was not imported.`
    })
    expect(await refused('importDocument', { source: { kind: 'html', html } })).toEqual({
      code: 'too_large',
      message: `The pasted HTML nests its elements more than ${limit} deep (real pages nest a few dozen); it was not imported.`
    })
  })

  it('refuses a page one element past the depth limit, and reads one at the limit', () => {
    const atLimit = page(nested('<div>', '</div>', MAX_PAGE_DEPTH - 2))
    expect(nestingDepth(atLimit)).toBe(MAX_PAGE_DEPTH)
    expect(() => parseDocument(atLimit)).not.toThrow()
    expect(() => parseDocument(page(nested('<div>', '</div>', MAX_PAGE_DEPTH - 1)))).toThrow(NestedTooDeep)
  }, 60_000)

  it('reads Markdown quotes nested 5,000 deep', async () => {
    const { okAsync: ok } = apiOn(tempLibrary())
    const markdown = `# Deep\n\n${'>'.repeat(5000)} The sentence at the bottom of it all.\n`
    expectStored(await ok('importDocument', fileSource('deep.md', markdown)))
  })

  it('refuses a JSON-LD file whose content nests 3,000 quotes deep, saying so (was: 500)', async () => {
    const library = tempLibrary()
    const { okAsync: ok, refusedAsync: refused } = apiOn(library)
    const document = await ok('importDocument', pasted('One sentence to export.', 'text'))
    const { data } = await ok('exportReport', { documentId: document.id, format: 'jsonld' })
    const paragraph = '{"type":"paragraph","content":[{"text":"One sentence to export."}]}'
    const content = '[{"type":"blockquote","content":'.repeat(3000) + `[${paragraph}]` + '}]'.repeat(3000)
    const deep = data.replace(/"content":\s*\[[^\]]*\]\s*\}\s*\]/, `"content": ${content}`)
    expect(deep).not.toBe(data)
    const error = await refused('importDocument', fileSource('deep.jsonld', deep))
    expect(error.code).toBe('invalid_input')
    expect(error.message).toMatch(/deeper than 16 levels/)
    expect(error.message).not.toContain('\n')
  })
})

/** A PDF of numbered objects, its cross-reference table computed unless `xref` says otherwise. */
function pdf(objects: string[], xref: 'honest' | 'broken' = 'honest'): Buffer {
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const start = out.length
  const entry = (offset: number) => `${String(xref === 'honest' ? offset : offset * 7 + 13).padStart(10, '0')} 00000 n \n`
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map(entry).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref === 'honest' ? start : start + 999}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

const stream = (content: string, dict = '') => `<< ${dict} /Length ${content.length} >>\nstream\n${content}\nendstream`
const font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
const textPage = (contents: string, extra = '') =>
  `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contents} ${extra} >>`

describe('hostile PDFs', () => {
  it('says a PDF with a broken cross-reference table is damaged, not scanned', async () => {
    const { refusedAsync: refused } = apiOn(tempLibrary())
    const broken = pdf(
      ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [4 0 R] /Count 1 >>', font, textPage('9 0 R')],
      'broken'
    )
    const error = await refused('importDocument', fileSource('broken.pdf', broken))
    expect(error.code).toBe('unsupported_file')
    expect(error.message).toMatch(/^"broken\.pdf" is damaged/)
    expect(error.message).not.toMatch(/scan/)
  })

  it('says a scanned PDF (pages of images, no text) has no text layer', async () => {
    const { refusedAsync: refused } = apiOn(tempLibrary())
    const scanned = pdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
      stream('q 612 0 0 792 0 0 cm /Im1 Do Q'),
      stream('\u00ff\u0000\u00ff\u0000', '/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8')
    ])
    const error = await refused('importDocument', fileSource('scan.pdf', scanned))
    expect(error).toEqual({
      code: 'invalid_input',
      message: '"scan.pdf" has no text layer: its pages are images (a scan); run it through OCR and import the result.'
    })
  })

  it('reads the text of a PDF that carries JavaScript, and never runs it', async () => {
    const { okAsync: ok } = apiOn(tempLibrary())
    const marker = `factmarkPdfScriptRan${Date.now()}`
    const scripted = pdf([
      `<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R /Names << /JavaScript << /Names [(x) 5 0 R] >> >> >>`,
      '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
      font,
      textPage('6 0 R', '/AA << /O 5 0 R >>'),
      `<< /S /JavaScript /JS (globalThis.${marker} = true; app.alert\\(1\\)) >>`,
      stream('BT /F1 12 Tf 72 700 Td (The text of a scripted PDF is read.) Tj ET')
    ])
    const document = await ok('importDocument', fileSource('scripted.pdf', scripted))
    expect(document.text).toBe('The text of a scripted PDF is read.')
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined()
  })
})

describe('the reader’s limits', () => {
  // Wide, not deep (deep pages are refused before parsing): 250,000 paragraphs.
  const widePage = Buffer.from(page('<p>A short paragraph.</p>'.repeat(250_000)))

  it('stops a reader that runs past its time limit, with a one-line error', async () => {
    await expect(readInWorker({ kind: 'file', fileName: 'wide.html', bytes: widePage }, '"wide.html"', { timeMs: 300, memoryMb: 512 })).rejects.toThrow(
      '"wide.html" took longer than 0.3 s to read and was stopped; it may be built to stall a reader.'
    )
  })

  it('stops a reader that needs more memory than its limit, with a one-line error', async () => {
    const error = await readInWorker({ kind: 'file', fileName: 'wide.html', bytes: widePage }, '"wide.html"', { timeMs: 60_000, memoryMb: 8 }).catch(
      (caught: unknown) => caught
    )
    expect(error).toMatchObject({ code: 'too_large', message: '"wide.html" needed more than 8 MB to read and was stopped.' })
  }, 60_000)
})
