/**
 * Article extraction quality on the Scrapinghub/Zyte article-extraction
 * benchmark (github.com/scrapinghub/article-extraction-benchmark, MIT: 181
 * real pages with ground-truth article bodies; vendored in bench/extraction
 * with its LICENSE). The F1 is evaluate.py's, reimplemented exactly: \w+
 * tokens, 4-token shingles counted as multisets, each page's TP/FP/FN
 * normalised to sum 1, precision and recall averaged over pages, F1 from the
 * two means. Factmark (its page extraction, the text it stores) beside bare
 * Readability.js with its default settings on the same linkedom DOM, same run.
 * Goal: F1 ≥ 0.97 (Readability.js 0.6.0 is listed at 0.947). The pages are
 * also scored in two halves (by the first byte of their id), so a rule that
 * helps only a few pages shows as a gap between the halves.
 */
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { readFileSync } from 'node:fs'
import { brotliDecompressSync } from 'node:zlib'
import { articleText } from '../src/shared/article'
import { extractPage } from '../src/main/import/page'
import type { BenchResult } from './types'

type Counts = [number, number, number]

const tokens = (text: string): string[] => text.match(/[\p{L}\p{N}_]+/gu) ?? []

function shingles(text: string): Map<string, number> {
  const list = tokens(text)
  const out = new Map<string, number>()
  for (let i = 0; i < Math.max(1, list.length - 4 + 1); i++) {
    const shingle = list.slice(i, i + 4)
    if (!shingle.length) continue
    const key = shingle.join('\u0000')
    out.set(key, (out.get(key) ?? 0) + 1)
  }
  return out
}

function matching(truth: string, predicted: string): Counts {
  const t = shingles(truth)
  const p = shingles(predicted)
  let tp = 0
  let fp = 0
  let fn = 0
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(key) ?? 0
    const b = p.get(key) ?? 0
    tp += Math.min(a, b)
    fp += Math.max(0, b - a)
    fn += Math.max(0, a - b)
  }
  const sum = tp + fp + fn
  return sum > 0 ? [tp / sum, fp / sum, fn / sum] : [tp, fp, fn]
}

const precision = ([tp, fp, fn]: Counts) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp))
const recall = ([tp, fp, fn]: Counts) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn))
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length

function f1(counts: Counts[]): { f1: number; precision: number; recall: number } {
  const p = mean(counts.filter(([tp, fp]) => tp + fp > 0).map(precision))
  const r = mean(counts.filter(([tp, , fn]) => tp + fn > 0).map(recall))
  return { f1: (2 * p * r) / (p + r), precision: p, recall: r }
}

function bareReadability(html: string): string {
  try {
    const { document } = parseHTML(html)
    return new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse()?.textContent ?? ''
  } catch {
    return ''
  }
}

export async function run(): Promise<BenchResult[]> {
  const pages = JSON.parse(brotliDecompressSync(readFileSync('bench/extraction/pages.json.br')).toString('utf8')) as Record<
    string,
    { html: string; articleBody: string }
  >
  const factmark: Counts[] = []
  const bare: Counts[] = []
  for (const { html, articleBody } of Object.values(pages)) {
    let text = ''
    try {
      text = articleText(extractPage(html, 'https://fake-url.com/').content)
    } catch {
      text = ''
    }
    factmark.push(matching(articleBody, text))
    bare.push(matching(articleBody, bareReadability(html)))
  }
  const ours = f1(factmark)
  const theirs = f1(bare)
  const ids = Object.keys(pages)
  const half = (counts: Counts[], odd: number) => f1(counts.filter((_, i) => parseInt(ids[i]!.slice(0, 2), 16) % 2 === odd)).f1.toFixed(3)
  await Promise.resolve()
  return [
    {
      name: `Article extraction F1, ${factmark.length} pages (Readability.js defaults as baseline)`,
      unit: 'F1',
      measured: ours.f1,
      baseline: theirs.f1,
      atLeast: 0.97,
      notes:
        `precision ${ours.precision.toFixed(3)} / recall ${ours.recall.toFixed(3)}; bare: ${theirs.precision.toFixed(3)} / ${theirs.recall.toFixed(3)}; ` +
        `halves ${half(factmark, 0)} / ${half(factmark, 1)}, bare ${half(bare, 0)} / ${half(bare, 1)}`
    }
  ]
}
