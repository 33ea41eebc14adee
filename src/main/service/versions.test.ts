/**
 * New versions of a document: claims re-placed, moved, re-quoted or orphaned
 * (never dropped), each change in the claim's history; orphans re-attached.
 */
import { describe, expect, it } from 'vitest'
import type { Claim, HistoryEntry, NewVersionResult } from '../../shared/model'
import { apiOn, fileSource, pasted } from '../testing/calls'
import { tempLibrary } from '../testing/temp'

const ARTICLE = [
  '# Uyghurs in Syria',
  'According to a 2016 New America report, 114 Uyghurs have joined IS in Syria and Iraq.',
  'The Turkistan Islamic Party fields several thousand fighters in Idlib, officials said.',
  'گزارش‌ها می‌گویند که صدها نفر به سوریه رفته‌اند.',
  '报告称数百人已前往叙利亚。'
].join('\n\n')

async function setup() {
  const library = tempLibrary()
  const api = apiOn(library)
  const document = await api.okAsync('importDocument', pasted(ARTICLE, 'markdown'))
  const mark = (words: string) => {
    const start = document.text.indexOf(words)
    return api.okAsync('createClaim', { documentId: document.id, start, end: start + words.length })
  }
  const claims = {
    uyghurs: await mark('114 Uyghurs have joined IS in Syria and Iraq'),
    fighters: await mark('several thousand fighters in Idlib'),
    persian: await mark('صدها نفر به سوریه رفته‌اند'),
    chinese: await mark('数百人已前往叙利亚')
  }
  const history = (claimId: string) =>
    library.db.prepare('SELECT action, detail FROM claim_history WHERE claim_id = ? ORDER BY seq').all(claimId) as Pick<
      HistoryEntry,
      'action'
    >[] as { action: string; detail: string }[]
  const newVersion = (text: string) =>
    api.okAsync('importNewVersion', { documentId: document.id, source: { kind: 'text', text, format: 'markdown' } })
  return { library, api, document, claims, history, newVersion }
}

const at = (result: NewVersionResult, claim: Claim) => {
  const found = result.claims.find((c) => c.id === claim.id)!
  return { ...found, words: result.document.text.slice(found.position.start, found.position.end) }
}

describe('importing a new version', () => {
  it('moves claims after an insertion, edits their quotes, orphans a deleted one, and records it all', async () => {
    const { claims, history, newVersion, document } = await setup()
    const corrected = ARTICLE.replace('# Uyghurs in Syria', '# Uyghurs in Syria\n\nCorrection: this article was updated on 3 May.')
      .replace('114 Uyghurs have joined IS', 'about 114 Uyghurs have joined the IS')
      .replace('The Turkistan Islamic Party fields several thousand fighters in Idlib, officials said.\n\n', '')
    const result = await newVersion(corrected)
    expect(result.document.version).toBe(2)
    expect(result.document.text).toBe(corrected.replace('# ', ''))
    expect(result.placed).toEqual({ exact: 0, moved: 2, approximate: 1, orphaned: 1 })
    expect(result.claims).toHaveLength(4)

    expect(at(result, claims.uyghurs).words).toMatch(/114 Uyghurs have joined the IS in Syria and Iraq$/)
    expect(at(result, claims.uyghurs).quote.exact).toBe(at(result, claims.uyghurs).words)
    expect(at(result, claims.persian).words).toBe('صدها نفر به سوریه رفته‌اند')
    expect(at(result, claims.chinese).words).toBe('数百人已前往叙利亚')
    const orphan = at(result, claims.fighters)
    expect(orphan.orphaned).toBe(true)
    expect(orphan.quote.exact).toBe('several thousand fighters in Idlib')
    expect(orphan.status).toBe('unverified')

    expect(history(claims.fighters.id).map((h) => h.action)).toEqual(['created', 'orphaned'])
    const reanchored = history(claims.uyghurs.id)[1]!
    expect(reanchored.action).toBe('reanchored')
    expect(JSON.parse(reanchored.detail)).toMatchObject({
      version: 2,
      how: 'approximate',
      from: { start: claims.uyghurs.position.start, exact: '114 Uyghurs have joined IS in Syria and Iraq' }
    })
    expect(JSON.parse(history(claims.chinese.id)[1]!.detail)).toMatchObject({ how: 'moved', version: 2 })
    expect(document.version).toBe(1)
  })

  it('finds an orphan again when a later version restores its words', async () => {
    const { claims, newVersion, history } = await setup()
    await newVersion(ARTICLE.replace('several thousand fighters in Idlib', 'an unknown number of fighters'))
    const restored = await newVersion(ARTICLE)
    expect(restored.document.version).toBe(3)
    expect(at(restored, claims.fighters)).toMatchObject({ orphaned: false, words: 'several thousand fighters in Idlib' })
    expect(history(claims.fighters.id).map((h) => h.action)).toEqual(['created', 'orphaned', 'reanchored'])
  })

  it('leaves claims that did not move untouched, without history rows', async () => {
    const { claims, newVersion, history } = await setup()
    const result = await newVersion(ARTICLE + '\n\nA new closing paragraph.')
    expect(result.placed).toEqual({ exact: 4, moved: 0, approximate: 0, orphaned: 0 })
    expect(history(claims.uyghurs.id).map((h) => h.action)).toEqual(['created'])
  })

  it('refuses a version identical to the current one, an unknown document, and an empty text, writing nothing', async () => {
    const { api, document } = await setup()
    const same = { documentId: document.id, source: { kind: 'text', text: ARTICLE, format: 'markdown' } }
    expect(await api.refusedAsync('importNewVersion', same)).toMatchObject({ code: 'conflict' })
    expect(
      await api.refusedAsync('importNewVersion', { ...same, documentId: '00000000-0000-4000-8000-000000000000', source: { kind: 'text', text: 'x', format: 'text' } })
    ).toMatchObject({ code: 'not_found' })
    expect(await api.refusedAsync('importNewVersion', { ...same, source: { kind: 'text', text: '  ', format: 'text' } })).toMatchObject({
      code: 'invalid_input'
    })
    expect(await api.refusedAsync('importNewVersion', { ...same, source: { kind: 'ftp', url: 'x' } })).toMatchObject({ code: 'invalid_input' })
    // A Factmark export brings claims of its own: it is a new document, never a version.
    expect(await api.refusedAsync('importNewVersion', { ...same, ...fileSource('claims.jsonld', '{}') })).toEqual({
      code: 'unsupported_file',
      message: '"claims.jsonld" is a Factmark export with claims of its own: import it as a new document, not as an article.'
    })
  })
})

describe('re-attaching a claim', () => {
  it('attaches an orphan to newly selected words, clears the marker and records it', async () => {
    const { api, claims, newVersion, history } = await setup()
    const result = await newVersion(ARTICLE.replace('several thousand fighters in Idlib', 'some 3,000 fighters around Idlib city'))
    expect(at(result, claims.fighters).orphaned).toBe(true)
    const start = result.document.text.indexOf('some 3,000 fighters')
    const reattached = await api.okAsync('reattachClaim', { claimId: claims.fighters.id, start: start - 1, end: start + 19 })
    expect(reattached).toMatchObject({
      orphaned: false,
      position: { start, end: start + 19 },
      quote: { exact: 'some 3,000 fighters' }
    })
    const last = history(claims.fighters.id).at(-1)!
    expect(last.action).toBe('reanchored')
    expect(JSON.parse(last.detail)).toMatchObject({ how: 'reattached', wasOrphaned: true, to: { exact: 'some 3,000 fighters' } })
  })

  it('refuses a selection outside the text or of white space only, writing nothing', async () => {
    const { api, claims, document } = await setup()
    expect(await api.refusedAsync('reattachClaim', { claimId: claims.fighters.id, start: 0, end: document.text.length + 5 })).toMatchObject({
      code: 'invalid_input'
    })
    const gap = document.text.indexOf('\n\n')
    expect((await api.refusedAsync('reattachClaim', { claimId: claims.fighters.id, start: gap, end: gap + 2 })).message).toBe(
      'The selection holds only white space.'
    )
    expect(
      await api.refusedAsync('reattachClaim', { claimId: '00000000-0000-4000-8000-000000000000', start: 0, end: 3 })
    ).toMatchObject({ code: 'not_found' })
  })
})

describe('metadata', () => {
  it('is editable after import; null clears a field, a left-out field stays', async () => {
    const { api, document } = await setup()
    const metadata = {
      title: 'Uyghur fighters in Syria',
      author: 'Jane Doe',
      publisher: 'Example News',
      publishedAt: '2016-03-01',
      sourceUrl: 'https://example.org/uyghurs',
      language: 'en'
    }
    expect(await api.okAsync('updateMetadata', { documentId: document.id, ...metadata })).toMatchObject(metadata)
    const cleared = await api.okAsync('updateMetadata', { documentId: document.id, author: null })
    expect(cleared).toMatchObject({ author: null, publisher: 'Example News' })
  })

  it('refuses bad metadata with a message naming the field', async () => {
    const { api, document } = await setup()
    expect((await api.refusedAsync('updateMetadata', { documentId: document.id, title: '   ' })).message).toMatch(/title: The title is empty/)
    expect((await api.refusedAsync('updateMetadata', { documentId: document.id, sourceUrl: 'javascript:alert(1)' })).message).toMatch(
      /sourceUrl: “javascript:” addresses are not allowed/
    )
    expect((await api.refusedAsync('updateMetadata', { documentId: document.id, publishedAt: 'last week' })).message).toMatch(/publishedAt/)
  })
})
