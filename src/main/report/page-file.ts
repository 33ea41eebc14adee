/**
 * A report page for a browser engine to print (Electron's window in the
 * desktop app, headless Chromium elsewhere): written to a private temporary
 * file and handed over as a file:// URL, removed when printing is done.
 * Never a data: URL — Chromium refuses URLs over 2,097,152 characters, which a
 * long article with its claims exceeds (a 1.6 MB article with 200 claims
 * makes a 2.4 M-character URL), so large reports would fail to print.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** Runs `print` on the page's file URL; `dir` is the page's own temporary directory (for a browser profile). */
export async function printFromFile<T>(html: string, print: (url: string, dir: string) => Promise<T>): Promise<T> {
  // mkdtemp makes the directory readable by its owner only.
  const dir = await mkdtemp(join(tmpdir(), 'factmark-pdf-'))
  try {
    const page = join(dir, 'report.html')
    await writeFile(page, html, { mode: 0o600 })
    return await print(pathToFileURL(page).href, dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
