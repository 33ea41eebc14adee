/** Prior fact-checks through the contract, on a real SQLite file: feed import, matching, listing. */
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../library/library'
import { apiOn, pasted } from '../testing/calls'
import { tempLibrary } from '../testing/temp'

const review = (url: string, claimReviewed: string, rating: string) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url,
  claimReviewed,
  datePublished: '2020-01-0' + (url.length % 9),
  author: { name: 'Example Checks' },
  reviewRating: { alternateName: rating }
})

const FEED = JSON.stringify({
  '@type': 'DataFeed',
  dataFeedElement: [
    review('https://checks.example/uyghurs', '114 Uyghurs have joined the Islamic State in Syria.', 'Mostly false'),
    review('https://checks.example/ford', 'Ford is moving all of its small car production to Mexico.', 'True'),
    review('https://checks.example/chicago', 'Almost 4,000 people have been killed in Chicago since Obama became president.', 'Half true'),
    review('ftp://checks.example/bad', 'A bad address.', 'False'),
    review('https://checks.example/tax', 'Donald Trump paid no federal income tax for years.', 'Unproven')
  ]
})

function setup() {
  const library = tempLibrary()
  return { library, ...apiOn(library) }
}

describe('prior fact-checks', () => {
  it('imports a feed, rejecting what is invalid with its reason; a second import refreshes instead of repeating', () => {
    const { ok } = setup()
    const first = ok('importFactChecks', { fileName: 'feed.jsonld', text: FEED })
    expect(first.imported).toBe(4)
    expect(first.updated).toBe(0)
    expect(first.rejected).toEqual([{ item: 3, reason: expect.stringMatching(/ftp:/) }])
    expect(ok('importFactChecks', { fileName: 'feed.jsonld', text: FEED })).toMatchObject({ imported: 0, updated: 4 })
    const all = ok('listPriorFactChecks', {})
    expect(all.total).toBe(4)
    expect(all.items.every((i) => i.url.startsWith('https://'))).toBe(true)
  })

  it('matches a claim to the prior fact-check that checked it, best first, with rating and score', () => {
    const { ok } = setup()
    ok('importFactChecks', { fileName: 'feed.jsonld', text: FEED })
    const [best, ...rest] = ok('matchPriorFactChecks', { query: 'In Chicago almost 4,000 people have been killed since Barack Obama became president' })
    expect(best).toMatchObject({ url: 'https://checks.example/chicago', rating: 'Half true', publisher: 'Example Checks' })
    expect(best!.score).toBeGreaterThan(0.5)
    for (const other of rest) expect(other.score).toBeLessThanOrEqual(best!.score)
    expect(ok('matchPriorFactChecks', { query: 'the of and' })).toEqual([])
    // FTS5 syntax in a query is only words.
    expect(() => ok('matchPriorFactChecks', { query: 'Uyghurs" OR NEAR(* ^' })).not.toThrow()
    const search = ok('listPriorFactChecks', { query: 'Ford Mexico' })
    expect(search.items[0]!.url).toBe('https://checks.example/ford')
  })

  it("shows a claim's card the closest prior fact-checks and the library's own verdicted claims", () => {
    const { ok } = setup()
    ok('importFactChecks', { fileName: 'feed.jsonld', text: FEED })
    const text = 'Report\n\nAccording to officials, 114 Uyghurs have joined the Islamic State. Ford is leaving.'
    const earlier = ok('importDocument', pasted(text))
    const quote = '114 Uyghurs have joined the Islamic State.'
    const old = ok('createClaim', { documentId: earlier.id, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length })
    ok('updateClaim', { claimId: old.id, status: 'false' })
    const later = ok('importDocument', pasted('Now: 114 Uyghurs joined the Islamic State, it says.'))
    const claim = ok('createClaim', { documentId: later.id, start: 5, end: 43 })
    const matches = ok('claimMatches', { claimId: claim.id })
    expect(matches.priorFactChecks[0]!.url).toBe('https://checks.example/uyghurs')
    expect(matches.verdictedClaims).toEqual([
      expect.objectContaining({ claimId: old.id, documentTitle: 'Report', quote, status: 'false' })
    ])
    // The claim itself, unverified, is never its own match.
    expect(ok('claimMatches', { claimId: old.id }).verdictedClaims).toEqual([])
  })

  it('refuses a feed that is not JSON, has no valid item, or is not a feed, and writes nothing', () => {
    const { refused } = setup()
    expect(refused('importFactChecks', { fileName: 'f.jsonld', text: '{' }).message).toMatch(/not JSON/)
    expect(refused('importFactChecks', { fileName: 'f.jsonld', text: JSON.stringify([review('javascript:alert(1)', 'x', 'y')]) }).message).toMatch(
      /No item of the feed could be imported: item 0: .*javascript:/
    )
    expect(refused('matchPriorFactChecks', { query: '  ' }).message).toMatch(/empty/)
  })

  it('matches what another process imported as soon as it is committed, and follows updates', () => {
    const app = tempLibrary()
    const cli = openLibrary(app.dataDir, { program: 'the test CLI' })
    try {
      const appCalls = apiOn(app)
      const cliCalls = apiOn(cli)
      appCalls.ok('importFactChecks', { fileName: 'feed.jsonld', text: FEED })
      expect(appCalls.ok('matchPriorFactChecks', { query: 'Moon landing was filmed in a studio' })).toEqual([])
      cliCalls.ok('importFactChecks', { fileName: 'moon.jsonld', text: JSON.stringify(review('https://checks.example/moon', 'The Moon landing was filmed in a studio.', 'False')) })
      expect(appCalls.ok('matchPriorFactChecks', { query: 'Moon landing was filmed in a studio' })[0]).toMatchObject({ url: 'https://checks.example/moon', rating: 'False' })
      // A re-import with a new rating is an update: the match carries the new rating.
      cliCalls.ok('importFactChecks', { fileName: 'moon.jsonld', text: JSON.stringify(review('https://checks.example/moon', 'The Moon landing was filmed in a studio.', 'Pants on fire')) })
      expect(appCalls.ok('matchPriorFactChecks', { query: 'Moon landing was filmed in a studio' })[0]!.rating).toBe('Pants on fire')
      // Imported rows are in the search index too (written in one statement after the rows).
      expect(appCalls.ok('listPriorFactChecks', { query: 'moon studio' }).items.map((i) => i.url)).toEqual(['https://checks.example/moon'])
    } finally {
      cli.close()
    }
  })
})
