/**
 * Recall for prior fact-checks: an in-memory inverted index scored by BM25.
 * FTS5's bm25() has to score every row any query word matches, through SQL
 * function calls, which took ~150 ms a query over 100,000 fact-checks; this
 * adds up postings in typed arrays and keeps the best few, a few ms. Pure:
 * the service fills it from the library and rebuilds it when they change.
 */
import { contentWords, stem, termsContentWords } from './matching'

/** BM25's constants: term-frequency saturation and length normalisation. */
export interface Bm25Parameters {
  k1: number
  b: number
}
const USUAL: Bm25Parameters = { k1: 1.2, b: 0.75 }

export interface Recalled {
  /** The entry's id, as given to the index. */
  id: number
  /** BM25 (higher is better). */
  score: number
}

export class RecallIndex {
  private readonly ids: Int32Array
  private readonly lengths: Float32Array
  private readonly averageLength: number
  /** Each term's number; its postings are `docs`/`counts` from `starts[term]` to `starts[term + 1]`, in document order. */
  private readonly terms = new Map<string, number>()
  private readonly starts: Int32Array
  private readonly docs: Int32Array
  private readonly counts: Uint16Array
  private readonly scores: Float64Array

  /** `terms`: each entry's words as `indexTerms` stores them. */
  constructor(entries: Iterable<{ id: number; terms: string }>, private readonly bm25: Bm25Parameters = USUAL) {
    // Pass 1: each document's distinct term numbers with their counts, in flat arrays (no per-term lists).
    const ids: number[] = []
    const lengths: number[] = []
    const pairTerms: number[] = []
    const pairCounts: number[] = []
    const pairStarts: number[] = [0]
    const frequency: number[] = []
    for (const entry of entries) {
      const words = termsContentWords(entry.terms)
      const numbers = words.map((word) => {
        const w = stem(word)
        let n = this.terms.get(w)
        if (n === undefined) {
          this.terms.set(w, (n = frequency.length))
          frequency.push(0)
        }
        return n
      })
      numbers.sort((a, b) => a - b)
      for (let i = 0; i < numbers.length; ) {
        let j = i + 1
        while (j < numbers.length && numbers[j] === numbers[i]) j++
        pairTerms.push(numbers[i]!)
        pairCounts.push(Math.min(j - i, 0xffff))
        frequency[numbers[i]!]!++
        i = j
      }
      pairStarts.push(pairTerms.length)
      ids.push(entry.id)
      lengths.push(words.length)
    }
    // Pass 2: postings grouped by term.
    this.starts = new Int32Array(frequency.length + 1)
    for (let t = 0; t < frequency.length; t++) this.starts[t + 1] = this.starts[t]! + frequency[t]!
    this.docs = new Int32Array(pairTerms.length)
    this.counts = new Uint16Array(pairTerms.length)
    const filled = this.starts.slice(0, frequency.length)
    for (let doc = 0; doc < ids.length; doc++) {
      for (let p = pairStarts[doc]!; p < pairStarts[doc + 1]!; p++) {
        const at = filled[pairTerms[p]!]!++
        this.docs[at] = doc
        this.counts[at] = pairCounts[p]!
      }
    }
    this.ids = Int32Array.from(ids)
    this.lengths = Float32Array.from(lengths)
    this.averageLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length)
    this.scores = new Float64Array(ids.length)
  }

  get size(): number {
    return this.ids.length
  }

  /** The `limit` entries with the highest BM25 for `query`'s content words, best first. */
  search(query: string, limit: number): Recalled[] {
    const n = this.ids.length
    const { k1, b } = this.bm25
    const touched: number[] = []
    for (const word of new Set(contentWords(query).map(stem))) {
      const term = this.terms.get(word)
      if (term === undefined) continue
      const from = this.starts[term]!
      const to = this.starts[term + 1]!
      const idf = Math.log(1 + (n - (to - from) + 0.5) / (to - from + 0.5))
      for (let i = from; i < to; i++) {
        const doc = this.docs[i]!
        const tf = this.counts[i]!
        if (this.scores[doc] === 0) touched.push(doc)
        this.scores[doc]! += (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * this.lengths[doc]!) / this.averageLength))
      }
    }
    const best = topK(touched, this.scores, limit).map((doc) => ({ id: this.ids[doc]!, score: this.scores[doc]! }))
    for (const doc of touched) this.scores[doc] = 0
    return best
  }
}

/** The `k` documents of `docs` with the highest scores, highest first (ties: lower document first). */
function topK(docs: readonly number[], scores: Float64Array, k: number): number[] {
  if (docs.length <= k * 4) return [...docs].sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, k)
  // Keep a small sorted list; most documents fall below its last entry and cost one comparison.
  const kept: number[] = []
  for (const doc of docs) {
    const s = scores[doc]!
    if (kept.length === k && s <= scores[kept[k - 1]!]!) continue
    let at = kept.length
    while (at > 0 && (scores[kept[at - 1]!]! < s || (scores[kept[at - 1]!]! === s && kept[at - 1]! > doc))) at--
    kept.splice(at, 0, doc)
    if (kept.length > k) kept.pop()
  }
  return kept
}
