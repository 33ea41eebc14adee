/**
 * Check-worthiness: a logistic-regression model over `features.ts`, trained by
 * `npm run train:worthiness` and shipped as JSON in the bundle (no download).
 * Scoring is pure, so the app, the host and the `factmark` command rank alike.
 */
import { CUE_FEATURES, FEATURE_COUNT, HASH_BUCKETS, features, type Features } from './features'
import { BLOCK_SEPARATOR } from '../article'
import { sentences } from '../sentences'
import shipped from './worthiness-model.json'

export interface WorthinessModel {
  /** What the weights were trained on and how, for whoever opens the file. */
  about: string
  cues: readonly string[]
  hashBuckets: number
  weights: readonly number[]
}

/** A sentence of a text with its check-worthiness, offsets in UTF-16 code units of that text. */
export interface ScoredSentence {
  start: number
  end: number
  text: string
  /** Probability-like, 0–1: higher is more worth checking. */
  score: number
}

/** Checks that a model file matches these features; throws naming the mismatch. */
export function loadModel(json: unknown): WorthinessModel {
  const model = json as Partial<WorthinessModel>
  if (!model || typeof model !== 'object') throw new Error('check-worthiness model: not an object')
  if (model.hashBuckets !== HASH_BUCKETS) throw new Error(`check-worthiness model: ${model.hashBuckets} hash buckets, features use ${HASH_BUCKETS}`)
  if (!Array.isArray(model.cues) || model.cues.join() !== CUE_FEATURES.join()) throw new Error('check-worthiness model: its cues differ from the features')
  if (!Array.isArray(model.weights) || model.weights.length !== FEATURE_COUNT || model.weights.some((w) => typeof w !== 'number' || !Number.isFinite(w))) {
    throw new Error(`check-worthiness model: expected ${FEATURE_COUNT} finite weights`)
  }
  return model as WorthinessModel
}

let cached: WorthinessModel | null = null
/** The model shipped with Factmark. */
export function shippedModel(): WorthinessModel {
  cached ??= loadModel(shipped)
  return cached
}

/** The linear score of a feature vector. */
export function linear(weights: readonly number[], vector: Features): number {
  let sum = 0
  for (const [index, value] of vector) sum += weights[index]! * value
  return sum
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x))
}

/** How worth checking one sentence is, 0–1. */
export function worthiness(sentence: string, model: WorthinessModel = shippedModel()): number {
  return sigmoid(linear(model.weights, features(sentence)))
}

/**
 * Every sentence of `text` (sentence snapping's segmentation, within each
 * block, as in `sentenceInDocument`), highest score first; ties keep reading order.
 */
export function rankSentences(text: string, language?: string | null, model: WorthinessModel = shippedModel()): ScoredSentence[] {
  const scored: ScoredSentence[] = []
  let blockStart = 0
  for (const block of text.split(BLOCK_SEPARATOR)) {
    for (const span of sentences(block, language)) {
      const sentence = block.slice(span.start, span.end)
      scored.push({ start: blockStart + span.start, end: blockStart + span.end, text: sentence, score: worthiness(sentence, model) })
    }
    blockStart += block.length + BLOCK_SEPARATOR.length
  }
  return scored.sort((a, b) => b.score - a.score || a.start - b.start)
}
