/**
 * The API as a transport sees it: `dispatch` over a real library. Every bad
 * input gets a typed error that names the problem, and writes nothing.
 */
import { describe, expect, it } from 'vitest'
import type { OperationName } from '../shared/api'
import type { ArticleDocument, Claim } from '../shared/model'
import type { Outcome } from '../shared/errors'
import { dispatch } from './operations/dispatch'
import { apiOn, fileSource, pasted } from './testing/calls'
import { snapshot, tempLibrary } from './testing/temp'

const ARTICLE = 'Uyghurs in Syria\n\nAccording to a 2016 New America report, 114 Uyghurs have joined IS.\n\n报告称 😀 گزارش'

function setup() {
  const library = tempLibrary()
  const call = (name: OperationName | string, input: unknown) => dispatch(library.service, name, input) as Outcome<unknown>
  const ok = <T>(name: OperationName, input: unknown): T => {
    const outcome = call(name, input)
    if (!outcome.ok) throw new Error(`${name} failed: ${outcome.error.message}`)
    return outcome.value as T
  }
  const document = ok<ArticleDocument>('importDocument', pasted(ARTICLE))
  /** Calls and expects a typed error, with the database exactly as it was. */
  const refused = (name: OperationName | string, input: unknown) => {
    const before = snapshot(library.db)
    const outcome = call(name, input)
    expect(outcome.ok).toBe(false)
    expect(snapshot(library.db)).toBe(before)
    return outcome.ok ? undefined! : outcome.error
  }
  return { library, call, ok, refused, document }
}

describe('importing', () => {
  it('keeps the article as paragraphs with its canonical text and a title', () => {
    const { document, ok } = setup()
    expect(document.title).toBe('Uyghurs in Syria')
    expect(document.text).toBe(ARTICLE)
    expect(document.content).toHaveLength(3)
    expect(ok<ArticleDocument>('getDocument', { documentId: document.id })).toEqual(document)
    expect(ok<{ id: string }[]>('listDocuments', {}).map((d) => d.id)).toEqual([document.id])
  })

  it('imports .txt and .md files from their bytes', async () => {
    const { ok, library } = setup()
    // Markdown is parsed in the reader's worker: its call answers a promise.
    const md = await apiOn(library).okAsync('importDocument', fileSource('report.md', '# Report\n\nThe *claim* is [here](https://example.org).\n'))
    expect(md.title).toBe('Report')
    expect(md.text).toBe('Report\n\nThe claim is here.')
    const txt = ok<ArticleDocument>('importDocument', fileSource('note.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Line one.\n\nLine two.')])))
    expect(txt.text).toBe('Line one.\n\nLine two.')
    expect(txt.title).toBe('note')
  })

  it('refuses empty and whitespace-only text', () => {
    const { refused } = setup()
    expect(refused('importDocument', pasted(''))).toEqual({
      code: 'invalid_input',
      message: 'The text is empty: there is no article to import.'
    })
    expect(refused('importDocument', pasted(' \n\t\n ', 'markdown')).message).toMatch(/empty/)
    expect(refused('importDocument', fileSource('blank.txt', '\n\n   \n')).message).toBe(
      '"blank.txt" is empty: there is no article to import.'
    )
  })

  it('refuses a binary file given as .txt', () => {
    const { refused } = setup()
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
    expect(refused('importDocument', fileSource('photo.txt', png))).toEqual({
      code: 'unsupported_file',
      message: '"photo.txt" looks like a binary file, not text.'
    })
  })

  it('reads windows-1252 text, and refuses text that is neither it nor UTF-8', () => {
    const { ok, refused } = setup()
    const legacy = Buffer.from('Caf\xe9 au lait co\xfbte 3 \x80.', 'latin1')
    expect(ok<ArticleDocument>('importDocument', fileSource('menu.txt', legacy)).text).toBe('Café au lait coûte 3 €.')
    const undecodable = Buffer.from('Caf\x81\x8d\xe9.', 'latin1')
    expect(refused('importDocument', fileSource('menu.txt', undecodable))).toEqual({
      code: 'unsupported_file',
      message:
        '"menu.txt" is neither UTF-8 nor text in a legacy encoding Factmark recognises (windows-1252, windows-1256, windows-1251); save it as UTF-8 and try again.'
    })
  })

  it('refuses files it cannot read, and inputs that break the contract', () => {
    const { refused } = setup()
    expect(refused('importDocument', { source: { kind: 'file', fileName: 'article.exe', data: 'AAAA' } }).code).toBe('unsupported_file')
    expect(refused('importDocument', { source: { kind: 'file', fileName: 'a.txt', data: 'not base64!' } }).message).toMatch(/data must be base64/)
    expect(refused('importDocument', { source: { kind: 'text', text: 'x', format: 'pdf' } }).code).toBe('invalid_input')
    expect(refused('importDocument', { ...pasted('x'), extra: 1 }).message).toMatch(/extra/)
    expect(refused('importDocument', 'just a string').code).toBe('invalid_input')
    expect(refused('dropAllTables', {})).toEqual({ code: 'not_found', message: 'There is no operation called "dropAllTables".' })
    // A name that cannot even be turned into a string (found by the fuzz test).
    expect(refused({ toString: '' } as unknown as string, {})).toEqual({
      code: 'not_found',
      message: 'There is no operation called (a object, not a name).'
    })
  })
})

describe('claims', () => {
  it('records the quote, its context and position, and a history row', () => {
    const { ok, document, library } = setup()
    const start = ARTICLE.indexOf('114 Uyghurs')
    const end = ARTICLE.indexOf(' IS.') + 4
    const claim = ok<Claim>('createClaim', { documentId: document.id, start, end })
    expect(claim.quote.exact).toBe('114 Uyghurs have joined IS.')
    expect(claim.quote.prefix).toBe(ARTICLE.slice(start - 32, start))
    expect(claim.quote.suffix).toBe(ARTICLE.slice(end, end + 32))
    expect(claim.position).toEqual({ start, end })
    expect(claim.status).toBe('unverified')
    expect(ok<Claim[]>('listClaims', { documentId: document.id })).toEqual([claim])
    const history = library.db.prepare('SELECT action, claim_id FROM claim_history').all()
    expect(history).toEqual([{ action: 'created', claim_id: claim.id }])
  })

  it('trims white space a selection drags along, and keeps claims in text order', () => {
    const { ok, document } = setup()
    const late = ok<Claim>('createClaim', { documentId: document.id, start: ARTICLE.indexOf('报告'), end: ARTICLE.length })
    const early = ok<Claim>('createClaim', { documentId: document.id, start: 16, end: 30 })
    expect(early.quote.exact).toBe('According to')
    expect(early.position.start).toBe(18)
    expect(ok<Claim[]>('listClaims', { documentId: document.id }).map((c) => c.id)).toEqual([early.id, late.id])
  })

  it('refuses offsets outside the document, empty or blank spans, and split characters', () => {
    const { refused, document } = setup()
    const id = document.id
    expect(refused('createClaim', { documentId: id, start: 5, end: ARTICLE.length + 1 })).toEqual({
      code: 'invalid_input',
      message: `The selection 5–${ARTICLE.length + 1} falls outside the document, which is ${ARTICLE.length} characters long.`
    })
    expect(refused('createClaim', { documentId: id, start: -1, end: 4 }).message).toMatch(/start must not be negative/)
    expect(refused('createClaim', { documentId: id, start: 1.5, end: 4 }).message).toMatch(/whole number/)
    expect(refused('createClaim', { documentId: id, start: 8, end: 8 }).message).toMatch(/empty/)
    expect(refused('createClaim', { documentId: id, start: 16, end: 18 }).message).toBe('The selection holds only white space.')
    const emoji = ARTICLE.indexOf('😀')
    expect(refused('createClaim', { documentId: id, start: emoji + 1, end: emoji + 4 }).message).toMatch(/cuts a character/)
  })

  it('refuses an unknown document id', () => {
    const { refused } = setup()
    const unknown = '2b0f1c7e-4a3d-4c55-9a0e-0a7b6f1d2c3e'
    expect(refused('createClaim', { documentId: unknown, start: 0, end: 3 })).toEqual({
      code: 'not_found',
      message: `There is no document with id ${unknown}.`
    })
    expect(refused('getDocument', { documentId: unknown }).code).toBe('not_found')
    expect(refused('listClaims', { documentId: unknown }).code).toBe('not_found')
    expect(refused('getDocument', { documentId: 'not-a-uuid' }).message).toMatch(/documentId must be a UUID/)
  })
})

describe('values the fuzz test found', () => {
  it('a title of control characters falls back to one taken from the text', async () => {
    const { ok, refused, document, library } = setup()
    const doc = await apiOn(library).okAsync('importDocument', { source: { kind: 'html', html: '<h1>Real title</h1><p>A claim.</p>' }, title: '\u0000' })
    expect(doc.title).toBe('Real title')
    expect(refused('updateMetadata', { documentId: document.id, title: '\u0000\u0001' })).toEqual({
      code: 'invalid_input',
      message: 'The title must not be empty.'
    })
    expect(ok<ArticleDocument>('updateMetadata', { documentId: document.id, title: ' Uyghurs\u0007 in\nSyria ' }).title).toBe('Uyghurs in Syria')
  })

  it('a note the database itself refuses is the caller’s bad input, not a failure', () => {
    const { ok, refused, document } = setup()
    const claim = ok<Claim>('createClaim', { documentId: document.id, start: 0, end: 7 })
    const error = refused('addNote', { claimId: claim.id, body: '\u0000' })
    expect(error.code).toBe('invalid_input')
    expect(error.message).toMatch(/^addNote: the library refused a value/)
  })
})

