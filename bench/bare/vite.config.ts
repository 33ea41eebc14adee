import { resolve } from 'node:path'
import { defineConfig } from 'vite'

/** Builds the bare baseline page into out/bench-bare (bench/scale.bench.ts serves it). */
export default defineConfig({
  root: resolve(import.meta.dirname),
  logLevel: 'warn',
  // Its own cache: the default (node_modules/.vite) is watched by the vite-node server running the benchmarks.
  cacheDir: resolve(import.meta.dirname, '../../out/bench-bare-cache'),
  build: { outDir: resolve(import.meta.dirname, '../../out/bench-bare'), emptyOutDir: true }
})
