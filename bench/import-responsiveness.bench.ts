/**
 * The host stays responsive while it imports a hostile page: `listDocuments`
 * is called every 20 ms over HTTP on the built host (out/main/host.js) while
 * it imports a page of 1,000 nested <div>s, one of 19,000 nested elements
 * (the deepest the reader parses) and one of 100,000 (refused before
 * parsing), each repeated back to back for at least 3 s so that the calls
 * made during imports are as many as the idle ones; its p99 answer time is printed beside the same calls made to the
 * idle host, in the same run. Goal: p99 ≤ 100 ms during the import. (Before
 * the reader worker, the first import froze the host's only event loop for
 * 14.5 s and the second never finished.)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBuiltHost, type BuiltHost } from '../scripts/host.mjs'
import type { BenchResult } from './types'

const PERIOD_MS = 20

function nestedPage(depth: number, open: string, close: string): string {
  return `<!doctype html><html><head><title>Deep</title></head><body>${open.repeat(depth)}A sentence at the bottom.${close.repeat(depth)}</body></html>`
}

/** Answer times of listDocuments, one call every PERIOD_MS, until `done` settles (or for `idleMs`). */
async function sample(call: BuiltHost['call'], until: Promise<unknown> | number): Promise<number[]> {
  const times: number[] = []
  let finished = false
  if (typeof until === 'number') setTimeout(() => (finished = true), until)
  else void until.finally(() => (finished = true))
  while (!finished) {
    const start = performance.now()
    await call('listDocuments', {})
    times.push(performance.now() - start)
    await new Promise((resolve) => setTimeout(resolve, PERIOD_MS))
  }
  return times
}

function p99(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? NaN
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'factmark-bench-responsive-'))
  const host = await startBuiltHost(dir)
  try {
    const call = host.call
    await call('importDocument', { source: { kind: 'text', text: 'A document, so the library is not empty.', format: 'text' } })
    const results: BenchResult[] = []
    const hostile: [string, string][] = [
      ['1,000 nested <div>s', nestedPage(1000, '<div>', '</div>')],
      // The deepest page the reader still parses (nesting.ts), the longest hostile import there is.
      ['19,000 nested elements', nestedPage(9_500, '<div><span>', '</span></div>')],
      // Refused before parsing: the import ends at once, as it should.
      ['100,000 nested elements', nestedPage(50_000, '<div><span>', '</span></div>')]
    ]
    for (const [name, html] of hostile) {
      const idle = await sample(call, 3000)
      const data = Buffer.from(html).toString('base64')
      const importOnce = () => call('importDocument', { source: { kind: 'file', fileName: 'deep.html', data } }) as Promise<{ ok: boolean; error?: { message: string } }>
      // A short import is repeated back to back for as long as the idle sample, so both have as many calls.
      const started = performance.now()
      const outcomes: { ok: boolean; error?: { message: string } }[] = []
      let took = ''
      const importing = (async () => {
        do {
          outcomes.push(await importOnce())
          took ||= ((performance.now() - started) / 1000).toFixed(2)
        } while (performance.now() - started < 3000)
      })()
      const during = await sample(call, importing)
      const outcome = outcomes[0]!
      const imports = outcomes.length
      results.push({
        name: `listDocuments p99 while importing ${name}`,
        unit: 'ms',
        measured: p99(during),
        baseline: p99(idle),
        notes: `goal p99 ≤ 100 ms; ${during.length} calls beside ${idle.length} idle; ${imports} import(s), each ${outcome.ok ? 'done' : `refused (${outcome.error?.message})`}, the first in ${took} s`
      })
    }

    return results
  } finally {
    await host.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
