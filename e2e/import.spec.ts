/**
 * Importing real articles through the UI: a saved page, a Word file, a PDF,
 * pasted HTML, a web address and a dropped file; hostile pages that must not
 * run; a new version that moves, re-quotes and orphans claims; re-attaching
 * an orphan; editing the document's details.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync, writeFileSync } from 'node:fs'
import { languagePages } from '../src/main/testing/multilingual'
import { expect, test } from './support/fixtures'
import {
  dropFile,
  importDialog,
  importFileAndWait,
  importFixture,
  importNewVersion,
  importUrl,
  orphans,
  pasteHtml
} from './pages/importing'

const TITLE = 'Uyghur fighters in Syria'

test('a saved web page shows its article, not its furniture, with right-to-left Persian and selectable Chinese', async ({ factmark }) => {
  const app = factmark.app
  await importFileAndWait(app, importFixture('article.html'), TITLE)
  await expect(app.page.getByText('Example News · Jane Doe')).toBeVisible()
  await expect(app.article.getByRole('heading', { name: 'What the figures say' })).toBeVisible()
  await expect(app.article.getByRole('listitem')).toHaveCount(2)
  await expect(app.article.locator('blockquote')).toContainText('We have no figures we can trust')
  await expect(app.article).not.toContainText('troll123')
  await expect(app.article).not.toContainText('Advertisement')
  await expect(app.article.getByRole('link', { name: 'full report' })).toHaveAttribute(
    'href',
    'https://news.example.org/reports/new-america-2016'
  )

  const persian = app.article.locator('p', { hasText: 'گزارش‌ها' })
  expect(await persian.evaluate((p) => getComputedStyle(p).direction)).toBe('rtl')
  const chinese = app.article.locator('p', { hasText: '报告称' })
  expect(await chinese.evaluate((p) => getComputedStyle(p).direction)).toBe('ltr')

  await app.select('数百人已前往叙利亚')
  await app.markClaim()
  await app.select('صدها نفر به سوریه رفته‌اند')
  await app.markClaim('shortcut')
  expect(await app.highlightedTexts()).toEqual(['صدها نفر به سوریه رفته‌اند', '数百人已前往叙利亚'])
})

test('Word files and PDFs import with their structure', async ({ factmark }) => {
  const app = factmark.app
  await importFileAndWait(app, importFixture('article.docx'), TITLE)
  await expect(app.article.getByRole('heading', { name: 'What the figures say' })).toBeVisible()
  await expect(app.article.locator('blockquote')).toContainText('We have no figures we can trust')
  await expect(app.article.locator('p', { hasText: 'گزارش‌ها' })).toBeVisible()

  await importFileAndWait(app, importFixture('article.pdf'), TITLE)
  await expect(app.article).toContainText('114 Uyghurs have joined IS in Syria and Iraq. The figure comes from passports')
  await expect(app.library.getByRole('button', { name: new RegExp(TITLE) })).toHaveCount(2)
})

test('hostile pages run nothing, whether imported from a file or pasted', async ({ factmark }) => {
  const app = factmark.app
  // Every vector calls xss(); if any ran, the flag would be set.
  await app.page.addInitScript(() => {
    Object.assign(window, { xss: () => Object.assign(window, { xssRan: true }) })
  })
  await app.page.reload()
  await importFileAndWait(app, importFixture('xss.html'), 'Hostile page')
  const vectors = JSON.parse(readFileSync(importFixture('xss-vectors.json'), 'utf8')) as string[]
  const dialog = await pasteHtml(app, vectors.join('<p>Pasted text between vectors.</p>'), 'Pasted text')
  await expect(dialog.getByRole('status')).toContainText('Pasted with its formatting')
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(app.article).toContainText('Pasted text between vectors.')

  for (const title of ['Hostile page', 'Pasted text between vectors.']) {
    if (title === 'Hostile page') await app.openDocument(title)
    await app.article.hover()
    const found = await app.page.evaluate(() => {
      const root = document.querySelector('.article')!
      const elements = [...root.querySelectorAll('*')]
      return {
        ran: (window as unknown as { xssRan?: boolean }).xssRan ?? false,
        dangerous: elements.filter((e) => /^(script|iframe|object|embed|svg|style|img|video|audio|form|input|link|meta|base|math)$/i.test(e.localName)).length,
        handlers: elements.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name) || a.name === 'style' || a.name === 'srcdoc')).length,
        links: [...root.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? ''),
        text: root.textContent ?? ''
      }
    })
    expect(found.ran).toBe(false)
    expect(found.dangerous).toBe(0)
    expect(found.handlers).toBe(0)
    for (const href of found.links) expect(href).toMatch(/^(https?:|mailto:)/)
    expect(found.text).not.toMatch(/xss\(|evil\.example/)
  }
})

test('a web page imports by its address, with progress while it loads', async ({ factmark }) => {
  const app = factmark.app
  let release: () => void = () => undefined
  const answered = new Promise<void>((resolve) => (release = resolve))
  const server: Server = createServer((request, response) => {
    if (request.url === '/story') {
      void answered.then(() => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(readFileSync(importFixture('article.html'))))
    } else response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  try {
    let dialog = await importUrl(app, `${base}/data.json`)
    await expect(dialog.getByRole('alert')).toContainText(`${base}/data.json is not a web page (it is application/json)`)
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    dialog = await importUrl(app, `${base}/story`)
    // The page is held back until the progress indicator has been seen.
    await expect(dialog.getByRole('progressbar', { name: 'Importing' })).toBeVisible()
    release()
    await expect(dialog).toBeHidden()
    await expect(app.page.getByRole('heading', { name: TITLE, level: 2 })).toBeVisible()
    await expect(app.article).toContainText('114 Uyghurs have joined IS')
  } finally {
    release()
    await new Promise((resolve) => server.close(resolve))
  }
})

test('a file dropped on the window is imported', async ({ factmark }) => {
  const app = factmark.app
  await dropFile(app, 'dropped.md', '# Dropped article\n\nIt claims 7 things.\n', 'text/markdown')
  await expect(app.page.getByRole('heading', { name: 'Dropped article', level: 2 })).toBeVisible()
  await expect(importDialog(app)).toBeHidden()
  await dropFile(app, 'photo.png', 'x', 'image/png')
  await expect(app.alert).toContainText('“photo.png” is not a file Factmark can import')

  // Dropped on the dialog for a new version, a file becomes that version.
  await app.page.getByRole('button', { name: 'New version…' }).click()
  await expect(importDialog(app)).toBeVisible()
  await dropFile(app, 'dropped-v2.md', '# Dropped article\n\nIt claims 8 things now.\n', 'text/markdown')
  await expect(importDialog(app)).toBeHidden()
  await expect(app.status).toContainText('Version 2 imported')
  await expect(app.article).toContainText('It claims 8 things now.')
  await expect(app.library.getByRole('button', { name: /Dropped article/ })).toHaveCount(1)
})

test('a new version keeps every claim: moved, re-quoted or listed as not found, and re-attachable', async ({ factmark }) => {
  const app = factmark.app
  await importFileAndWait(app, importFixture('article.html'), TITLE)
  await app.select('114 Uyghurs have joined IS in Syria and Iraq')
  await app.markClaim()
  await app.select('several thousand fighters in Idlib')
  await app.markClaim()
  await app.select('数百人已前往叙利亚')
  await app.markClaim()

  await importNewVersion(app, importFixture('article-v2.html'))
  await expect(app.status).toContainText('Version 2 imported: 1 claim kept its words, 1 claim matched edited words, 1 claim was not found (listed above the article).')
  await expect(app.article).toContainText('Correction: an earlier version')
  await expect(app.claimCards).toHaveCount(3)
  const highlighted = await app.highlightedTexts()
  expect(highlighted).toHaveLength(2)
  expect(highlighted[0]).toMatch(/114 Uyghurs have joined the IS in Syria and Iraq$/)
  expect(highlighted[1]).toBe('数百人已前往叙利亚')

  const notFound = orphans(app)
  await expect(notFound).toContainText('several thousand fighters in Idlib')
  await expect(app.claimsPane.getByText('Not found in the current text')).toHaveCount(1)

  await app.select('the numbers are uncertain')
  await notFound.getByRole('button', { name: 'Re-attach “several thousand fighters in Idlib” to the selected text' }).click()
  await expect(notFound).toBeHidden()
  await expect(app.claimsPane.getByText('Not found in the current text')).toHaveCount(0)
  expect(await app.highlightedTexts()).toContain('the numbers are uncertain')

  // Kept across a reload.
  await app.page.reload()
  await expect(app.claimCards).toHaveCount(3)
  expect(await app.highlightedTexts()).toContain('the numbers are uncertain')
})

test('document details are editable', async ({ factmark }) => {
  const app = factmark.app
  await importFileAndWait(app, importFixture('article.html'), TITLE)
  await app.page.getByRole('button', { name: 'Edit details…' }).click()
  const dialog = app.page.getByRole('dialog', { name: 'Document details' })
  await expect(dialog.getByRole('textbox', { name: /^Author/ })).toHaveValue('Jane Doe')
  await expect(dialog.getByRole('textbox', { name: /^Published/ })).toHaveValue('2016-03-01')
  await dialog.getByRole('textbox', { name: /^Address/ }).fill('javascript:alert(1)')
  await dialog.getByRole('button', { name: 'Save details' }).click()
  await expect(dialog.getByRole('alert')).toContainText('“javascript:” addresses are not allowed as document addresses')
  await dialog.getByRole('textbox', { name: /^Address/ }).fill('https://news.example.org/fixed')
  await dialog.getByRole('textbox', { name: /^Author/ }).fill('John Roe')
  await dialog.getByRole('textbox', { name: /^Title/ }).fill('Uyghur fighters in Syria (corrected)')
  await dialog.getByRole('button', { name: 'Save details' }).click()
  await expect(dialog).toBeHidden()
  await expect(app.page.getByRole('heading', { name: 'Uyghur fighters in Syria (corrected)', level: 2 })).toBeVisible()
  await expect(app.page.getByText('Example News · John Roe')).toBeVisible()
})

test('pages in Persian, Arabic, Chinese and Russian keep their titles, languages and directions in the reader', async ({ factmark }, testInfo) => {
  const app = factmark.app
  for (const page of languagePages) {
    const file = testInfo.outputPath(page.fileName)
    writeFileSync(file, page.bytes)
    await importFileAndWait(app, file, page.title)
    const title = app.page.getByRole('heading', { name: page.title, level: 2 })
    await expect(title).toHaveAttribute('lang', page.language)
    expect(await title.evaluate((h) => getComputedStyle(h).direction)).toBe(page.dir)
    const first = app.article.locator('p', { hasText: page.sentences[0]! })
    expect(await first.evaluate((p) => getComputedStyle(p).direction)).toBe(page.dir)
    expect(await first.evaluate((p) => p.closest('[lang]')?.getAttribute('lang'))).toBe(page.language)
    // The headline is shown once, as the title above the article.
    await expect(app.article).not.toContainText(page.title)
    if (page.language === 'fa') await app.page.screenshot({ path: testInfo.outputPath('persian-reader.png') })
  }
})
