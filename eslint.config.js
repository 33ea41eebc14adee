// Lint, including the layering rule: who may import whom (see README, "Layers").
import tseslint from 'typescript-eslint'
import { layeringPlugin } from './lint/layering.js'

// ── Layers: an allowlist ─────────────────────────────────────────────────────
// Every file belongs to the row with the longest path that holds it. A row may
// import itself, the rows it names and the packages it names; nothing else.
// A new folder is one new row (or one more folder in a floor of src/main).

const nodeSide = ['node:*', 'better-sqlite3']

/**
 * src/main, top floor first. A folder may import the floors below its own,
 * never one above and never a neighbour on its own floor.
 */
const mainFloors = [
  { floor: 'shells', folders: ['src/main/electron', 'src/main/serve', 'src/main/cli'] },
  { floor: 'library', folders: ['src/main/library'] },
  { floor: 'operations', folders: ['src/main/operations'] },
  { floor: 'report', folders: ['src/main/report'] },
  { floor: 'service', folders: ['src/main/service'] },
  { floor: 'store and import', folders: ['src/main/store', 'src/main/import', 'src/main/team', 'src/main/assist'] }
]

/** The packages each folder of src/main may import, beyond Node's own modules and better-sqlite3. */
const mainPackages = {
  'src/main/electron': ['electron'],
  'src/main/import': ['@mozilla/readability', 'linkedom', 'mammoth', 'jszip', 'pdfjs-dist'],
  'src/main/report': ['parse5'],
  'src/main/team': ['pg', 'zod']
}

/** Test helpers and fixtures: for tests, benchmarks and scripts, never for production code. */
const testSupport = ['src/main/testing', 'src/main/report/fixture', 'src/main/import/fixtures']

const order = `Inside src/main imports point down: ${mainFloors.map((f) => f.floor).join(' → ')} → src/shared.`

const layers = [
  { name: 'src/shared', paths: ['src/shared'], may: [], packages: ['zod', 'approx-string-match'], why: 'src/shared is pure TypeScript: no Node, no DOM, no Electron.' },
  {
    name: 'src/renderer',
    paths: ['src/renderer'],
    may: ['src/shared'],
    packages: ['react', 'react-dom', 'prosemirror-*'],
    why: 'The renderer talks only to the API object: no Node, no Electron, no main-process code.'
  },
  { name: 'src/preload', paths: ['src/preload'], may: ['src/shared'], packages: ['electron'], why: 'The preload exposes one object through contextBridge; nothing else.' },
  ...mainFloors.flatMap(({ folders }, level) =>
    folders.map((folder) => ({
      name: folder,
      paths: [folder],
      may: [...mainFloors.slice(level + 1).flatMap((below) => below.folders), 'src/shared'],
      packages: [...nodeSide, ...(mainPackages[folder] ?? [])],
      why: order
    }))
  ),
  {
    name: 'test helpers',
    paths: testSupport,
    may: ['src/main', ...mainFloors.flatMap((f) => f.folders), 'src/shared'],
    packages: [...nodeSide, 'vitest', 'pg'],
    why: 'Test helpers and fixtures serve tests.'
  },
  // Tests, under their own folders: anything of their side, and the test helpers.
  {
    name: 'src/main tests',
    tests: true,
    paths: ['src/main'],
    may: ['test helpers', ...mainFloors.flatMap((f) => f.folders), 'src/shared'],
    packages: [...nodeSide, ...Object.values(mainPackages).flat(), 'vitest', 'fast-check', 'zod']
  },
  { name: 'src/renderer tests', tests: true, paths: ['src/renderer'], may: ['src/shared'], packages: ['vitest', 'react', 'react-dom', 'prosemirror-*'] },
  { name: 'src/shared tests', tests: true, paths: ['src/shared'], may: [], packages: ['vitest', 'zod', 'approx-string-match'] },
  { name: 'repository tests', tests: true, paths: ['src'], may: [], packages: ['vitest', 'eslint', 'node:*', 'electron-builder', 'ajv'] },
  {
    name: 'bench',
    paths: ['bench'],
    may: [...mainFloors.flatMap((f) => f.folders), 'test helpers', 'src/shared', 'scripts'],
    packages: [...nodeSide, '@playwright/test', 'vite', 'prosemirror-*'],
    why: 'Benchmarks run the real code: any of src/main and src/shared, and the scripts’ host starter.'
  },
  {
    name: 'e2e',
    paths: ['e2e'],
    may: ['src/shared', 'scripts'],
    packages: ['node:*', '@playwright/test'],
    why: 'End-to-end tests drive the built app (through scripts/host.mjs), never main-process code.'
  },
  {
    name: 'scripts',
    paths: ['scripts'],
    may: ['src/main/assist'],
    packages: [...nodeSide, '@doyensec/electronegativity', 'electron'],
    why: 'Scripts run the built app or a tool; only the model trainer imports source (src/main/assist).'
  },
  { name: 'lint', paths: ['lint', 'eslint.config'], may: [], packages: ['node:*', 'typescript-eslint'] }
]
// src/main itself holds only tests (api, fuzz): production code lives in a floor's folder.
layers.push({ name: 'src/main', paths: ['src/main'], may: [], packages: [], why: `Put production code in a folder of a floor. ${order}` })

const layering = layeringPlugin({ root: import.meta.dirname, layers })

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'native/**', 'bench-results/**', 'dist/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['src/**', 'bench/**', 'e2e/**', 'scripts/**', 'lint/**', 'eslint.config.js'],
    plugins: { layers: layering },
    rules: { 'layers/allowlist': 'error' }
  }
)

