// Lint, including the layering rule: who may import whom (see README, "Layers").
import tseslint from 'typescript-eslint'

const node = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'better-sqlite3']

/** Forbids imports matching `patterns`, with a message naming the layer rule. */
const forbid = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }]
})

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'native/**', 'bench-results/**', 'dist/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['src/shared/**'],
    rules: forbid(
      [...node, 'electron', 'react', 'react-dom', 'prosemirror-*', '**/main/**', '**/renderer/**', '**/preload/**'],
      'src/shared is pure TypeScript: it imports only src/shared (and zod).'
    )
  },
  {
    files: ['src/renderer/**'],
    rules: forbid(
      [...node, 'electron', '**/main/**', '**/preload/**'],
      'The renderer talks only to the API object: no Node, no Electron, no main-process code.'
    )
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/electron/**'],
    rules: forbid(['electron', 'electron/*', '**/renderer/**', '**/preload/**'], "Only src/main/electron may import 'electron'.")
  },
  {
    files: ['src/main/electron/**'],
    rules: forbid(['**/renderer/**', '**/preload/**'], 'The main process does not import renderer or preload code.')
  },
  {
    files: ['src/preload/**'],
    rules: forbid([...node, '**/main/**', '**/renderer/**'], 'The preload exposes one object through contextBridge; nothing else.')
  }
)
