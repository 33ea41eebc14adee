/**
 * Full-text search (migration 0002) on a real library: document text, claim
 * quotes, notes and source excerpts, in English, Chinese and Persian; the
 * index follows every insert, edit and delete.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { apiOn, pasted } from '../testing/calls'
import { tempDir, tempLibrary } from '../testing/temp'
import { openDatabase } from '../store/database'
import { bundledMigrations } from '../store/migrations'
import { openLibrary } from '../library/library'
import { snippetAround } from './search'

const ENGLISH = 'Uyghur fighters in Syria\n\nAccording to a 2016 New America report, 114 Uyghurs have joined IS.'
const CHINESE = '维吾尔武装分子\n\n报告称，有114名维吾尔人加入了伊斯兰国。官员说这个数字被夸大了。'
const PERSIAN = 'جنگجویان اویغور\n\nگزارش می‌گوید ۱۱۴ اویغور به داعش پیوسته‌اند.'

function setup() {
  const library = tempLibrary()
  const { ok, refused } = apiOn(library)
  const english = ok('importDocument', pasted(ENGLISH, 'text'))
  const chinese = ok('importDocument', pasted(CHINESE, 'text'))
  const persian = ok('importDocument', pasted(PERSIAN, 'text'))
  const mark = (documentId: string, text: string, words: string) => {
    const start = text.indexOf(words)
    return ok('createClaim', { documentId, start, end: start + words.length })
  }
  const kinds = (query: string) => ok('search', { query }).map((hit) => `${hit.kind}:${hit.documentTitle}`)
  return { library, ok, refused, english, chinese, persian, mark, kinds }
}

describe('search', () => {
  it('finds words in document text, with a snippet and the offset of the hit', () => {
    const { ok, english } = setup()
    const [hit, ...rest] = ok('search', { query: 'new america' })
    expect(rest).toEqual([])
    expect(hit).toEqual({
      kind: 'document',
      documentId: english.id,
      documentTitle: 'Uyghur fighters in Syria',
      claimId: null,
      snippet: { before: 'Uyghur fighters in Syria According to a 2016 ', match: 'New America', after: ' report, 114 Uyghurs have joined IS.' },
      offset: ENGLISH.indexOf('New America')
    })
  })

  it('finds Chinese and Persian substrings, including two-character Chinese words', () => {
    const { ok, kinds, chinese } = setup()
    expect(kinds('维吾尔人')).toEqual(['document:维吾尔武装分子'])
    expect(kinds('伊斯兰国')).toEqual(['document:维吾尔武装分子'])
    const short = ok('search', { query: '夸大' })
    expect(short.map((h) => h.documentId)).toEqual([chinese.id])
    expect(short[0]!.offset).toBe(CHINESE.indexOf('夸大'))
    expect(kinds('اویغور')).toEqual(['document:جنگجویان اویغور'])
    expect(kinds('داعش')).toEqual(['document:جنگجویان اویغور'])
  })

  it('finds claim quotes, notes and source excerpts, tied to their claim', () => {
    const { ok, mark, chinese } = setup()
    const claim = mark(chinese.id, CHINESE, '有114名维吾尔人加入了伊斯兰国')
    ok('addNote', { claimId: claim.id, body: 'The ISIS entry records list Xinjiang as origin.' })
    ok('addSource', { claimId: claim.id, url: 'https://example.org', title: 'Entry records', excerpt: '来自新疆的战士共114名', stance: 'supports' })
    const hits = ok('search', { query: '114名' })
    expect(hits.map((h) => h.kind).sort()).toEqual(['claim', 'document', 'source'])
    for (const hit of hits.filter((h) => h.kind !== 'document')) {
      expect(hit.claimId).toBe(claim.id)
      expect(hit.documentId).toBe(chinese.id)
      expect(hit.offset).toBeNull()
    }
    expect(ok('search', { query: 'xinjiang' }).map((h) => h.kind)).toEqual(['note'])
    expect(ok('search', { query: 'entry records' }).map((h) => h.kind).sort()).toEqual(['note', 'source'])
  })

  it('keeps the index in step with edits and deletions', () => {
    const { ok, mark, english, library } = setup()
    const claim = mark(english.id, ENGLISH, '114 Uyghurs have joined IS.')
    const note = ok('addNote', { claimId: claim.id, body: 'first draft of reasoning' })
    expect(ok('search', { query: 'draft' })).toHaveLength(1)
    ok('editNote', { noteId: note.id, body: 'final reasoning' })
    expect(ok('search', { query: 'draft' })).toEqual([])
    expect(ok('search', { query: 'final' })).toHaveLength(1)
    ok('deleteClaim', { claimId: claim.id })
    expect(ok('search', { query: 'final' })).toEqual([])
    expect(ok('search', { query: 'joined IS' }).map((h) => h.kind)).toEqual(['document'])
    ok('restoreClaim', { claimId: claim.id })
    expect(ok('search', { query: 'final' }).map((h) => h.claimId)).toEqual([claim.id])
    ok('addSource', { claimId: claim.id, url: 'https://example.org', excerpt: 'an excerpt', stance: 'context' })
    ok('deleteDocument', { documentId: english.id })
    // FTS5 checks its index against the content table: every change above kept them equal.
    expect(() => library.db.prepare("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)").run()).not.toThrow()
    expect(library.db.prepare('SELECT count(*) FROM search_items WHERE document_id = ?').pluck().get(english.id)).toBe(0)
  })

  it('treats quotes and FTS operators in a search as text, and refuses an empty search', () => {
    const { ok, refused } = setup()
    expect(ok('search', { query: '"New" OR NEAR(*' })).toEqual([])
    expect(ok('search', { query: '2016 N' })).toHaveLength(1)
    expect(ok('search', { query: '%' })).toEqual([])
    expect(refused('search', { query: '   ' }).message).toBe('search: query: The search is empty')
  })

  it('indexes what a library held before the search migration', () => {
    const dir = tempDir()
    const old = openDatabase(join(dir, 'factmark.sqlite'), { migrations: bundledMigrations.slice(0, 1) })
    old
      .prepare("INSERT INTO documents (id, title, imported_at, text, content, origin) VALUES ('d1', 'Old', '2026-01-01', ?, '[]', 'text')")
      .run('An older article about Ürümqi.')
    old.prepare("INSERT INTO claims (id, document_id, exact, prefix, suffix, start_offset, end_offset, created_at, updated_at) VALUES ('c1', 'd1', 'older', '', '', 3, 8, 'x', 'x')").run()
    old.prepare("INSERT INTO notes (id, claim_id, author, body, created_at, updated_at) VALUES ('n1', 'c1', 'me', 'a note from before', 'x', 'x')").run()
    old.close()
    const library = openLibrary(dir)
    try {
      expect(library.service.search({ query: 'ürümqi' }).map((h) => h.documentId)).toEqual(['d1'])
      expect(library.service.search({ query: 'from before' }).map((h) => h.kind)).toEqual(['note'])
    } finally {
      library.close()
    }
  })
})

describe('snippetAround', () => {
  it('cuts the text around the first case-insensitive match and marks both ends', () => {
    const body = `${'a'.repeat(100)} The Claim ${'b'.repeat(100)}`
    const { snippet, offset } = snippetAround(body, 'the claim', 10)
    expect(snippet).toEqual({ before: '…aaaaaaaaa ', match: 'The Claim', after: ' bbbbbbbbb…' })
    expect(offset).toBe(101)
    expect(snippetAround('no hit here', 'zz').offset).toBeNull()
  })
})
