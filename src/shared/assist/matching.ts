/**
 * Finding what was checked before, offline: FTS5 bm25 over prior
 * fact-checks' terms gives candidates; a small linear model re-ranks them on
 * word and character n-gram overlap and agreement of numbers and names. The
 * weights come from `npm run train:matching` (CLEF 2020 CheckThat! task 2,
 * cross-validated). Pure: the service supplies the candidates.
 */
import weightsFile from './matching-model.json'

const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its ' +
    'just me my no not of on or our out she so than that the their them then there these they this to up us was we were ' +
    'what when where which who why will with would you your rt via amp http https www com twitter pic status'
  ).split(' ')
)

/** Splits #HashTags and @Handles into words ("@realDonaldTrump" → "real Donald Trump"). */
function splitTags(text: string): string {
  return text.replace(/[#@]([\p{L}\p{N}_]+)/gu, (_, tag: string) => tag.replace(/_/gu, ' ').replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2'))
}

/** Text without addresses, and with tags split into words: what a tweet or an article sentence says. */
export function cleanClaimText(text: string): string {
  return splitTags(text.replace(/\bhttps?:\/\/\S+|\bpic\.twitter\.com\/\S+|\bwww\.\S+/giu, ' '))
}

/** Lower-cased words; Han text as overlapping character pairs (no word list needed). */
export function words(text: string): string[] {
  const out: string[] = []
  for (const run of cleanClaimText(text).toLowerCase().match(/\p{Script=Han}+|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []) {
    if (/\p{Script=Han}/u.test(run)) {
      if (run.length === 1) out.push(run)
      for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2))
    } else out.push(run.replace(/['’]s$/u, '').replace(/’/gu, "'"))
  }
  return out
}

/** What the FTS5 index holds for a prior fact-check (stored in its `terms` column). */
export function indexTerms(text: string): string {
  return words(text).join(' ')
}

/** Words that carry meaning: no stop words, no single letters. */
export function contentWords(text: string): string[] {
  return words(text).filter(isContentWord)
}

/** The content words of stored index terms (`indexTerms`): already words, so only split. */
export function termsContentWords(terms: string): string[] {
  return terms ? terms.split(' ').filter(isContentWord) : []
}

function isContentWord(word: string): boolean {
  return !STOPWORDS.has(word) && (word.length > 1 || /\p{Script=Han}/u.test(word))
}

/** An FTS5 query that matches any of `words` (each quoted, so nothing is FTS5 syntax); null when there is none. */
export function anyOf(words: readonly string[]): string | null {
  return words.length ? words.map((w) => `"${w.replace(/"/gu, '""')}"`).join(' OR ') : null
}

/** An FTS5 query that matches all of `words`; null when there is none. */
export function allOf(words: readonly string[]): string | null {
  return words.length ? words.map((w) => `"${w.replace(/"/gu, '""')}"`).join(' ') : null
}

/** The distinct content words of a text, in order, at most `most`. */
export function queryWords(text: string, most = 40): string[] {
  return [...new Set(contentWords(text))].slice(0, most)
}

const ENDINGS = ['ing', 'ed', 'es', 's', 'ly']

/** A crude stem, so "jobs"/"job", "killed"/"kill" agree in overlap features. */
export function stem(word: string): string {
  if (word.length <= 4) return word
  for (const ending of ENDINGS) if (word.endsWith(ending)) return word.slice(0, -ending.length)
  return word
}

function stems(text: string): Set<string> {
  return new Set(contentWords(text).map(stem))
}

function bigrams(text: string): Set<string> {
  const list = contentWords(text).map(stem)
  const out = new Set<string>()
  for (let i = 0; i + 1 < list.length; i++) out.add(`${list[i]} ${list[i + 1]}`)
  return out
}

/** Character 4-grams of the lower-cased text, spaces folded. */
function charGrams(text: string, n = 4): Map<string, number> {
  const s = ` ${cleanClaimText(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `
  const grams = new Map<string, number>()
  for (let i = 0; i + n <= s.length; i++) {
    const g = s.slice(i, i + n)
    grams.set(g, (grams.get(g) ?? 0) + 1)
  }
  return grams
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0
  let na = 0
  let nb = 0
  for (const [g, v] of a) {
    na += v * v
    const w = b.get(g)
    if (w) dot += v * w
  }
  for (const v of b.values()) nb += v * v
  return na && nb ? dot / Math.sqrt(na * nb) : 0
}

function numbers(text: string): Set<string> {
  return new Set((text.match(/\d+(?:[.,]\d+)*/gu) ?? []).map((n) => n.replace(/,/gu, '')))
}

/** Names: capitalised words not at the start of a sentence, and all-capital initialisms. */
function names(text: string): Set<string> {
  const found = cleanClaimText(text).match(/(?<=[\p{L}\p{N},;:'"“]\s+)\p{Lu}[\p{L}'’-]+|\b\p{Lu}{2,}\b/gu) ?? []
  return new Set(found.map((n) => n.toLowerCase()))
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0
  for (const x of a) if (b.has(x)) n++
  return n
}

/** A prior fact-check as the re-ranker sees it. */
export interface Candidate {
  claimReviewed: string
  title: string | null
  /** FTS5's bm25 (lower is better, as SQLite gives it). */
  bm25: number
}

/** The re-ranker's features, in the order of the model's weights. */
export const MATCH_FEATURES = [
  'bias',
  'bm25_relative',
  'bm25_rank',
  'claim_covered',
  'query_covered',
  'title_covered',
  'bigrams',
  'chars_claim',
  'chars_title',
  'numbers_agree',
  'numbers_differ',
  'names_agree',
  'names_missing'
] as const

/** A query's features, computed once and reused for every candidate. */
export interface PreparedQuery {
  stems: Set<string>
  bigrams: Set<string>
  chars: Map<string, number>
  numbers: Set<string>
  names: Set<string>
}

export function prepareQuery(text: string): PreparedQuery {
  return { stems: stems(text), bigrams: bigrams(text), chars: charGrams(text), numbers: numbers(text), names: names(text) }
}

/** Features of each candidate against the query; candidates in bm25 order. */
export function matchFeatures(query: PreparedQuery, candidates: readonly Candidate[]): number[][] {
  const best = Math.min(...candidates.map((c) => c.bm25), -1e-9)
  return candidates.map((c, rank) => {
    const claim = stems(c.claimReviewed)
    const title = c.title ? stems(c.title) : new Set<string>()
    const shared = overlap(query.stems, claim)
    const claimNumbers = numbers(c.claimReviewed)
    const claimNames = names(`${c.claimReviewed} ${c.title ?? ''}`)
    const sharedNames = overlap(query.names, claimNames)
    return [
      1,
      c.bm25 / best,
      1 / (rank + 1),
      claim.size ? shared / claim.size : 0,
      query.stems.size ? shared / query.stems.size : 0,
      title.size ? overlap(query.stems, title) / title.size : 0,
      Math.min(overlap(query.bigrams, bigrams(c.claimReviewed)), 5) / 5,
      cosine(query.chars, charGrams(c.claimReviewed)),
      c.title ? cosine(query.chars, charGrams(c.title)) : 0,
      claimNumbers.size ? overlap(query.numbers, claimNumbers) / claimNumbers.size : 0,
      claimNumbers.size && query.numbers.size && overlap(query.numbers, claimNumbers) === 0 ? 1 : 0,
      claimNames.size ? sharedNames / claimNames.size : 0,
      query.names.size ? (query.names.size - sharedNames) / query.names.size : 0
    ]
  })
}

export interface MatchModel {
  about: string
  features: readonly string[]
  weights: readonly number[]
}

const shipped = weightsFile as MatchModel

/** The re-ranked candidates' scores (0–1), in the candidates' order. */
export function rerankScores(query: PreparedQuery, candidates: readonly Candidate[], model: MatchModel = shipped): number[] {
  if (candidates.length === 0) return []
  return matchFeatures(query, candidates).map((f) => 1 / (1 + Math.exp(-f.reduce((sum, v, i) => sum + v * (model.weights[i] ?? 0), 0))))
}
