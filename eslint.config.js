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
 * never one above and never a neighbour on its own floor. Beside report sit
 * team (sync applies colleagues' events through the service's records) and
 * assist (the models' training, which reads the service's tables; only
 * scripts and benchmarks run it).
 */
const mainFloors = [
  { floor: 'shells', folders: ['src/main/electron', 'src/main/serve', 'src/main/cli'] },
  { floor: 'library', folders: ['src/main/library'] },
  { floor: 'operations', folders: ['src/main/operations'] },
  { floor: 'report, team and assist', folders: ['src/main/report', 'src/main/team', 'src/main/assist'] },
  { floor: 'service', folders: ['src/main/service'] },
  { floor: 'store and import', folders: ['src/main/store', 'src/main/import'] }
]
const mainFolders = mainFloors.flatMap((f) => f.folders)

/** The packages each folder of src/main may import, beyond Node's own modules and better-sqlite3. */
const mainPackages = {
  'src/main/electron': ['electron'],
  'src/main/operations': ['zod'],
  'src/main/import': ['@mozilla/readability', 'linkedom', 'mammoth', 'jszip', 'pdfjs-dist'],
  'src/main/report': ['parse5'],
  'src/main/team': ['pg', 'zod']
}

/** Rows a folder of src/main may import besides the floors below it. */
const mainExtra = {
  // The desktop app finds the Electron build of SQLite where `npm run native:electron` put it.
  'src/main/electron': ['native paths']
}

/** Test helpers and fixtures: for tests, benchmarks and scripts, never for production code. */
const testSupport = ['src/main/testing', 'src/main/report/fixture', 'src/main/import/fixtures']

/** The scripts' modules that tests, benchmarks and the e2e suite share: Electron's binary, the built host, native ABIs. */
const scriptModules = ['scripts/electron', 'scripts/host', 'scripts/native-abi']

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
      may: [...mainFloors.slice(level + 1).flatMap((below) => below.folders), 'src/shared', ...(mainExtra[folder] ?? [])],
      packages: [...nodeSide, ...(mainPackages[folder] ?? [])],
      why: order
    }))
  ),
  {
    name: 'test helpers',
    paths: testSupport,
    may: [...mainFolders, 'src/shared'],
    packages: [...nodeSide, 'vitest', 'pg', 'jszip'],
    why: 'Test helpers and fixtures serve tests.'
  },
  // Tests, beside the code they test: their own side, and the test helpers.
  {
    name: 'src/main tests',
    tests: true,
    paths: ['src/main'],
    may: ['test helpers', ...mainFolders, 'src/shared', 'native paths', 'script modules', 'the SQLite binding lookup'],
    packages: [...nodeSide, ...Object.values(mainPackages).flat(), 'vitest', 'fast-check', 'ajv', 'playwright-core']
  },
  { name: 'src/renderer tests', tests: true, paths: ['src/renderer'], may: ['src/renderer', 'src/shared'], packages: ['vitest', 'react', 'react-dom', 'prosemirror-*'] },
  { name: 'src/shared tests', tests: true, paths: ['src/shared'], may: ['src/shared'], packages: ['vitest', 'zod', 'approx-string-match'] },
  {
    name: 'repository tests',
    tests: true,
    paths: ['src', 'scripts'],
    may: ['test helpers', 'native paths', 'script modules'],
    packages: ['vitest', 'eslint', 'node:*', 'electron-builder', '@electron/asar', '@electron/fuses'],
    why: 'Tests of the repository as a whole (layering, packaging, native builds) read files and run tools.'
  },
  {
    name: 'bench',
    paths: ['bench'],
    may: [...mainFolders, 'test helpers', 'src/shared', 'script modules'],
    packages: [...nodeSide, '@playwright/test', 'vite', 'prosemirror-*', '@mozilla/readability', 'linkedom', 'pg', 'pg-copy-streams'],
    why: 'Benchmarks run the real code: any of src/main and src/shared, bare libraries beside it, and the built host through scripts/host.mjs.'
  },
  {
    name: 'e2e',
    paths: ['e2e'],
    may: ['src/shared', 'script modules', 'the SQLite binding lookup', 'test helpers'],
    packages: ['node:*', '@playwright/test', '@axe-core/playwright'],
    why: 'End-to-end tests drive the built app (started through scripts/host.mjs), never main-process code.'
  },
  {
    name: 'scripts',
    paths: ['scripts'],
    may: ['script modules', 'native paths', 'src/main/library', 'src/main/operations', 'src/main/store', 'src/main/team', 'src/main/assist', 'test helpers'],
    packages: [...nodeSide, 'vite', '@doyensec/electronegativity', '@electron/rebuild', 'electron'],
    why: 'Scripts run the built app or a tool; those that run source (training, team durability) open a library as the app does.'
  },
  // Single files with a row of their own, so that only they cross a line.
  { name: 'script modules', paths: scriptModules, may: [], packages: ['node:*', 'node-abi'] },
  { name: 'native paths', paths: ['scripts/native-paths'], may: [], packages: ['node:*'], why: 'It only names where the Electron build of SQLite lies.' },
  {
    name: 'the SQLite binding lookup',
    paths: ['src/main/electron/binding'],
    may: ['native paths'],
    packages: ['node:*'],
    why: 'The Electron e2e project asks it where the app will load SQLite from.'
  },
  { name: 'lint', paths: ['lint', 'eslint.config'], may: [], packages: ['node:*', 'typescript-eslint'] }
]
// src/main itself holds only tests (api, fuzz): production code lives in a folder of a floor.
layers.push({ name: 'src/main', paths: ['src/main'], may: [], packages: [], why: `Put production code in a folder of a floor. ${order}` })
// The electron shell may import its own binding lookup, which is a row of its own.
layers.find((layer) => layer.name === 'src/main/electron').may.push('the SQLite binding lookup')

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

