/**
 * `npm run bench`: runs every bench module, prints a table of each figure
 * beside its baseline, and writes bench-results/latest.json.
 * Run one module with `npm run bench -- reanchor`.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import type { Bench, BenchResult } from './types'

const modules = import.meta.glob<{ run: Bench }>('./*.bench.ts')

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((arg) => !arg.startsWith('-'))
  const results: (BenchResult & { bench: string })[] = []
  for (const [path, load] of Object.entries(modules).sort()) {
    const bench = path.replace(/^\.\/|\.bench\.ts$/g, '')
    if (only.length && !only.includes(bench)) continue
    console.log(`… ${bench}`)
    const { run } = await load()
    for (const result of await run()) results.push({ bench, ...result })
  }
  const rows = results.map((r) => {
    const ratio = r.baseline > 0 ? r.measured / r.baseline : NaN
    return {
      benchmark: r.name,
      factmark: `${r.measured.toFixed(digits(r.unit))} ${r.unit}`,
      baseline: `${r.baseline.toFixed(digits(r.unit))} ${r.unit}`,
      ratio: ratio.toFixed(2),
      goal: r.atLeast !== undefined ? `≥ ${r.atLeast} ${r.unit}` : r.atMost !== undefined ? `≤ ${r.atMost} ${r.unit}` : r.goal === undefined ? '' : `≤ ${r.goal}`,
      verdict: verdict(r, ratio),
      notes: r.notes ?? ''
    }
  })
  console.table(rows)
  mkdirSync('bench-results', { recursive: true })
  const file = 'bench-results/latest.json'
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2))
  console.log(`Wrote ${file}`)
}

function verdict(r: BenchResult, ratio: number): string {
  if (r.atLeast !== undefined) return r.measured >= r.atLeast ? 'met' : 'MISSED'
  if (r.atMost !== undefined) return r.measured <= r.atMost ? 'met' : 'MISSED'
  return r.goal === undefined ? '' : ratio <= r.goal ? 'met' : 'MISSED'
}

/** Decimals to print: quality figures (MAP) need more than times. */
function digits(unit: BenchResult['unit']): number {
  return unit === 'MB' ? 1 : unit.startsWith('MAP') ? 3 : 2
}

// Awaited: vite-node closes its module server once this file's top level has run, and the benches load lazily.
await main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
