/**
 * `npm run train:worthiness`: trains the check-worthiness model on the CLEF
 * 2019 CheckThat! task 1 training transcripts and rewrites
 * src/shared/assist/worthiness-model.json. Fixed seed, fixed order: the same
 * data gives the same file. Prints leave-one-transcript-out MAP beside the
 * digits-and-length heuristic and a random ranking.
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import {
  TRAINING,
  WORTHINESS_DATA,
  digitsAndLength,
  leaveOneTranscriptOut,
  meanAveragePrecision,
  modelFrom,
  randomScorer,
  readTranscripts,
  trainWorthiness
} from '../src/main/assist/worthinessTraining'

const root = resolve(import.meta.dirname, '..')
const transcripts = readTranscripts(resolve(root, process.env.WORTHINESS_DATA ?? WORTHINESS_DATA))
const sentences = transcripts.reduce((n, t) => n + t.sentences.length, 0)
console.log(`${transcripts.length} transcripts, ${sentences} sentences`)

const weights = trainWorthiness(transcripts)
const about =
  `Logistic regression over src/shared/assist/features.ts, trained by scripts/train-worthiness.ts on the ` +
  `${transcripts.length} CLEF 2019 CheckThat! task 1 training transcripts (${sentences} sentences), options ${JSON.stringify(TRAINING)}.`
const file = resolve(root, 'src/shared/assist/worthiness-model.json')
writeFileSync(file, `${JSON.stringify(modelFrom(weights, about))}\n`)
console.log(`Wrote ${file}`)

if (!process.argv.includes('--no-cv')) {
  console.log('Leave-one-transcript-out MAP (each transcript ranked by a model trained on the others):')
  console.log(`  model              ${leaveOneTranscriptOut(transcripts).toFixed(4)}`)
  console.log(`  digits and length  ${meanAveragePrecision(transcripts, digitsAndLength).toFixed(4)}`)
  console.log(`  random             ${meanAveragePrecision(transcripts, randomScorer()).toFixed(4)}`)
}
