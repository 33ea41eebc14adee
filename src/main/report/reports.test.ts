/**
 * The report operations over real libraries: exporting through the API gives
 * the golden files; Factmark's JSON-LD survives a trip into an empty library
 * and back; bad files are refused and write nothing; PDF is really printed.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { OperationName } from '../../shared/api'
import type { ArticleDocument, Claim, HistoryEntry, ReportFile } from '../../shared/model'
import { dispatchAsync } from '../operations/dispatch'
import { createService, type ServiceOptions } from '../operations/service'
import { insertReportData } from '../testing/report'
import { fileSource } from '../testing/calls'
import { snapshot, tempDir, tempLibrary } from '../testing/temp'
import { fixtureDocument, fixtureReport } from './fixture'
import { chromiumPrinter } from './pdf'

const golden = (file: string) => readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'golden', file), 'utf8')

/** A library holding the fixture, whose service signs and dates reports as the golden files do. */
function setup({ analyst = fixtureReport().analyst, ...options }: Partial<ServiceOptions> & { analyst?: string } = {}) {
  const library = tempLibrary()
  const fixture = fixtureReport()
  // The OS account name ("root") only pre-fills the analyst's name; the name given signs.
  const service = createService(library.db, { accountName: 'root', now: () => fixture.generatedAt, ...options })
  service.setSettings({ analystName: analyst })
  const call = async <T>(name: OperationName, input: unknown): Promise<T> => {
    const outcome = await dispatchAsync(service, name, input)
    if (!outcome.ok) throw new Error(`${name}: ${outcome.error.code}: ${outcome.error.message}`)
    return outcome.value as T
  }
  const refused = async (name: OperationName, input: unknown) => {
    const before = snapshot(library.db)
    const outcome = await dispatchAsync(service, name, input)
    expect(outcome.ok).toBe(false)
    expect(snapshot(library.db)).toBe(before)
    return outcome.ok ? undefined! : outcome.error
  }
  return { library, service, call, refused }
}

/** The fixture in a library whose profile names the fixture's organisation. */
function seeded(options: Partial<ServiceOptions> = {}, data = fixtureReport()) {
  const s = setup(options)
  const { organisation } = fixtureReport()
  s.service.setOrganisation({ organisation: { name: organisation!.name, url: organisation!.url, logo: null } })
  insertReportData(s.library.db, data)
  return s
}

/** The fixture has claims still unverified: its public reports are exported knowingly incomplete. */
const knowingly = { allowIncomplete: true }

describe('exportReport', () => {
  it('gives the golden file in each text format, with a file name and media type', async () => {
    const { call } = seeded()
    const html = await call<ReportFile>('exportReport', { documentId: fixtureDocument.id, format: 'html', ...knowingly })
    expect(html).toMatchObject({ fileName: 'Uyghur-fighters-in-Syria.html', mediaType: 'text/html', encoding: 'utf8', claimCount: 8 })
    expect(html.data).toBe(golden('report.html'))
    const formats = { md: 'report.md', csv: 'claims.csv', jsonld: 'claims.jsonld', claimreview: 'claimreview.jsonld' }
    for (const [format, file] of Object.entries(formats)) {
      expect((await call<ReportFile>('exportReport', { documentId: fixtureDocument.id, format, ...knowingly })).data, format).toBe(golden(file))
    }
  })

  it('keeps only the chosen verdicts', async () => {
    const { call } = seeded()
    const csv = await call<ReportFile>('exportReport', { documentId: fixtureDocument.id, format: 'csv', statuses: ['verified', 'misleading'] })
    expect(csv.claimCount).toBe(2)
    expect(csv.data).toContain('Dr. Lee of the U.S. Institute')
    expect(csv.data).toContain('有114名维吾尔人加入了伊斯兰国')
    expect(csv.data).not.toContain('114 Uyghurs have joined IS')
  })

  it('refuses an unknown document, format or verdict with a message that names it', async () => {
    const { refused } = seeded()
    const missing = '00000000-0000-4000-8000-00000000ffff'
    expect(await refused('exportReport', { documentId: missing, format: 'html' })).toEqual({
      code: 'not_found',
      message: `There is no document with id ${missing}.`
    })
    expect((await refused('exportReport', { documentId: fixtureDocument.id, format: 'docx' })).message).toContain(
      'format must be one of html, pdf, md, csv, jsonld, claimreview'
    )
    expect((await refused('exportReport', { documentId: fixtureDocument.id, format: 'html', statuses: ['true'] })).message).toContain(
      'statuses must be among'
    )
  })
})

/**
 * What differs between an export and the export of its re-import, by design:
 * every id is new in the other library (document, claims, notes, sources, and
 * the collection's id and target.source built from them), the document's
 * importedAt is the time of the import, and `generated` the time of the export.
 * Everything else (text, structure, metadata, quotes, positions, verdicts,
 * claimants, tags, notes with their authors and times, sources) is equal.
 */
function normalise(jsonld: string): unknown {
  const ids = new Map<string, string>()
  const stable = (id: string) => {
    if (!ids.has(id)) ids.set(id, `id-${ids.size + 1}`)
    return ids.get(id)!
  }
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g
  return JSON.parse(jsonld, function (key, value: unknown) {
    if (key === 'generated' || key === 'importedAt') return '<time>'
    return typeof value === 'string' ? value.replace(uuid, stable) : value
  })
}

describe('the JSON-LD round trip', () => {
  it('export → import into an empty data directory → export gives the same JSON-LD, ids and import times apart', async () => {
    const here = seeded()
    const exported = await here.call<ReportFile>('exportReport', { documentId: fixtureDocument.id, format: 'jsonld' })
    const file = join(tempDir(), exported.fileName)
    writeFileSync(file, exported.data)

    // A colleague's machine: an empty library, another analyst, another day.
    const there = setup({ analyst: 'Colleague', now: () => '2026-12-01T08:00:00.000Z' })
    expect(snapshot(there.library.db)).not.toContain(fixtureDocument.id)
    const imported = await there.call<ArticleDocument>('importDocument', fileSource('claims.jsonld', readFileSync(file)))
    expect(imported.id).not.toBe(fixtureDocument.id)
    expect(imported).toMatchObject({
      title: fixtureDocument.title,
      text: fixtureDocument.text,
      content: fixtureDocument.content,
      publisher: 'Example News',
      sourceUrl: fixtureDocument.sourceUrl,
      importedAt: '2026-12-01T08:00:00.000Z'
    })
    const claims = await there.call<Claim[]>('listClaims', { documentId: imported.id })
    const verdicts = (list: Claim[]) => list.map((c) => `${c.status}${c.orphaned ? ' (orphan)' : ''}: ${c.quote.exact}`).sort()
    expect(verdicts(claims)).toEqual(verdicts(fixtureReport().claims))

    const again = await there.call<ReportFile>('exportReport', { documentId: imported.id, format: 'jsonld' })
    const [first, second] = [JSON.parse(exported.data), JSON.parse(again.data)] as { creator: unknown }[]
    // The report is signed by whoever exports it.
    expect(second!.creator).toEqual({ type: 'Person', name: 'Colleague' })
    second!.creator = first!.creator
    expect(normalise(JSON.stringify(second))).toEqual(normalise(JSON.stringify(first)))
    expect(again.data).not.toBe(exported.data)

    // Every claim's history says where it came from.
    const history = there.library.db.prepare('SELECT action, author, detail FROM claim_history ORDER BY seq').all() as (Pick<HistoryEntry, 'action' | 'author'> & { detail: string })[]
    expect(history.filter((h) => h.action === 'created')).toHaveLength(8)
    expect(history.filter((h) => h.action === 'note_added')).toHaveLength(5)
    expect(history.filter((h) => h.action === 'source_added')).toHaveLength(4)
    expect(history.filter((h) => h.action === 'status_changed')).toHaveLength(7)
    expect(history.filter((h) => h.action === 'orphaned')).toHaveLength(1)
    expect(new Set(history.map((h) => h.author))).toEqual(new Set(['Colleague']))
    expect(history.every((h) => JSON.parse(h.detail).importedFrom === 'claims.jsonld')).toBe(true)
  })

  it('places claims by their quotes when the positions in the file are wrong', async () => {
    const here = seeded()
    const exported = await here.call<ReportFile>('exportReport', { documentId: fixtureDocument.id, format: 'jsonld', statuses: ['verified'] })
    const shifted = exported.data.replace(/"start": (\d+),\n(\s+)"end": (\d+)/g, (_m, s: string, space: string, e: string) => `"start": ${+s + 5},\n${space}"end": ${+e + 5}`)
    const there = setup()
    const doc = await there.call<ArticleDocument>('importDocument', fileSource('x.jsonld', shifted))
    const [claim] = await there.call<Claim[]>('listClaims', { documentId: doc.id })
    expect(doc.text.slice(claim!.position.start, claim!.position.end)).toBe('Dr. Lee of the U.S. Institute disputes the count.')
    expect(claim!.orphaned).toBe(false)
  })

  it('refuses a file that is not Factmark JSON-LD, naming the problem, and writes nothing', async () => {
    const { call, refused } = seeded()
    const good = (await call<ReportFile>('exportReport', { documentId: fixtureDocument.id, format: 'jsonld' })).data
    const cases: [string, string][] = [
      ['{ not json', 'it is not valid JSON'],
      ['{"type": "AnnotationPage"}', 'the file must hold an AnnotationCollection'],
      [good.replace('"verdict": "false"', '"verdict": "pants-on-fire"'), 'unknown verdict "pants-on-fire"'],
      [good.replace('"type": "heading"', '"type": "table"'), 'document.content.0 has an unknown type "table"'],
      [good.replace('"type": "TextQuoteSelector"', '"type": "CssSelector"'), 'claim 1 has no TextQuoteSelector'],
      [good.replace('"stance": "refutes"', '"stance": "maybe"'), "stance: stance must be one of supports, refutes, context"]
    ]
    for (const [text, problem] of cases) {
      const error = await refused('importDocument', fileSource('bad.jsonld', text))
      expect(error.code).toBe('invalid_input')
      expect(error.message).toContain('"bad.jsonld" is not a Factmark Web Annotation export')
      expect(error.message).toContain(problem)
    }
  })

  it('keeps script out of imported links', async () => {
    const { call } = seeded()
    const good = (await call<ReportFile>('exportReport', { documentId: fixtureDocument.id, format: 'jsonld' })).data
    const hostile = good.replace('"href": "https://www.newamerica.org/international-security/reports/isis-files/"', '"href": "javascript:alert(1)"')
    expect(hostile).not.toBe(good)
    const doc = await call<ArticleDocument>('importDocument', fileSource('x.jsonld', hostile))
    expect(JSON.stringify(doc.content)).not.toContain('javascript:')
    expect(doc.text).toBe(fixtureDocument.text)
  })
})

describe('PDF', () => {
  /** The PDF's text, page by page (pdftotext separates pages with a form feed). */
  const pdfPages = (report: ReportFile): string[] => {
    const bytes = Buffer.from(report.data, 'base64')
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const file = join(tempDir(), 'report.pdf')
    writeFileSync(file, bytes)
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    return text.split('\f').filter((page) => page.trim()).map((page) => page.replace(/\s+/g, ' '))
  }

  it('prints the public report through Chromium: rationale and public notes, page numbers and a running header on every page', async () => {
    const { call } = seeded()
    const pdf = await call<ReportFile>('exportReport', { documentId: fixtureDocument.id, format: 'pdf', ...knowingly })
    expect(pdf).toMatchObject({ fileName: 'Uyghur-fighters-in-Syria.pdf', mediaType: 'application/pdf', encoding: 'base64' })
    const pages = pdfPages(pdf)
    expect(pages.length).toBeGreaterThan(1)
    pages.forEach((page, index) => {
      expect(page, `page ${index + 1}`).toContain('Uyghur fighters in Syria · Example Fact Check')
      expect(page, `page ${index + 1}`).toContain(`Page ${index + 1} of ${pages.length}`)
      expect(page).not.toContain('INTERNAL')
    })
    const text = pages.join(' ')
    expect(text).toContain('Dr. Lee of the U.S. Institute disputes the count.')
    expect(text).toContain('Dr. Lee confirmed his view by phone.')
    expect(text).toContain('the officials never used that word')
    // Internal notes stay out of a public report.
    expect(text).not.toContain('registered* fighters')
    expect(text).not.toContain('Confirmed</b> by phone')
  }, 60_000)

  it('prints the internal working report with every note and INTERNAL on every page', async () => {
    const { call } = seeded()
    const pages = pdfPages(await call<ReportFile>('exportReport', { documentId: fixtureDocument.id, format: 'pdf', internal: true }))
    pages.forEach((page, index) => expect(page, `page ${index + 1}`).toContain('INTERNAL'))
    const text = pages.join(' ')
    expect(text).toContain('The report counts 114 *registered* fighters')
    expect(text).toContain('<b>Confirmed</b> by phone & email')
  }, 60_000)

  it('says what is missing when Chromium is not installed', async () => {
    const { refused } = seeded({ printPdf: chromiumPrinter({ CHROMIUM_PATH: '/nonexistent/chromium' }) })
    const error = await refused('exportReport', { documentId: fixtureDocument.id, format: 'pdf', ...knowingly })
    expect(error).toEqual({
      code: 'not_found',
      message: 'PDF export needs Chromium, but CHROMIUM_PATH (/nonexistent/chromium) does not exist. Export HTML and print it, or fix CHROMIUM_PATH.'
    })
  })
})
