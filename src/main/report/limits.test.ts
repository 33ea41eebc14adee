/**
 * The JSON-LD import goes through the same field schemas and URL rules as the
 * API (src/shared/fields.ts): a file with any value past a limit is refused
 * with that value's place in the file, and nothing is written.
 */
import { describe, expect, it } from 'vitest'
import { apiOn, fileSource } from '../testing/calls'
import { insertReportData } from '../testing/report'
import { tempLibrary } from '../testing/temp'
import { fixtureDocument, fixtureReport } from './fixture'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

async function exported() {
  const library = tempLibrary()
  insertReportData(library.db, fixtureReport())
  const { okAsync: ok, refusedAsync: refused } = apiOn(library)
  const file = await ok('exportReport', { documentId: fixtureDocument.id, format: 'jsonld' })
  return { ok, refused, file: () => JSON.parse(file.data) as Json }
}

/** The first body with this purpose, and its place in the file. */
function bodyOf(file: Json, purpose: string): [Json, string] {
  for (const [i, item] of (file.first.items as Json[]).entries()) {
    const j = (item.body as Json[]).findIndex((body) => body.purpose === purpose)
    if (j >= 0) return [item.body[j], `first.items[${i}].body[${j}]`]
  }
  throw new Error(`the fixture has no ${purpose} body`)
}

describe('the JSON-LD import applies the API’s limits and rules', () => {
  const cases: [string, (file: Json) => string, RegExp][] = [
    ['a 1,000,000-character note', (f) => { const [b, i] = bodyOf(f, 'commenting'); b.value = 'n'.repeat(1_000_000); return `${i}.value` }, /longer than 20,000 characters/],
    ['a 100,000-character claimant', (f) => { f.first.items[0].claimant = 'c'.repeat(100_000); return 'first.items[0].claimant' }, /longer than 500 characters/],
    ['3,001 tags', (f) => { f.first.items[0].body.push(...Array.from({ length: 3001 }, (_, i) => ({ type: 'TextualBody', purpose: 'tagging', value: `tag${i}` }))); return 'first.items[0].body' }, /at most 30 tags/],
    ['a 100 KB source URL', (f) => { const [b, i] = bodyOf(f, 'linking'); b.source = `https://example.org/${'x'.repeat(100 * 1024)}`; return `${i}.source` }, /longer than 2,048 characters/],
    ['a javascript: source URL', (f) => { const [b, i] = bodyOf(f, 'linking'); b.source = 'javascript:alert(1)'; return `${i}.source` }, /“javascript:” addresses are not allowed/],
    ['a data: source URL', (f) => { const [b, i] = bodyOf(f, 'linking'); b.source = 'data:text/html,<script>alert(1)</script>'; return `${i}.source` }, /“data:” addresses are not allowed/],
    ['a file: source URL', (f) => { const [b, i] = bodyOf(f, 'linking'); b.source = 'file:///etc/passwd'; return `${i}.source` }, /“file:” addresses are not allowed/],
    ['a javascript: document address', (f) => { f.document.sourceUrl = 'javascript:alert(1)'; return 'document.sourceUrl' }, /“javascript:” addresses are not allowed/],
    ['a language tag with a quote', (f) => { f.document.language = 'en" onload="x'; return 'document.language' }, /language tag/],
    ['a publication date that is not a date', (f) => { f.document.publishedAt = 'not a date'; return 'document.publishedAt' }, /publication date must be a date/],
    ['a claim time that is not a date', (f) => { f.first.items[0].created = 'not a date'; return 'first.items[0].created' }, /date and time/],
    ['a note time that is not a date', (f) => { const [b, i] = bodyOf(f, 'commenting'); b.modified = 'not a date'; return `${i}.modified` }, /date and time/],
    ['a date accessed that is not a date', (f) => { const [b, i] = bodyOf(f, 'linking'); b.accessed = 'not a date'; return `${i}.accessed` }, /date accessed must be a date/],
    ['a 100,000-character source title', (f) => { const [b, i] = bodyOf(f, 'linking'); b.title = 't'.repeat(100_000); return `${i}.title` }, /longer than 500 characters/],
    ['a 1,000,000-character excerpt', (f) => { const [b, i] = bodyOf(f, 'linking'); b.excerpt = 'e'.repeat(1_000_000); return `${i}.excerpt` }, /longer than 10,000 characters/],
    ['a 100,000-character note author', (f) => { const [b, i] = bodyOf(f, 'commenting'); b.creator = { name: 'a'.repeat(100_000) }; return `${i}.creator.name` }, /longer than 100 characters/],
    ['a 100,000-character publisher', (f) => { f.document.publisher = 'p'.repeat(100_000); return 'document.publisher' }, /longer than 500 characters/]
  ]

  for (const [what, spoil, problem] of cases) {
    it(`refuses ${what}, naming where it is, and writes nothing`, async () => {
      const { refused, file } = await exported()
      const bad = file()
      const path = spoil(bad)
      const error = await refused('importDocument', fileSource('bad.jsonld', JSON.stringify(bad)))
      expect(error.code).toBe('invalid_input')
      expect(error.message).not.toMatch(/\n/)
      expect(error.message.length).toBeLessThan(300)
      expect(error.message).toContain(`"bad.jsonld" is not a Factmark Web Annotation export: ${path}: `)
      expect(error.message).toMatch(problem)
    })
  }

  it('still takes the file unspoilt (the cases above fail only for their one value)', async () => {
    const { ok, file } = await exported()
    const document = await ok('importDocument', fileSource('good.jsonld', JSON.stringify(file())))
    expect(document.text).toBe(fixtureDocument.text)
  })
})
