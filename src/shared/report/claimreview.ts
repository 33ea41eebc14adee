/**
 * schema.org ClaimReview JSON-LD, one review for every claim that has a
 * verdict ("unverified" and "in progress" are not verdicts yet), with the
 * properties Google's fact-check documentation requires (claimReviewed,
 * reviewRating with alternateName, url) and recommends (author,
 * datePublished, itemReviewed with its appearance, author and date; the
 * rating's bestRating, worstRating, ratingValue and name).
 * https://schema.org/ClaimReview
 * https://developers.google.com/search/docs/appearance/structured-data/factcheck
 *
 * `url` is the publication address with `#claim-N`, the claim's anchor in the
 * published report; `author` the publishing organisation; the rating comes
 * from the desk's scale (scale.ts) and carries the public rationale. A
 * public output: no note appears in it.
 */
import { ratingValues, RATING_RANGE } from '../scale'
import { formatDate, isWebUrl, reportClaims, scaleOf, type ReportData } from './data'
import { jsonForPages } from './escape'

export function claimReviews(data: ReportData): Record<string, unknown> {
  const { document, organisation } = data
  const scale = scaleOf(data)
  const published = formatDate(document.publicationDate ?? data.generatedAt)
  // The fact-checker: the organisation from the profile; the analyst only when none is set (the readiness check says so).
  const author = organisation?.name
    ? { '@type': 'Organization', name: organisation.name, ...(isWebUrl(organisation.url) && { url: organisation.url.trim() }) }
    : { '@type': 'Person', name: data.analyst }
  const appearance = {
    '@type': 'CreativeWork',
    headline: document.title,
    ...(isWebUrl(document.sourceUrl) && { url: document.sourceUrl.trim() }),
    ...(document.author && { author: { '@type': 'Person', name: document.author } }),
    ...(document.publisher && { publisher: { '@type': 'Organization', name: document.publisher } }),
    ...(document.publishedAt && { datePublished: formatDate(document.publishedAt) })
  }
  const reviews = reportClaims(data)
    .filter(({ claim }) => ratingValues[claim.status] !== undefined)
    .map(({ number, claim }) => ({
      '@type': 'ClaimReview',
      // Without a publication address (exported knowingly incomplete) the review keeps the claim's own id.
      url: isWebUrl(document.publicationUrl) ? `${document.publicationUrl.trim().replace(/#.*$/, '')}#claim-${number}` : `urn:uuid:${claim.id}`,
      claimReviewed: claim.quote.exact,
      datePublished: published,
      author,
      reviewRating: {
        '@type': 'Rating',
        ratingValue: ratingValues[claim.status],
        bestRating: RATING_RANGE.best,
        worstRating: RATING_RANGE.worst,
        alternateName: scale[claim.status].label,
        name: scale[claim.status].label,
        ...(claim.rationale.trim() && { ratingExplanation: claim.rationale.trim() })
      },
      itemReviewed: {
        '@type': 'Claim',
        ...(claim.claimant && { author: { '@type': 'Person', name: claim.claimant } }),
        ...(document.publishedAt && { datePublished: formatDate(document.publishedAt) }),
        appearance
      }
    }))
  return { '@context': 'https://schema.org', '@graph': reviews }
}

export function renderClaimReviews(data: ReportData): string {
  return jsonForPages(claimReviews(data))
}
