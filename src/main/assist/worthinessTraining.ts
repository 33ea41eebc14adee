/**
 * Training and evaluating the check-worthiness model on CLEF 2019 CheckThat!
 * task 1 transcripts: logistic regression by AdaGrad SGD with L2, a fixed seed
 * and a fixed order, so the same data always gives the same weights. Used by
 * `npm run train:worthiness` and by the assist benchmark.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CUE_FEATURES, FEATURE_COUNT, HASH_BUCKETS, features, type Features } from '../../shared/assist/features'
import { linear, type WorthinessModel } from '../../shared/assist/worthiness'

export interface Transcript {
  name: string
  sentences: { text: string; label: 0 | 1 }[]
}

export const WORTHINESS_DATA = '../shared/datasets/checkworthiness-clef2019'

/** The transcripts of a CLEF 2019 task 1 folder, in file-name order. */
export function readTranscripts(dir: string): Transcript[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.tsv'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.tsv$/u, ''),
      sentences: readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => {
          const [, , text = '', label] = line.split('\t')
          return { text, label: label?.trim() === '1' ? (1 as const) : (0 as const) }
        })
    }))
}

export interface TrainingOptions {
  epochs: number
  /** L2 penalty per example step. */
  l2: number
  learningRate: number
  /** Weight of a check-worthy example against a plain one (they are about 2 %). */
  positiveWeight: number
  seed: number
}

export const TRAINING: TrainingOptions = { epochs: 6, l2: 1e-4, learningRate: 0.1, positiveWeight: 5, seed: 13 }

/** mulberry32: a small seeded generator, so shuffles repeat exactly. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Logistic regression weights for the transcripts' sentences. */
export function trainWorthiness(transcripts: readonly Transcript[], options: TrainingOptions = TRAINING): number[] {
  const examples: { x: Features; y: number }[] = transcripts.flatMap((t) => t.sentences.map((s) => ({ x: features(s.text), y: s.label })))
  const weights = new Float64Array(FEATURE_COUNT)
  const squared = new Float64Array(FEATURE_COUNT).fill(1e-8)
  const random = seeded(options.seed)
  const order = examples.map((_, i) => i)
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    for (const index of order) {
      const { x, y } = examples[index]!
      let z = 0
      for (const [k, v] of x) z += weights[k]! * v
      const p = 1 / (1 + Math.exp(-z))
      const g = (p - y) * (y === 1 ? options.positiveWeight : 1)
      for (const [k, v] of x) {
        const grad = g * v + options.l2 * weights[k]!
        squared[k]! += grad * grad
        weights[k]! -= (options.learningRate * grad) / Math.sqrt(squared[k]!)
      }
    }
  }
  return Array.from(weights, (w) => Number(w.toPrecision(4)))
}

export function modelFrom(weights: number[], about: string): WorthinessModel {
  return { about, cues: CUE_FEATURES, hashBuckets: HASH_BUCKETS, weights }
}

/** Average precision of a ranking of labels (1 relevant), best first. */
export function averagePrecision(ranked: readonly number[]): number {
  let hits = 0
  let sum = 0
  ranked.forEach((label, i) => {
    if (label === 1) sum += ++hits / (i + 1)
  })
  return hits ? sum / hits : 0
}

/** MAP of a scorer over transcripts: each transcript's sentences ranked by score (ties in reading order). */
export function meanAveragePrecision(transcripts: readonly Transcript[], score: (text: string, transcript: Transcript) => number): number {
  const aps = transcripts.map((t) => {
    const ranked = t.sentences
      .map((s, i) => ({ label: s.label, score: score(s.text, t), i }))
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .map((s) => s.label)
    return averagePrecision(ranked)
  })
  return aps.reduce((a, b) => a + b, 0) / aps.length
}

/** Leave-one-transcript-out MAP: train on all but one, rank the one left out, average. */
export function leaveOneTranscriptOut(transcripts: readonly Transcript[], options: TrainingOptions = TRAINING): number {
  const aps = transcripts.map((held) => {
    const weights = trainWorthiness(
      transcripts.filter((t) => t !== held),
      options
    )
    return meanAveragePrecision([held], (text) => linear(weights, features(text)))
  })
  return aps.reduce((a, b) => a + b, 0) / aps.length
}

/** The bare heuristic the task's organisers mention: sentences with digits first, longer first. */
export function digitsAndLength(text: string): number {
  return (/\d/u.test(text) ? 1000 : 0) + text.length / 1000
}

/** A seeded random ranking: the floor every method should clear. */
export function randomScorer(seed = 13): (text: string) => number {
  const random = seeded(seed)
  return () => random()
}
