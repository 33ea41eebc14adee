/**
 * The exports against the standards they claim to follow:
 * - W3C Web Annotation: every export passes the "musts" of the W3C
 *   web-annotation-tests suite (vendored in ./web-annotation-tests, with its
 *   licence, from github.com/w3c/web-annotation-tests), for the collection,
 *   its embedded page and each annotation, validated with ajv as the suite's
 *   runner does (draft-04 JSON Schema); plus what the issue asks beyond them:
 *   creator, created and modified on every annotation, language and format on
 *   targets, the article's address as target source, dates typed as dates.
 * - schema.org ClaimReview: the properties Google's fact-check documentation
 *   requires and recommends, each of the schema.org type it expects.
 */
import Ajv from 'ajv'
import draft04 from 'ajv/lib/refs/json-schema-draft-04.json'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ANNOTATION_CONTEXT, annotationCollection } from '../../shared/report/annotations'
import { claimReviews } from '../../shared/report/claimreview'
import type { ReportData } from '../../shared/report/data'
import { ratingScale } from '../../shared/scale'
import { fixtureReport } from './fixture'

const suite = join(dirname(fileURLToPath(import.meta.url)), 'web-annotation-tests')
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(suite, path), 'utf8')) as Record<string, unknown>

interface Assertion {
  id: string
  expectedResult: 'valid' | 'invalid'
  onUnexpectedResult: string
  errorMessage: string
}

/** The suite's checker: each assertion of a .test file in order, as its runner reads expectedResult and onUnexpectedResult. */
function w3cSuite(testFile: string): (data: unknown) => string[] {
  const ajv = new Ajv({ schemaId: 'id', unknownFormats: 'ignore', logger: false })
  ajv.addMetaSchema(draft04)
  for (const file of readdirSync(join(suite, 'definitions'))) ajv.addSchema(readJson(`definitions/${file}`))
  const assertions = (readJson(testFile).assertions as string[]).map((path) => {
    const schema = readJson(path) as unknown as Assertion
    return { schema, validate: ajv.compile(schema) }
  })
  return (data) => {
    const failures: string[] = []
    for (const { schema, validate } of assertions) {
      const result = validate(data) ? 'valid' : 'invalid'
      if (result === schema.expectedResult) continue
      if (schema.onUnexpectedResult.startsWith('fail')) failures.push(`${schema.id}: ${schema.errorMessage}`)
      if (/AndSkip|AndAbort/.test(schema.onUnexpectedResult)) break
    }
    return failures
  }
}

const collectionMusts = w3cSuite('collections/collectionMusts.test')
const pageMusts = w3cSuite('collections/pages/pageMusts.test')
const annotationMusts = w3cSuite('annotations/annotationMusts.test')

interface Collection {
  first: { id?: string; items: Record<string, unknown>[] }
  [key: string]: unknown
}

function checkW3c(data: ReportData): Collection {
  const collection = annotationCollection(data) as unknown as Collection
  expect(collectionMusts(collection)).toEqual([])
  expect(pageMusts(collection)).toEqual([])
  expect(collection.first.items.length).toBeGreaterThan(0)
  // Each annotation as it would be served on its own, with the collection's context.
  for (const item of collection.first.items) expect(annotationMusts({ '@context': ANNOTATION_CONTEXT, ...item }), String(item.id)).toEqual([])
  return collection
}

describe('W3C Web Annotation', () => {
  it('the suite catches what the model forbids (so a pass means something)', () => {
    const collection = annotationCollection(fixtureReport()) as unknown as Collection
    const pageless = { ...collection, first: { ...collection.first, id: undefined } }
    expect(pageMusts(JSON.parse(JSON.stringify(pageless)))).toEqual([expect.stringContaining('5.2-pageIdValidated.json')])
    const item = collection.first.items[0]!
    expect(annotationMusts({ '@context': ANNOTATION_CONTEXT, ...item, created: '27 November 2026' })).toEqual([
      expect.stringContaining('3.3.1-annotationCreatedValidated.json')
    ])
    expect(annotationMusts({ ...item })).toEqual([expect.stringContaining('3.1-annotationContextValidated.json')])
  })

  it('the fixture export passes every must of the collection, page and annotation tests', () => {
    checkW3c(fixtureReport())
    checkW3c(fixtureReport({ internal: true, includeStatuses: ['false'] }))
    checkW3c(fixtureReport({ document: { ...fixtureReport().document, sourceUrl: null, language: null }, documentFormat: null }))
  })

  it('gives every annotation a creator, created and modified; targets language, format and the article’s address; accessed as a date', () => {
    const collection = checkW3c(fixtureReport())
    for (const item of collection.first.items) {
      expect(item.creator).toEqual({ type: 'Person', name: expect.stringMatching(/\S/) })
      expect(item.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/)
      expect(item.modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/)
      expect(item.target).toMatchObject({ source: 'https://example.org/news/uyghur-fighters', language: 'en', format: 'text/plain' })
    }
    const accessed = collection.first.items.flatMap((item) => (item.body as { accessed?: string }[]).flatMap((b) => (b.accessed ? [b.accessed] : [])))
    expect(accessed.length).toBeGreaterThan(0)
    for (const value of accessed) expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(JSON.stringify(ANNOTATION_CONTEXT)).toContain('"accessed":{"@id":"fm:accessed","@type":"xsd:date"}')
    // Without a web address, the target is the document's own id.
    const offline = annotationCollection(fixtureReport({ document: { ...fixtureReport().document, sourceUrl: 'not a url' } })) as unknown as Collection
    expect((offline.first.items[0]!.target as { source: string }).source).toMatch(/^urn:uuid:/)
  })
})

/** schema.org's expected types, for the properties checked. */
type Check = (value: unknown) => boolean
const isText: Check = (v) => typeof v === 'string' && v.trim() !== ''
const isUrl: Check = (v) => typeof v === 'string' && /^https?:\/\/\S+$/.test(v)
const isDate: Check = (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(v)
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v)
const isType =
  (...types: string[]): Check =>
  (v) =>
    typeof v === 'object' && v !== null && types.includes((v as { '@type'?: string })['@type'] ?? '')

/** Google's fact-check documentation: required (R) and recommended (r) properties, per type. */
const GOOGLE: Record<string, Record<string, [level: 'R' | 'r', check: Check]>> = {
  ClaimReview: {
    claimReviewed: ['R', isText],
    reviewRating: ['R', isType('Rating')],
    url: ['R', isUrl],
    author: ['r', isType('Organization', 'Person')],
    datePublished: ['r', isDate],
    itemReviewed: ['r', isType('Claim')]
  },
  Claim: {
    appearance: ['r', (v) => isUrl(v) || isType('CreativeWork')(v)],
    author: ['r', isType('Organization', 'Person')],
    datePublished: ['r', isDate]
  },
  Rating: {
    alternateName: ['R', isText],
    bestRating: ['r', isNumber],
    name: ['r', isText],
    ratingValue: ['r', isNumber],
    worstRating: ['r', isNumber]
  }
}

/** The properties each review lacks or gets wrong: "ClaimReview.url (required)". */
function googleProblems(review: Record<string, unknown>): string[] {
  const problems: string[] = []
  const check = (type: string, node: Record<string, unknown>) => {
    for (const [property, [level, valid]] of Object.entries(GOOGLE[type]!)) {
      if (!valid(node[property])) problems.push(`${type}.${property} (${level === 'R' ? 'required' : 'recommended'})`)
    }
  }
  check('ClaimReview', review)
  if (isType('Rating')(review.reviewRating)) check('Rating', review.reviewRating as Record<string, unknown>)
  if (isType('Claim')(review.itemReviewed)) check('Claim', review.itemReviewed as Record<string, unknown>)
  return problems
}

describe('schema.org ClaimReview', () => {
  const reviews = (data: ReportData) => (claimReviews(data) as { '@graph': Record<string, unknown>[] })['@graph']

  it('has every property Google requires and recommends, of the type schema.org expects, for each rated claim', () => {
    const graph = reviews(fixtureReport())
    // Claims 1 (in progress) and 7 (unverified) have no verdict yet.
    expect(graph.map((r) => r.url)).toEqual([2, 3, 4, 5, 6, 8].map((n) => `https://factcheck.example.org/2026/uyghur-fighters#claim-${n}`))
    for (const review of graph) {
      const claimant = (review.itemReviewed as { author?: unknown }).author
      // A claim with no claimant has no Claim.author: that is the one recommendation the data cannot meet.
      expect(googleProblems(review).filter((p) => !(p === 'Claim.author (recommended)' && claimant === undefined))).toEqual([])
      expect(review.author).toEqual({ '@type': 'Organization', name: 'Example Fact Check', url: 'https://factcheck.example.org' })
      expect(review.datePublished).toBe('2026-11-28')
      expect((review.itemReviewed as { appearance: { url: string } }).appearance.url).toBe('https://example.org/news/uyghur-fighters')
    }
    expect(graph[0]).toMatchObject({
      claimReviewed: '114 Uyghurs have joined IS',
      reviewRating: { ratingValue: 3, bestRating: 5, worstRating: 1, alternateName: 'Disputed', ratingExplanation: expect.stringContaining('registered fighters') },
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'New America' }, datePublished: '2026-11-19' }
    })
  })

  it('takes the rating’s name from the desk’s scale, and notices what is missing', () => {
    const renamed = reviews(fixtureReport({ scale: ratingScale({ disputed: { label: 'Half true' } }) }))
    expect(renamed[0]!.reviewRating).toMatchObject({ ratingValue: 3, alternateName: 'Half true', name: 'Half true' })
    // Without an organisation or a publication address Google's checks fail: the readiness check stops such an export.
    const bare = reviews(fixtureReport({ organisation: null, document: { ...fixtureReport().document, publicationUrl: null } }))
    expect(googleProblems(bare[0]!)).toEqual(['ClaimReview.url (required)'])
    expect(bare[0]!.author).toEqual({ '@type': 'Person', name: 'Mina Karimi' })
  })
})
