/**
 * Publishing through the contract, on a real SQLite file: the profile
 * (organisation, logo, analyst), the rating scale, rationale and public
 * notes, conclusion and publication address, the readiness check, and what
 * a public export refuses. Every refusal names the problem and writes nothing.
 */
import { parse } from 'parse5'
import { describe, expect, it } from 'vitest'
import type { OperationInput } from '../../shared/api'
import { unnamedAnalyst } from '../../shared/model'
import type { ReportFormat } from '../../shared/report/formats'
import { apiOn, pasted } from '../testing/calls'
import { tempLibrary } from '../testing/temp'

const ARTICLE =
  'Uyghur fighters in Syria\n\nAccording to a 2016 New America report, 114 Uyghurs have joined IS. Dr. Lee disputes the count.\n\nOfficials said the figure was exaggerated.'
/** A real 1×1 PNG and a real 1×1 JPEG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
const JPEG =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA='

function setup() {
  const library = tempLibrary()
  const { ok, refused, okAsync, refusedAsync } = apiOn(library)
  const async = { ok: okAsync, refused: refusedAsync }
  const document = ok('importDocument', pasted(ARTICLE))
  const mark = (words: string) => {
    const start = ARTICLE.indexOf(words)
    return ok('createClaim', { documentId: document.id, start, end: start + words.length })
  }
  const exportAs = (format: string, extra: Record<string, unknown> = {}) =>
    async.ok('exportReport', { documentId: document.id, format: format as ReportFormat, ...extra }).then((file) => file.data)
  return { library, ok, refused, async, document, mark, exportAs }
}

describe('the profile', () => {
  it('asks for the analyst name until one is given: until then the library is signed by an unnamed analyst, never the OS account name', async () => {
    const { ok, mark, exportAs } = setup()
    const first = ok('getSettings', {})
    expect(first.analystName).toBeNull()
    expect(first.accountName.length).toBeGreaterThan(0)
    const claim = mark('114 Uyghurs')
    expect(claim.createdBy).toBe(unnamedAnalyst)
    expect(ok('addNote', { claimId: claim.id, body: 'Asked the institute.' }).author).toBe(unnamedAnalyst)
    expect(ok('listHistory', { claimId: claim.id }).map((entry) => entry.author)).toEqual([unnamedAnalyst, unnamedAnalyst])
    expect(await exportAs('html', { internal: true })).toContain(`fact-checked by ${unnamedAnalyst}`)
    const creators = JSON.parse(await exportAs('jsonld')).first.items.map((item: { creator: { name: string } }) => item.creator.name)
    expect(creators).toEqual([unnamedAnalyst])

    ok('setSettings', { analystName: 'Mina Karimi' })
    expect(ok('getSettings', {}).analystName).toBe('Mina Karimi')
    expect(mark('Dr. Lee disputes the count.').createdBy).toBe('Mina Karimi')
    expect(await exportAs('html', { internal: true })).toContain('fact-checked by Mina Karimi')
  })

  it('keeps the organisation with a PNG or JPEG logo, and removes it', () => {
    const { ok } = setup()
    const saved = ok('setOrganisation', { organisation: { name: ' Example\nFact Check ', url: 'https://factcheck.example.org', logo: PNG } })
    expect(saved.organisation).toEqual({ name: 'Example Fact Check', url: 'https://factcheck.example.org', logo: { mediaType: 'image/png', data: PNG } })
    expect(ok('setOrganisation', { organisation: { name: 'X', url: null, logo: JPEG } }).organisation!.logo!.mediaType).toBe('image/jpeg')
    expect(ok('setOrganisation', { organisation: null }).organisation).toBeNull()
  })

  it('refuses a logo that is not a PNG or JPEG or is over 1 MB, a web address that is not http(s), an empty name', () => {
    const { refused } = setup()
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;').toString('base64')
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>').toString('base64')
    const big = Buffer.concat([Buffer.from(PNG, 'base64'), Buffer.alloc(1024 * 1024)]).toString('base64')
    const org = (fields: Record<string, unknown>) => ({ organisation: { name: 'Desk', url: null, logo: null, ...fields } })
    expect(refused('setOrganisation', org({ logo: gif }))).toEqual({ code: 'invalid_input', message: 'The logo must be a PNG or JPEG picture.' })
    expect(refused('setOrganisation', org({ logo: svg })).message).toBe('The logo must be a PNG or JPEG picture.')
    expect(refused('setOrganisation', org({ logo: big })).message).toMatch(/logo.*at most 1 MB/)
    expect(refused('setOrganisation', org({ url: 'javascript:alert(1)' })).message).toBe(
      'setOrganisation: organisation.url: “javascript:” addresses are not allowed as organisation addresses: use an http:// or https:// link.'
    )
    expect(refused('setOrganisation', org({ name: ' \n ' })).message).toMatch(/organisation name cannot be empty/)
  })

  it('chooses the paper, or leaves it to the locale', () => {
    const { ok, refused } = setup()
    expect(ok('getSettings', {}).report.paperSize).toBeNull()
    expect(ok('setReportSettings', { paperSize: 'letter' }).report.paperSize).toBe('letter')
    expect(refused('setReportSettings', { paperSize: 'a5' }).message).toMatch(/paperSize must be one of a4, letter/)
  })
})

describe('saving the Publishing dialog', () => {
  const dialog = (documentId: string, changes: Partial<OperationInput<'savePublishing'>> = {}): OperationInput<'savePublishing'> => ({
    documentId,
    conclusion: 'Mostly false.',
    publicationUrl: 'https://factcheck.example.org/uyghurs',
    publicationDate: '2026-03-14',
    organisation: { name: 'Example Fact Check', url: 'https://factcheck.example.org', logo: PNG },
    ratings: [{ status: 'misleading', label: 'Out of context', definition: 'True words, false picture.' }],
    paperSize: 'letter',
    ...changes
  })

  it('saves the document, the organisation, the scale and the paper in one call', () => {
    const { ok, document } = setup()
    const saved = ok('savePublishing', dialog(document.id))
    expect(saved.document).toMatchObject({ conclusion: 'Mostly false.', publicationUrl: 'https://factcheck.example.org/uyghurs', publicationDate: '2026-03-14' })
    expect(saved.settings.organisation).toMatchObject({ name: 'Example Fact Check', logo: { mediaType: 'image/png' } })
    expect(saved.settings.report.paperSize).toBe('letter')
    expect(saved.scale.misleading).toEqual({ label: 'Out of context', definition: 'True words, false picture.' })
    expect(ok('getDocument', { documentId: document.id }).conclusion).toBe('Mostly false.')
  })

  it('leaves everything as it was when a later part is refused: the document written before the logo is checked is rolled back', () => {
    const { ok, refused, document } = setup()
    ok('savePublishing', dialog(document.id))
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;').toString('base64')
    // The logo is checked main-side after the document's fields are written; `refused` checks the whole database is unchanged.
    const error = refused(
      'savePublishing',
      dialog(document.id, {
        conclusion: 'Changed.',
        publicationUrl: 'https://factcheck.example.org/changed',
        organisation: { name: 'Other Desk', url: null, logo: gif },
        ratings: [{ status: 'misleading', label: 'Changed', definition: null }],
        paperSize: 'a4'
      })
    )
    expect(error).toEqual({ code: 'invalid_input', message: 'The logo must be a PNG or JPEG picture.' })
    expect(ok('getDocument', { documentId: document.id }).conclusion).toBe('Mostly false.')
    expect(ok('getSettings', {}).organisation!.name).toBe('Example Fact Check')
    expect(refused('savePublishing', dialog(document.id, { publicationUrl: 'javascript:alert(1)' })).message).toMatch(/publicationUrl/)
  })
})

describe('the rating scale', () => {
  it('renames and defines a verdict without changing its code, and goes back to the default', () => {
    const { ok, refused } = setup()
    const scale = ok('getRatingScale', {})
    expect(scale.false).toEqual({ label: 'False', definition: expect.stringContaining('contradicts') })
    const renamed = ok('setRating', { status: 'misleading', label: 'Missing context', definition: 'True in part; what is left out changes the picture.' })
    expect(renamed.misleading).toEqual({ label: 'Missing context', definition: 'True in part; what is left out changes the picture.' })
    expect(ok('setRating', { status: 'misleading', label: null }).misleading.label).toBe('Misleading')
    expect(ok('setRating', { status: 'misleading', definition: null }).misleading).toEqual(scale.misleading)
    expect(refused('setRating', { status: 'pants_on_fire', label: 'Liar' }).message).toMatch(/Unknown status "pants_on_fire"/)
    expect(refused('setRating', { status: 'false', label: '' }).message).toMatch(/label cannot be empty/)
  })
})

describe('rationale, public notes, conclusion and publication address', () => {
  it('writes each change to the history, and refuses a publication address that is not http(s)', () => {
    const { ok, refused, mark, document } = setup()
    const claim = mark('114 Uyghurs have joined IS.')
    expect(ok('updateClaim', { claimId: claim.id, rationale: '  New America counts registered fighters only.  ' }).rationale).toBe(
      'New America counts registered fighters only.'
    )
    const note = ok('addNote', { claimId: claim.id, body: 'Asked the ministry press office, no reply yet.' })
    expect(note.public).toBe(false)
    expect(ok('setNotePublic', { noteId: note.id, public: true }).public).toBe(true)
    ok('setNotePublic', { noteId: note.id, public: false })
    expect(ok('listHistory', { claimId: claim.id }).map((h) => h.action)).toEqual([
      'created',
      'rationale_changed',
      'note_added',
      'note_made_public',
      'note_made_internal'
    ])
    const published = ok('updatePublication', {
      documentId: document.id,
      conclusion: 'Mostly accurate.',
      publicationUrl: 'https://factcheck.example.org/uyghurs',
      publicationDate: '2026-11-28'
    })
    expect(published).toMatchObject({ conclusion: 'Mostly accurate.', publicationUrl: 'https://factcheck.example.org/uyghurs', publicationDate: '2026-11-28' })
    const problems: [string, string][] = [
      ['javascript:alert(1)', '“javascript:” addresses are not allowed as publication addresses'],
      ['ftp://example.org/x', '“ftp:” addresses are not allowed as publication addresses'],
      ['factcheck.example.org/x', 'is not a web address: it must start with http:// or https://'],
      ['https://exa mple.org', 'is not a valid web address: it contains spaces']
    ]
    for (const [bad, problem] of problems) {
      expect(refused('updatePublication', { documentId: document.id, publicationUrl: bad }).message).toContain(problem)
    }
    expect(refused('updatePublication', { documentId: document.id, publicationDate: '28/11/2026' }).message).toMatch(/publication date must be a date/)
    expect(refused('updateClaim', { claimId: claim.id, rationale: 'x'.repeat(10_001) }).message).toMatch(/rationale is longer than 10,000/)
  })
})

describe('the readiness check', () => {
  it('lists what blocks publication, each entry pointing at its claim, until the editor clears it; then the public export goes out', async () => {
    const { ok, async, mark, document, exportAs } = setup()
    const one = mark('114 Uyghurs have joined IS.')
    const two = mark('Dr. Lee disputes the count.')
    ok('updateClaim', { claimId: two.id, status: 'false' })
    const entries = ok('checkReadiness', { documentId: document.id })
    expect(entries.map((e) => [e.check, e.claimNumber])).toEqual([
      ['no_organisation', null],
      ['no_publication_address', null],
      ['not_rated', 1],
      ['no_rationale', 2],
      ['no_sources', 2]
    ])
    expect(entries[2]).toMatchObject({ claimId: one.id, message: 'Claim 1 is still Unverified.' })

    // A public export refuses, naming the first problem; data outputs and the internal report are not held back.
    const refusal = await async.refused('exportReport', { documentId: document.id, format: 'html' })
    expect(refusal.code).toBe('conflict')
    expect(refusal.message).toBe(
      'This report is not ready to publish: 5 things block it, the first being “No publishing organisation: set it in the profile.” Fix what the readiness check lists, or include the incomplete claims knowingly.'
    )
    for (const format of ['md', 'claimreview', 'pdf']) expect((await async.refused('exportReport', { documentId: document.id, format })).code).toBe('conflict')
    for (const format of ['jsonld', 'csv']) await exportAs(format)
    await exportAs('html', { internal: true })
    await exportAs('html', { allowIncomplete: true })

    // The editor clears the list.
    ok('setOrganisation', { organisation: { name: 'Example Fact Check', url: null, logo: null } })
    ok('updatePublication', { documentId: document.id, publicationUrl: 'https://factcheck.example.org/uyghurs' })
    ok('updateClaim', { claimId: one.id, status: 'disputed', rationale: 'Counts differ.' })
    ok('updateClaim', { claimId: two.id, rationale: 'Dr. Lee agrees with the count.' })
    for (const claim of [one, two]) ok('addSource', { claimId: claim.id, url: 'https://www.newamerica.org/isis-files', stance: 'context' })
    expect(ok('checkReadiness', { documentId: document.id })).toEqual([])
    expect(await exportAs('html')).toContain('Counts differ.')

    // A verdict filter that leaves an unrated claim out leaves its entry out too.
    mark('Officials said the figure was exaggerated.')
    expect(ok('checkReadiness', { documentId: document.id }).map((e) => e.check)).toEqual(['not_rated'])
    expect(ok('checkReadiness', { documentId: document.id, statuses: ['disputed', 'false'] })).toEqual([])
  })
})

describe('public and internal reports', () => {
  it('never carries a note that was not made public; the internal report carries them all and says INTERNAL', async () => {
    const { ok, mark, exportAs } = setup()
    const claim = mark('114 Uyghurs have joined IS.')
    ok('updateClaim', { claimId: claim.id, status: 'disputed' })
    const internal = ok('addNote', { claimId: claim.id, body: 'Asked the ministry press office… no reply yet.' })
    const shared = ok('addNote', { claimId: claim.id, body: 'The ministry confirmed the figure on 3 March.' })
    ok('setNotePublic', { noteId: shared.id, public: true })
    for (const format of ['html', 'md', 'claimreview']) {
      const text = await exportAs(format, { allowIncomplete: true })
      expect(text, format).not.toContain('press office')
      if (format !== 'claimreview') expect(text, format).toContain('confirmed the figure')
    }
    const working = await exportAs('html', { internal: true })
    expect(working).toContain('press office')
    expect(working).toContain('INTERNAL')
    expect(await exportAs('md', { internal: true })).toContain('INTERNAL')
    for (const format of ['jsonld', 'csv']) expect(await exportAs(format), format).toContain('press office')
    expect(internal.public).toBe(false)
  })

  it('lets nothing typed into the profile, scale, rationale or conclusion add markup or script to any export', async () => {
    const { ok, mark, document, exportAs } = setup()
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    ok('setSettings', { analystName: `${hostile}` })
    ok('setOrganisation', { organisation: { name: `Desk ${hostile}`, url: 'https://desk.example.org/"><script>alert(3)</script>', logo: null } })
    ok('setRating', { status: 'false', label: `<b>Fake</b>`, definition: `${hostile} [x](javascript:alert(4))` })
    const claim = mark('114 Uyghurs have joined IS.')
    ok('updateClaim', { claimId: claim.id, status: 'false', rationale: `${hostile}\n\njavascript:alert(5) <a href="javascript:alert(6)">y</a>` })
    ok('updatePublication', { documentId: document.id, conclusion: `${hostile} <style>*{display:none}</style>`, publicationUrl: 'https://factcheck.example.org/a' })
    for (const internal of [false, true]) {
      const html = await exportAs('html', { allowIncomplete: true, internal })
      const tags = new Set<string>()
      const walk = (node: { nodeName: string; childNodes?: unknown[] }): void => {
        tags.add(node.nodeName)
        for (const child of node.childNodes ?? []) walk(child as typeof node)
      }
      walk(parse(html) as unknown as { nodeName: string })
      for (const tag of ['script', 'img', 'b', 'iframe']) expect(tags.has(tag), tag).toBe(false)
      expect([...html.matchAll(/<style>/g)]).toHaveLength(1)
      expect(html).not.toMatch(/href="\s*javascript:/i)
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
      const md = await exportAs('md', { allowIncomplete: true, internal })
      expect(md).not.toMatch(/<(script|img|b|a|style)\b/i)
      expect(md).not.toMatch(/\]\(<?\s*javascript:/i)
    }
    // JSON outputs keep the text as text, and with < > & escaped nothing in them can close the
    // <script type="application/ld+json"> a publisher pastes ClaimReview into.
    for (const format of ['claimreview', 'jsonld']) {
      const json = await exportAs(format, { allowIncomplete: true })
      expect(json, format).not.toMatch(/[<>]/)
      expect(json, format).toContain('\\u003cb\\u003eFake\\u003c/b\\u003e')
    }
    const review = JSON.parse(await exportAs('claimreview', { allowIncomplete: true })) as { '@graph': { reviewRating: { alternateName: string } }[] }
    expect(review['@graph'][0]!.reviewRating.alternateName).toBe('<b>Fake</b>')
  })
})
