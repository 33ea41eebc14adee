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

/** `depth` elements of one kind, nested, around one sentence. */
function nested(open: string, close: string, depth: number): string {
  return `${open.repeat(depth)}The sentence at the bottom of it all.${close.repeat(depth)}`
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

  it('imports 20,000 nested elements', async () => {
    const { okAsync: ok } = apiOn(tempLibrary())
    expectStored(await ok('importDocument', fileSource('deep.html', page(nested('<div><span>', '</span></div>', 10_000)))))
  }, 120_000)

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
