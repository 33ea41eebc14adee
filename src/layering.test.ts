/** The layering rule is a lint rule; prove that it fails on a forbidden import. */
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint()

async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file })
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('layering', () => {
  it('keeps Node and Electron out of the renderer', async () => {
    expect(await lint('src/renderer/x.ts', "import { readFileSync } from 'node:fs'\nreadFileSync")).toHaveLength(1)
    expect(await lint('src/renderer/x.ts', "import { ipcRenderer } from 'electron'\nipcRenderer")).toHaveLength(1)
    expect(await lint('src/renderer/x.ts', "import { openDatabase } from '../main/store/database'\nopenDatabase")).toHaveLength(1)
  })
  it('keeps src/shared pure', async () => {
    expect(await lint('src/shared/x.ts', "import { join } from 'node:path'\njoin")).toHaveLength(1)
    expect(await lint('src/shared/x.ts', "import { EditorView } from 'prosemirror-view'\nEditorView")).toHaveLength(1)
    expect(await lint('src/shared/x.ts', "import { z } from 'zod'\nz")).toHaveLength(0)
  })
  it("lets only src/main/electron import 'electron'", async () => {
    expect(await lint('src/main/service/x.ts', "import { app } from 'electron'\napp")).toHaveLength(1)
    expect(await lint('src/main/electron/x.ts', "import { app } from 'electron'\napp")).toHaveLength(0)
  })
})
