/**
 * The layering rule is a lint rule (lint/layering.js, its table in
 * eslint.config.js): prove that each of its rules fires, and lets the
 * allowed imports through.
 */
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint()

/** The layering messages for `code` as if it were the file `file`. */
async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: file })
  return result!.messages.filter((m) => m.ruleId === 'layers/allowlist').map((m) => m.message)
}
const imports = (file: string, specifier: string) => lint(file, `import { x } from '${specifier}'\nexport { x }`)
const refused = async (file: string, specifier: string) => expect(await imports(file, specifier), `${file} → ${specifier}`).toHaveLength(1)
const allowed = async (file: string, specifier: string) => expect(await imports(file, specifier), `${file} → ${specifier}`).toEqual([])

describe('layering', () => {
  it('keeps Node, Electron and main-process code out of the renderer', async () => {
    await refused('src/renderer/x.ts', 'node:fs')
    await refused('src/renderer/x.ts', 'fs')
    await refused('src/renderer/x.ts', 'electron')
    await refused('src/renderer/x.ts', '../main/store/database')
    await refused('src/renderer/x.ts', '../preload/index')
    await allowed('src/renderer/x.ts', 'react-dom/client')
    await allowed('src/renderer/x.ts', 'prosemirror-view')
    await allowed('src/renderer/library/x.ts', '../../shared/api')
  })

  it('keeps src/shared pure: itself, zod and approx-string-match, no other package', async () => {
    await refused('src/shared/x.ts', 'node:path')
    await refused('src/shared/x.ts', 'prosemirror-view')
    await refused('src/shared/x.ts', 'left-pad')
    await refused('src/shared/x.ts', '../main/store/database')
    await allowed('src/shared/x.ts', 'zod')
    await allowed('src/shared/report/x.ts', '../status')
    const [message] = await imports('src/shared/x.ts', 'left-pad')
    expect(message).toBe(
      'src/shared may not import the package "left-pad": it may import nothing outside itself; packages: zod, approx-string-match. ' +
        'src/shared is pure TypeScript: no Node, no DOM, no Electron. The layers are the table in eslint.config.js.'
    )
  })

  it("lets only src/main/electron and the preload import 'electron'", async () => {
    await refused('src/main/service/x.ts', 'electron')
    await refused('src/main/serve/x.ts', 'electron')
    await allowed('src/main/electron/x.ts', 'electron')
    await allowed('src/preload/x.ts', 'electron')
    await refused('src/preload/x.ts', '../main/operations/dispatch')
  })

  it('orders src/main: shells → library → operations → report → service → store and import → shared', async () => {
    // Down is allowed, from every floor.
    await allowed('src/main/cli/x.ts', '../library/library')
    await allowed('src/main/electron/x.ts', '../operations/dispatch')
    await allowed('src/main/library/x.ts', '../operations/service')
    await allowed('src/main/operations/x.ts', '../report/export')
    await allowed('src/main/report/x.ts', '../service/claims')
    await allowed('src/main/team/x.ts', '../service/deleting')
    await allowed('src/main/operations/x.ts', '../team/sync')
    await allowed('src/main/service/x.ts', '../store/database')
    await allowed('src/main/service/x.ts', '../import/readers')
    await allowed('src/main/import/x.ts', '../../shared/api')
    // Up is refused, from every floor.
    await refused('src/main/library/x.ts', '../cli/main')
    await refused('src/main/operations/x.ts', '../library/library')
    await refused('src/main/report/x.ts', '../operations/service')
    await refused('src/main/service/x.ts', '../report/export')
    await refused('src/main/store/x.ts', '../service/claims')
    await refused('src/main/service/x.ts', '../team/sync')
    await refused('src/main/import/x.ts', '../library/library')
    // So are neighbours on one floor.
    await refused('src/main/electron/x.ts', '../serve/host')
    await refused('src/main/import/x.ts', '../store/database')
    await refused('src/main/report/x.ts', '../team/sync')
    const [message] = await imports('src/main/service/x.ts', '../report/export')
    expect(message).toMatch(/^src\/main\/service may not import src\/main\/report \("\.\.\/report\/export"\): it may import src\/main\/store, src\/main\/import, /)
    expect(message).toContain('Inside src/main imports point down: shells → library → operations → report, team and assist → service → store and import → src/shared.')
  })

  it('gives each folder of src/main only its own packages', async () => {
    await allowed('src/main/import/x.ts', 'linkedom')
    await refused('src/main/service/x.ts', 'linkedom')
    await allowed('src/main/team/x.ts', 'pg')
    await refused('src/main/store/x.ts', 'pg')
    await refused('src/main/store/x.ts', 'react')
  })

  it('keeps test helpers and fixtures out of production code, and lets tests use them', async () => {
    await refused('src/main/service/x.ts', '../testing/temp')
    await refused('src/main/library/x.ts', '../report/fixture')
    await refused('src/main/import/x.ts', './fixtures/read')
    await allowed('src/main/service/x.test.ts', '../testing/temp')
    await allowed('src/main/import/x.test.ts', './fixtures/read')
    await allowed('src/main/store/x.test.ts', '../library/library')
    await refused('src/renderer/x.test.ts', '../main/testing/temp')
  })

  it('keeps production code out of src/main itself: it must sit on a floor', async () => {
    await refused('src/main/x.ts', './store/database')
    await refused('src/main/newfolder/x.ts', '../store/database')
  })

  it('has rules for bench, e2e and scripts', async () => {
    await allowed('bench/x.bench.ts', '../src/main/library/library')
    await allowed('bench/x.bench.ts', '../src/main/testing/report')
    await refused('bench/x.bench.ts', '../src/renderer/App')
    await refused('bench/x.bench.ts', 'react')
    await allowed('e2e/x.spec.ts', '@playwright/test')
    await allowed('e2e/support/x.ts', '../../scripts/host.mjs')
    await refused('e2e/x.spec.ts', '../src/main/library/library')
    await refused('e2e/x.spec.ts', 'better-sqlite3')
    await refused('e2e/x.spec.ts', '../src/main/electron/index')
    await allowed('e2e/support/x.ts', '../../src/main/electron/binding')
    await allowed('scripts/x.mjs', 'node:child_process')
    await allowed('scripts/x.ts', '../src/main/library/library')
    await refused('scripts/x.mjs', '../src/main/service/claims')
    await refused('scripts/x.mjs', '../src/main/electron/index')
    await refused('scripts/x.mjs', 'react')
  })

  it('lets single files cross a line only where their own row says', async () => {
    // Where the Electron build of SQLite lies: the desktop shell and the native build script, not the browser host.
    await allowed('src/main/electron/binding.ts', '../../../scripts/native-paths.mjs')
    await refused('src/main/serve/x.ts', '../../../scripts/native-paths.mjs')
    // The scripts' shared modules take nothing from the app.
    await refused('scripts/host.mjs', '../src/main/library/library')
    await refused('scripts/electron.mjs', 'react')
    // Both shells serve the renderer's files; the table of their content types is shared, not one shell's.
    await refused('src/main/electron/x.ts', '../serve/host')
    await allowed('src/main/electron/x.ts', '../../shared/contentTypes')
  })

  it('checks re-exports and dynamic imports too', async () => {
    expect(await lint('src/shared/x.ts', "export * from '../main/store/database'")).toHaveLength(1)
    expect(await lint('src/shared/x.ts', "export const load = () => import('node:fs')")).toHaveLength(1)
  })
})
