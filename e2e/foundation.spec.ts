/**
 * The first vertical slice: import an article, mark claims, and find each
 * highlight on the same words after a reload and after a restart.
 */
import { writeFileSync } from 'node:fs'
import { uyghurArticle } from './fixtures/articles'
import { expect, test } from './support/fixtures'

test('a marked claim survives a reload and a restart, on the same words', async ({ factmark }, testInfo) => {
  let app = factmark.app
  await app.importPasted(uyghurArticle.text)
  await expect(app.page.getByRole('heading', { name: uyghurArticle.title, level: 2 })).toBeVisible()

  await app.select('114 Uyghurs have joined IS.')
  await app.markClaim('button')
  // Across two paragraphs, with an emoji inside, by keyboard shortcut.
  await app.select('Dr. Lee', 'exaggerated 😀')
  await app.markClaim('shortcut')
  await app.select('有114名维吾尔人加入了伊斯兰国')
  await app.markClaim('shortcut')
  await app.select('۱۱۴ اویغور به داعش پیوسته‌اند')
  await app.markClaim('button')

  const expected = [
    '114 Uyghurs have joined IS.',
    'Dr. Lee of the U.S. Institute disputes the count.Officials in Ürümqi said the figure was exaggerated 😀',
    '有114名维吾尔人加入了伊斯兰国',
    '۱۱۴ اویغور به داعش پیوسته‌اند'
  ]
  expect(await app.highlightedTexts()).toEqual(expected)
  await expect(app.claimCards.first()).toHaveAccessibleName('Claim 1: Unverified 114 Uyghurs have joined IS.')

  await app.page.reload()
  await expect(app.claimCards).toHaveCount(4)
  expect(await app.highlightedTexts()).toEqual(expected)

  app = await factmark.restart()
  await app.openDocument(uyghurArticle.title)
  await expect(app.claimCards).toHaveCount(4)
  expect(await app.highlightedTexts()).toEqual(expected)

  await app.claimCards.nth(1).click()
  const screenshot = testInfo.outputPath('factmark.png')
  await app.page.screenshot({ path: screenshot })
  await testInfo.attach('factmark', { path: screenshot, contentType: 'image/png' })
})

test('the article text cannot be edited', async ({ factmark }) => {
  const app = factmark.app
  await app.importPasted(uyghurArticle.text)
  await app.select('114 Uyghurs')
  await app.page.keyboard.type('XYZ')
  await app.page.keyboard.press('Backspace')
  await app.page.keyboard.press('Enter')
  await expect(app.article).toContainText('114 Uyghurs have joined IS.')
  await expect(app.article).not.toContainText('XYZ')
})

test('bad imports are refused with a message that names the problem', async ({ factmark }, testInfo) => {
  const app = factmark.app
  const dialog = await app.openImport()
  await dialog.getByRole('textbox', { name: 'Article text' }).fill('   \n\n  ')
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog.getByRole('alert')).toContainText('The text is empty')

  const binary = testInfo.outputPath('photo.txt')
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]))
  await dialog.getByLabel(/^Or import a file/).setInputFiles(binary)
  await expect(dialog.getByRole('alert')).toContainText('"photo.txt" looks like a binary file')

  const text = testInfo.outputPath('ok.md')
  writeFileSync(text, '# A markdown article\n\nIt says 3 things.\n')
  await dialog.getByLabel(/^Or import a file/).setInputFiles(text)
  await expect(dialog).toBeHidden()
  await expect(app.page.getByRole('heading', { name: 'A markdown article', level: 2 })).toBeVisible()
  await expect(app.library.getByRole('button', { name: /A markdown article/ })).toBeVisible()
})
