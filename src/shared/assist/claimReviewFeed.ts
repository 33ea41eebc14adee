/**
 * ClaimReview feeds as fact-checkers publish them and as Google's Fact Check
 * tools export them: one ClaimReview, an array of them, an ItemList, a
 * schema.org DataFeed, a JSON-LD @graph, or the Fact Check Tools API's
 * `{"claims": [...]}`. Each item becomes a prior fact-check or a rejection
 * with its reason; one bad item never stops the others. Everything is kept as
 * plain text (control characters dropped, white space folded, lengths
 * capped): nothing from a feed is ever markup.
 */

import { checkWebAddress, fieldLimits } from '../fields'

/** A fact-check published elsewhere, as the library keeps it. */
export interface PriorFactCheckInput {
  url: string
  claimReviewed: string
  title: string | null
  rating: string | null
  publisher: string | null
  claimant: string | null
  /** YYYY-MM-DD, or a full ISO date-time, as the feed gave it. */
  reviewedAt: string | null
  language: string | null
}

export interface RejectedItem {
  /** 0-based position of the item in the feed, in reading order. */
  item: number
  reason: string
}

export interface ParsedFeed {
  items: PriorFactCheckInput[]
  rejected: RejectedItem[]
}

export const feedLimits = { claimLength: 5000, textLength: 500 }

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The @type of a node, as a list. */
function types(node: Json): string[] {
  const t = node['@type']
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^(?:https?:\/\/)?schema\.org\//u, ''))
}

/** Plain text: no control characters, white space folded, capped; null when empty or not text. */
function plain(value: unknown, max: number): string | null {
  if (typeof value === 'number') value = String(value)
  if (typeof value !== 'string') return null
  const text = value.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/gu, ' ').replace(/\s+/gu, ' ').trim()
  return text ? (text.length > max ? `${text.slice(0, max - 1)}…` : text) : null
}

/** A name from a string, a {name} object, or the first of a list of them. */
function nameOf(value: unknown): string | null {
  if (Array.isArray(value)) return nameOf(value[0])
  if (isObject(value)) return plain(value.name, feedLimits.textLength) ?? plain(value.alternateName, feedLimits.textLength) ?? plain(value.site, feedLimits.textLength)
  return plain(value, feedLimits.textLength)
}

/** An http(s) address with a host (the one URL rule, src/shared/fields.ts), or an error naming the problem. */
export function webAddress(value: unknown): string | Error {
  if (typeof value !== 'string' || !value.trim()) return new Error('it has no url')
  if (value.length > fieldLimits.urlLength) return new Error(`its url is longer than ${fieldLimits.urlLength} characters`)
  try {
    return checkWebAddress(value, 'fact-check', 'fact-check addresses')
  } catch (error) {
    return error as Error
  }
}

function dateOf(value: unknown): string | null {
  const text = plain(value, 40)
  return text && /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/u.test(text) ? text : null
}

function languageOf(value: unknown): string | null {
  const text = isObject(value) ? (plain(value.alternateName, 20) ?? plain(value.name, 40)) : plain(value, 20)
  return text && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/u.test(text) ? text : text && /^[\p{L} ]{2,40}$/u.test(text) ? text : null
}

function ratingOf(value: unknown): string | null {
  const rating = Array.isArray(value) ? value[0] : value
  if (!isObject(rating)) return plain(rating, feedLimits.textLength)
  const named = plain(rating.alternateName, feedLimits.textLength) ?? plain(rating.name, feedLimits.textLength)
  if (named) return named
  const score = plain(rating.ratingValue, 20)
  if (!score) return null
  const best = plain(rating.bestRating, 20)
  return best ? `${score}/${best}` : score
}

/** One ClaimReview node to a prior fact-check, or the reason it cannot be one. */
export function readClaimReview(node: unknown): PriorFactCheckInput | Error {
  if (!isObject(node)) return new Error('it is not an object')
  if (!types(node).includes('ClaimReview')) return new Error(`it is a ${types(node)[0] ?? 'node without @type'}, not a ClaimReview`)
  const claimReviewed = plain(node.claimReviewed, feedLimits.claimLength)
  if (!claimReviewed) return new Error('it has no claimReviewed text')
  const url = webAddress(node.url)
  if (url instanceof Error) return url
  const item = isObject(node.itemReviewed) ? node.itemReviewed : {}
  return {
    url,
    claimReviewed,
    title: plain(node.name, feedLimits.textLength) ?? plain(node.headline, feedLimits.textLength),
    rating: ratingOf(node.reviewRating),
    publisher: nameOf(node.author) ?? nameOf(node.publisher),
    claimant: nameOf(item.author),
    reviewedAt: dateOf(node.datePublished) ?? dateOf(node.dateCreated),
    language: languageOf(node.inLanguage) ?? languageOf(item.inLanguage)
  }
}

/** A review from the Fact Check Tools API's `{"claims": [...]}` shape. */
function readApiClaim(claim: Json, review: unknown): PriorFactCheckInput | Error {
  if (!isObject(review)) return new Error('its claimReview is not an object')
  const claimReviewed = plain(claim.text, feedLimits.claimLength)
  if (!claimReviewed) return new Error('it has no claim text')
  const url = webAddress(review.url)
  if (url instanceof Error) return url
  return {
    url,
    claimReviewed,
    title: plain(review.title, feedLimits.textLength),
    rating: plain(review.textualRating, feedLimits.textLength),
    publisher: nameOf(review.publisher),
    claimant: plain(claim.claimant, feedLimits.textLength),
    reviewedAt: dateOf(review.reviewDate),
    language: languageOf(review.languageCode)
  }
}

/** The items of a feed in reading order: ClaimReview nodes (or API reviews), and anything else found where items belong. */
function* feedItems(root: unknown): Generator<() => PriorFactCheckInput | Error> {
  if (Array.isArray(root)) {
    for (const node of root) yield* feedItems(node)
    return
  }
  if (!isObject(root)) {
    yield () => new Error('it is not an object')
    return
  }
  const t = types(root)
  if (Array.isArray(root['@graph'])) yield* feedItems(root['@graph'])
  else if (t.includes('DataFeed')) yield* listOf(root.dataFeedElement)
  else if (t.includes('ItemList')) yield* listOf(root.itemListElement)
  else if (t.includes('DataFeedItem') || t.includes('ListItem')) yield* listOf(root.item)
  else if (!t.length && Array.isArray(root.claims)) {
    for (const claim of root.claims) {
      if (!isObject(claim) || !Array.isArray(claim.claimReview)) yield () => new Error('it is not a claim with a claimReview list')
      else for (const review of claim.claimReview) yield () => readApiClaim(claim, review)
    }
  } else yield () => readClaimReview(root)
}

function* listOf(value: unknown): Generator<() => PriorFactCheckInput | Error> {
  if (value === undefined || value === null) return
  yield* feedItems(Array.isArray(value) ? value : [value])
}

/** True when parsed JSON looks like a ClaimReview feed rather than some other JSON-LD. */
export function isClaimReviewFeed(text: string): boolean {
  return /"@type"\s*:\s*(?:\[[^\]]*)?"(?:https?:\/\/schema\.org\/)?(?:ClaimReview|DataFeed)"|"claimReview"\s*:/u.test(text.slice(0, 1_000_000))
}

/** Reads a feed's JSON text; throws only when it is not JSON or has no items at all. */
export function parseClaimReviewFeed(text: string): ParsedFeed {
  let root: unknown
  try {
    root = JSON.parse(text)
  } catch (error) {
    throw new Error(`The feed is not JSON: ${(error as Error).message}`)
  }
  const items: PriorFactCheckInput[] = []
  const rejected: RejectedItem[] = []
  let index = 0
  for (const read of feedItems(root)) {
    const item = read()
    if (item instanceof Error) rejected.push({ item: index, reason: item.message })
    else items.push(item)
    index++
  }
  if (index === 0) throw new Error('The feed has no items: expected ClaimReview objects, an ItemList or a DataFeed of them')
  return { items, rejected }
}
