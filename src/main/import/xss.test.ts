/**
 * Imported content is hostile until sanitised. Each of the known XSS vectors
 * in fixtures/xss-vectors.json (script, iframe, object, embed, event
 * handlers, javascript:/data:/vbscript: URLs, CSS that fetches, SVG scripts,
 * mutation XSS…) calls xss() only where it would run; none may survive into
 * a stored document, whichever way it comes in. The rendered view is
 * checked in e2e/import.spec.ts.
 */
import { describe, expect, it } from 'vitest'
import { textBlocks, type Block } from '../../shared/article'
import { apiOn } from '../testing/calls'
import { tempLibrary } from '../testing/temp'
import { fixture, fixtureBase64 } from './fixtures/read'
import { fragmentBlocks } from './page'

const vectors = JSON.parse(fixture('xss-vectors.json').toString('utf8')) as string[]

/** Every link target in the blocks. */
function hrefs(blocks: Block[]): string[] {
  return textBlocks(blocks).flatMap((block) => block.content.flatMap((inline) => (inline.href ? [inline.href] : [])))
}

/** What must never be found in a stored document built from hostile input. */
function expectHarmless(blocks: Block[]): void {
  const stored = JSON.stringify(blocks)
  expect(stored).not.toMatch(/xss|evil\.example|javascript:|vbscript:|data:|expression\(|onerror|onload/i)
  for (const href of hrefs(blocks)) expect(href).toMatch(/^(https?:|mailto:)/)
  // Only the article model's own keys: no element, attribute or style is ever copied.
  const keys = new Set<string>()
  JSON.parse(stored, (key, value: unknown) => (keys.add(key), value))
  for (const key of keys) expect(['', 'type', 'level', 'content', 'text', 'href', 'ordered', 'items']).toContain(key.replace(/^\d+$/, ''))
}

describe('the sanitiser against known XSS vectors', () => {
  it('has a corpus of at least 30 vectors', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(30)
  })

  it.each(vectors.map((vector, i) => [i + 1, vector]))('vector %i leaves nothing that can run: %s', (_n, vector) => {
    const blocks = fragmentBlocks(`<p>Before the vector.</p>${vector}<p>After the vector.</p>`)
    expectHarmless(blocks)
    // The ordinary text around the vector survives.
    expect(JSON.stringify(blocks)).toContain('Before the vector.')
  })

  it('keeps a safe link and its text, without the handler beside it', () => {
    expect(fragmentBlocks('<a href="https://example.org/ok" onclick="xss(36)">safe link</a>')).toEqual([
      { type: 'paragraph', content: [{ text: 'safe link', href: 'https://example.org/ok' }] }
    ])
  })
})

describe('hostile documents through the API', () => {
  it('stores nothing that can run, from a saved page, pasted HTML or a new version', async () => {
    const library = tempLibrary()
    const api = apiOn(library)
    const page = await api.okAsync('importDocument', { source: { kind: 'file', fileName: 'xss.html', data: fixtureBase64('xss.html') } })
    expectHarmless(page.content)
    expect(page.text).toContain('Ordinary paragraph number 42 follows the vector')

    const pasted = await api.okAsync('importDocument', { source: { kind: 'html', html: vectors.join('\n<p>Some text.</p>\n') } })
    expectHarmless(pasted.content)

    const version = await api.okAsync('importNewVersion', {
      documentId: page.id,
      source: { kind: 'html', html: vectors.join('<p>Text between.</p>') }
    })
    expectHarmless(version.document.content)
    const rows = library.db.prepare('SELECT content, text, title FROM documents').all() as Record<string, string>[]
    for (const row of rows) expect(JSON.stringify(row)).not.toMatch(/xss\(|evil\.example|javascript:/)
  })
})
