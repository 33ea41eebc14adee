/**
 * Claim assist. Check-worthiness: leave-one-transcript-out MAP on the CLEF
 * 2019 training transcripts beside the digits-and-length heuristic (and a
 * random ranking), and the time to rank a 10,000-word article beside
 * segmenting it alone.
 */
import { resolve } from 'node:path'
import { rankSentences } from '../src/shared/assist/worthiness'
import { sentences } from '../src/shared/sentences'
import {
  WORTHINESS_DATA,
  digitsAndLength,
  leaveOneTranscriptOut,
  meanAveragePrecision,
  randomScorer,
  readTranscripts
} from '../src/main/assist/worthinessTraining'
import { medianMs, type BenchResult } from './types'

const root = resolve(import.meta.dirname, '..')

export async function run(): Promise<BenchResult[]> {
  const transcripts = readTranscripts(resolve(root, WORTHINESS_DATA))
  const loto = leaveOneTranscriptOut(transcripts)
  const heuristic = meanAveragePrecision(transcripts, digitsAndLength)
  const random = meanAveragePrecision(transcripts, randomScorer())

  // A 10,000-word article: transcript sentences in order, five to a paragraph.
  const all = transcripts.flatMap((t) => t.sentences.map((s) => s.text))
  const picked: string[] = []
  let words = 0
  for (const sentence of all) {
    if (words >= 10_000) break
    picked.push(sentence)
    words += sentence.split(/\s+/u).length
  }
  const paragraphs: string[] = []
  for (let i = 0; i < picked.length; i += 5) paragraphs.push(picked.slice(i, i + 5).join(' '))
  const article = paragraphs.join('\n\n')
  const rank = await medianMs(9, () => rankSentences(article, 'en'))
  const segment = await medianMs(9, () => paragraphs.map((p) => sentences(p, 'en')))

  return [
    {
      name: 'check-worthiness MAP, leave-one-transcript-out (baseline: digits and length)',
      unit: 'MAP',
      measured: loto,
      baseline: heuristic,
      atLeast: 0.166,
      notes: `${transcripts.length} CLEF 2019 transcripts; random ranking ${random.toFixed(3)}`
    },
    {
      name: 'rank the sentences of a 10,000-word article (baseline: segmenting it alone)',
      unit: 'ms',
      measured: rank,
      baseline: segment,
      notes: `${picked.length} sentences, ${words} words; goal < 200 ms`
    }
  ]
}
