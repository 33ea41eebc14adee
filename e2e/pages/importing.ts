/**
 * Page-object helpers for importing: files, web addresses, pasted HTML,
 * dropped files, new versions, orphans and document details. Controls are
 * found by role and accessible name.
 */
import { expect, type Locator } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import type { FactmarkPage } from './factmark'

/** A fixture written by src/main/import/fixtures/generate.mjs. */
export function importFixture(name: string): string {
  return fileURLToPath(new URL(`../../src/main/import/fixtures/${name}`, import.meta.url))
}

export function importDialog(app: FactmarkPage): Locator {
  return app.page.getByRole('dialog', { name: /^Import (an article|a new version)/ })
}

export async function importFileAndWait(app: FactmarkPage, file: string, title: string): Promise<void> {
  await app.importFile(file)
  await expect(importDialog(app)).toBeHidden()
  await expect(app.page.getByRole('heading', { name: title, level: 2 })).toBeVisible()
}

export async function importUrl(app: FactmarkPage, url: string): Promise<Locator> {
  const dialog = await app.openImport()
  await dialog.getByRole('textbox', { name: 'Or a web address' }).fill(url)
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  return dialog
}

/** Pastes into the dialog's text area as a browser would, with a text/html flavour. */
export async function pasteHtml(app: FactmarkPage, html: string, plain: string): Promise<Locator> {
  const dialog = await app.openImport()
  const area = dialog.getByRole('textbox', { name: 'Article text' })
  await area.focus()
  await area.evaluate(
    (element, [htmlFlavour, plainFlavour]) => {
      const data = new DataTransfer()
      data.setData('text/html', htmlFlavour!)
      data.setData('text/plain', plainFlavour!)
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    },
    [html, plain]
  )
  return dialog
}

/** Drops a file on the window, as dragging it from the desktop does. */
export async function dropFile(app: FactmarkPage, name: string, content: string, type: string): Promise<void> {
  await app.page.evaluate(
    ([fileName, body, mime]) => {
      const data = new DataTransfer()
      data.items.add(new File([body!], fileName!, { type: mime }))
      const target = document.querySelector('main') ?? document.body
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }))
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
    },
    [name, content, type]
  )
}

export async function importNewVersion(app: FactmarkPage, file: string): Promise<void> {
  await app.page.getByRole('button', { name: 'New version…' }).click()
  const dialog = app.page.getByRole('dialog', { name: /^Import a new version of/ })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel(/^Or import a file/).setInputFiles(file)
  await expect(dialog).toBeHidden()
}

export function orphans(app: FactmarkPage): Locator {
  return app.page.getByRole('region', { name: 'Claims not found in this version' })
}
