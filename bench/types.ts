/**
 * A benchmark measures one of Factmark's figures beside a bare baseline taken
 * in the same run (bare ProseMirror, bare SQLite…), so the ratio holds on a
 * noisy machine. Each bench module exports `run(): Promise<BenchResult[]>`.
 */
export interface BenchResult {
  /** What was measured, in the analyst's words. */
  name: string
  unit: 'ms' | 'MB' | 'MAP' | 'MAP@5' | 'F1'
  /** Factmark's figure (median of the runs). */
  measured: number
  /** The bare baseline's figure, same unit, same run. */
  baseline: number
  /** The ratio measured/baseline we aim for, if there is one. */
  goal?: number
  /** For quality figures (higher is better): the figure we aim to reach, if there is one. */
  atLeast?: number
  /** For a time with a fixed budget (a frame): the figure we aim to stay under, if there is one. */
  atMost?: number
  /** Counts or remarks worth printing (e.g. how many claims were orphaned). */
  notes?: string
}

export type Bench = () => Promise<BenchResult[]>

/** Median wall time of `fn` over `runs` runs, in milliseconds. */
export async function medianMs(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}
