import { describe, expect, it } from 'vitest'
import { isClaimReviewFeed, parseClaimReviewFeed } from './claimReviewFeed'

const review = (over: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: 'https://factcheck.example/uyghurs',
  claimReviewed: '114 Uyghurs have joined IS.',
  name: 'Did 114 Uyghurs join IS?',
  datePublished: '2019-03-04',
  inLanguage: 'en',
  author: { '@type': 'Organization', name: 'Example Checks' },
  itemReviewed: { '@type': 'Claim', author: { '@type': 'Organization', name: 'New America' } },
  reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 5, alternateName: 'Mostly false' },
  ...over
})

describe('ClaimReview feeds', () => {
  it('reads one ClaimReview with every field', () => {
    expect(parseClaimReviewFeed(JSON.stringify(review()))).toEqual({
      items: [
        {
          url: 'https://factcheck.example/uyghurs',
          claimReviewed: '114 Uyghurs have joined IS.',
          title: 'Did 114 Uyghurs join IS?',
          rating: 'Mostly false',
          publisher: 'Example Checks',
          claimant: 'New America',
          reviewedAt: '2019-03-04',
          language: 'en'
        }
      ],
      rejected: []
    })
  })

  it('reads arrays, ItemLists, DataFeeds, @graph and the Fact Check Tools API shape', () => {
    const a = review()
    const b = review({ url: 'https://factcheck.example/b', reviewRating: { ratingValue: 1, bestRating: 5 } })
    const shapes = [
      [a, b],
      { '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', position: 1, item: a }, { '@type': 'ListItem', item: b }] },
      { '@context': 'https://schema.org', '@type': 'DataFeed', dataFeedElement: [{ '@type': 'DataFeedItem', item: [a] }, { '@type': 'DataFeedItem', item: b }] },
      { '@context': 'https://schema.org', '@graph': [a, b] }
    ]
    for (const shape of shapes) {
      const { items, rejected } = parseClaimReviewFeed(JSON.stringify(shape))
      expect(rejected).toEqual([])
      expect(items.map((i) => [i.url, i.rating])).toEqual([
        ['https://factcheck.example/uyghurs', 'Mostly false'],
        ['https://factcheck.example/b', '1/5']
      ])
    }
    const api = {
      claims: [
        {
          text: 'Vaccines contain microchips.',
          claimant: 'Social media',
          claimReview: [{ publisher: { name: 'Checker', site: 'checker.example' }, url: 'https://checker.example/chips', title: 'No chips', reviewDate: '2021-01-02T00:00:00Z', textualRating: 'False', languageCode: 'en' }]
        }
      ]
    }
    expect(parseClaimReviewFeed(JSON.stringify(api)).items).toEqual([
      { url: 'https://checker.example/chips', claimReviewed: 'Vaccines contain microchips.', title: 'No chips', rating: 'False', publisher: 'Checker', claimant: 'Social media', reviewedAt: '2021-01-02T00:00:00Z', language: 'en' }
    ])
  })

  it('imports the valid items and gives each rejected one its reason', () => {
    const feed = [
      review(),
      review({ url: 'javascript:alert(1)' }),
      review({ url: 'file:///etc/passwd' }),
      review({ claimReviewed: '   ' }),
      { '@type': 'Article', url: 'https://x.example' },
      'text',
      review({ url: undefined })
    ]
    const { items, rejected } = parseClaimReviewFeed(JSON.stringify(feed))
    expect(items).toHaveLength(1)
    expect(rejected.map((r) => r.item)).toEqual([1, 2, 3, 4, 5, 6])
    expect(rejected[0]!.reason).toMatch(/javascript:.*not allowed/)
    expect(rejected[1]!.reason).toMatch(/file:/)
    expect(rejected[2]!.reason).toBe('it has no claimReviewed text')
    expect(rejected[3]!.reason).toBe('it is a Article, not a ClaimReview')
    expect(rejected[4]!.reason).toBe('it is not an object')
    expect(rejected[5]!.reason).toBe('it has no url')
  })

  it('keeps everything as plain text: control characters dropped, white space folded, lengths capped', () => {
    const [item] = parseClaimReviewFeed(
      JSON.stringify(review({ claimReviewed: '<script>alert(1)</script>\u0000\u202e  two\n\nlines', name: 'x'.repeat(600), datePublished: 'yesterday', inLanguage: '<b>' }))
    ).items
    expect(item!.claimReviewed).toBe('<script>alert(1)</script> two lines')
    expect(item!.title).toHaveLength(500)
    expect(item!.reviewedAt).toBeNull()
    expect(item!.language).toBeNull()
  })

  it('refuses what is not JSON or has no items, and tells feeds from other JSON-LD', () => {
    expect(() => parseClaimReviewFeed('{')).toThrow(/not JSON/)
    expect(() => parseClaimReviewFeed('[]')).toThrow(/no items/)
    expect(isClaimReviewFeed(JSON.stringify(review()))).toBe(true)
    expect(isClaimReviewFeed('{"@type": "DataFeed", "dataFeedElement": []}')).toBe(true)
    expect(isClaimReviewFeed('{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection"}')).toBe(false)
  })
})
