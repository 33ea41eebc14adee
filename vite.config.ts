/**
 * The one config for code that runs from source: vitest, and every vite-node
 * entry (benchmarks, training, the team durability script, test helper
 * processes), which find this file by its default name, with no `--config`.
 * Worker entries (`?modulePath`) are bundled as electron-vite bundles them.
 * (The app's build is electron.vite.config.ts.)
 */
import { defineConfig } from 'vitest/config'
import { modulePath } from './scripts/modulePath'

export default defineConfig({
  plugins: [modulePath()],
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Each test file opens its own SQLite files in its own temp directory.
    pool: 'forks',
    // Imports run in worker threads, each loading its parsers: a busy machine needs more than 5 s for some tests.
    testTimeout: 30_000
  }
})
