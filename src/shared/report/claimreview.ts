/**
 * schema.org ClaimReview JSON-LD, one review for every claim that has a
 * verdict ("unverified" and "in progress" are not verdicts yet).
 * https://schema.org/ClaimReview
 *
 * The rating places each verdict on a 1–5 truth scale (5 true, 1 false);
 * `alternateName` names the verdict, as fact-check readers expect. A disputed
 * and an unverifiable claim both sit in the middle: the name tells them apart.
 * `url` is the claim's stable identifier (urn:uuid:…) until the review is
 * published at a web address; the article's address goes in `appearance`.
 */
import type { Status } from '../status'
import { statusStyles } from '../status'
import { formatDate, isWebUrl, reportClaims, type ReportData } from './data'

export const RATING_SCALE = { best: 5, worst: 1 }

export const ratingValues: Partial<Record<Status, number>> = {
  verified: 5,
  disputed: 3,
  unverifiable: 3,
  misleading: 2,
  false: 1
}

export function claimReviews(data: ReportData): Record<string, unknown> {
  const { document } = data
  const appearance = {
    '@type': 'CreativeWork',
    headline: document.title,
    ...(isWebUrl(document.sourceUrl) && { url: document.sourceUrl.trim() }),
    ...(document.author && { author: { '@type': 'Person', name: document.author } }),
    ...(document.publisher && { publisher: { '@type': 'Organization', name: document.publisher } }),
    ...(document.publishedAt && { datePublished: document.publishedAt })
  }
  const reviews = reportClaims(data)
    .filter(({ claim }) => ratingValues[claim.status] !== undefined)
    .map(({ claim }) => ({
      '@type': 'ClaimReview',
      url: `urn:uuid:${claim.id}`,
      claimReviewed: claim.quote.exact,
      datePublished: formatDate(claim.updatedAt),
      author: { '@type': 'Person', name: data.analyst },
      reviewRating: {
        '@type': 'Rating',
        ratingValue: ratingValues[claim.status],
        bestRating: RATING_SCALE.best,
        worstRating: RATING_SCALE.worst,
        alternateName: statusStyles[claim.status].label
      },
      itemReviewed: {
        '@type': 'Claim',
        ...(claim.claimant && { author: { '@type': 'Person', name: claim.claimant } }),
        appearance
      }
    }))
  return { '@context': 'https://schema.org', '@graph': reviews }
}

export function renderClaimReviews(data: ReportData): string {
  return JSON.stringify(claimReviews(data), null, 2) + '\n'
}
