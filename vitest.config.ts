import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Each test file opens its own SQLite files in its own temp directory.
    pool: 'forks',
    // No test asserts a time (speed is for bench/); on a machine shared by many jobs a
    // first PDF parse or ESLint load can take far longer than vitest's default 5 s.
    testTimeout: 60_000
  }
})
