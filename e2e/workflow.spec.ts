/**
 * The fact-check workflow end to end: sentence snapping, verdict, notes,
 * sources, history, navigation, undo, search, deleting — by role and name.
 */
import { uyghurArticle } from './fixtures/articles'
import { WorkflowPage } from './pages/workflow'
import { expect, test } from './support/fixtures'

const LEE = 'Dr. Lee of the U.S. Institute disputes the count.'

test('a claim marked by sentence snapping keeps its verdict, note, source and history across a reload', async ({ factmark }, testInfo) => {
  const app = factmark.app
  const flow = new WorkflowPage(app)
  await app.importPasted(uyghurArticle.text)

  expect(await flow.markSentence('Lee')).toBe(LEE)
  expect(await app.highlightedTexts()).toEqual([LEE])
  await expect(app.claimCards.first()).toHaveAccessibleName(`Claim 1: Unverified ${LEE}`)
  await expect(flow.card).toBeVisible()

  await flow.setStatus('Disputed')
  await expect(app.claimCards.first()).toContainText('Disputed')
  await flow.addNote('Lee’s institute counted 82 <b>fighters</b>; see https://example.org/lee-report.')

  const form = await flow.fillSource({ url: 'javascript:alert(1)' })
  await expect(form.getByRole('alert')).toHaveText('“javascript:” addresses are not allowed as sources: use an http:// or https:// link.')
  await flow.fillSource({
    url: 'https://www.newamerica.org/isis-files',
    title: 'ISIS Files',
    excerpt: 'Entry records list 114 fighters from Xinjiang.',
    stance: 'Refutes'
  })
  await expect(flow.card.getByRole('link', { name: 'ISIS Files' })).toBeVisible()

  await app.page.reload()
  await expect(app.claimCards).toHaveCount(1)
  expect(await app.highlightedTexts()).toEqual([LEE])
  await app.claimCards.first().click()
  await expect(flow.card.getByRole('radio', { name: /Disputed/ })).toBeChecked()
  // The note is text: its HTML shows as written, its link opens outside the app.
  await expect(flow.card.getByRole('list', { name: 'Notes' })).toContainText('82 <b>fighters</b>; see https://example.org/lee-report.')
  const link = flow.card.getByRole('link', { name: 'https://example.org/lee-report' })
  await expect(link).toHaveAttribute('rel', /noopener/)
  await expect(link).toHaveAttribute('target', '_blank')
  await expect(flow.card.locator('.note-body b')).toHaveCount(0)
  const source = flow.card.getByRole('link', { name: 'ISIS Files' })
  await expect(source).toHaveAttribute('href', 'https://www.newamerica.org/isis-files')
  await expect(flow.card.getByRole('list', { name: 'Sources' })).toContainText('Refutes')
  await expect(flow.history).toHaveText([
    /^Marked as a claim/,
    /^Status: Unverified → Disputed/,
    /^Note added: “Lee’s institute counted 82 <b>fighters<\/b>/,
    /^Source added \(refutes\): ISIS Files/
  ])
  const shot = testInfo.outputPath('claim-card.png')
  await flow.card.screenshot({ path: shot })
  await testInfo.attach('claim-card', { path: shot, contentType: 'image/png' })
})

test('keyboard: snap, mark, set statuses by digit, move between claims, undo and redo', async ({ factmark }, testInfo) => {
  const app = factmark.app
  const flow = new WorkflowPage(app)
  await app.importPasted(uyghurArticle.text)

  await flow.markSentence('114 Uyghurs')
  await app.page.keyboard.press('3') // Verified
  await flow.markSentence('Lee')
  await app.page.keyboard.press('4') // Disputed
  await flow.markSentence('Ürümqi')
  await app.page.keyboard.press('6') // Misleading
  await flow.markSentence('维吾尔')
  await app.page.keyboard.press('5') // False
  await flow.markSentence('اویغور')
  await app.page.keyboard.press('2') // In progress
  expect(await app.highlightedTexts()).toEqual([
    'According to a 2016 New America report, 114 Uyghurs have joined IS.',
    LEE,
    'Officials in Ürümqi said the figure was exaggerated 😀 and called the report “politically motivated”.',
    '报告称，有114名维吾尔人加入了伊斯兰国。',
    'گزارش می‌گوید ۱۱۴ اویغور به داعش پیوسته‌اند.'
  ])
  await expect(app.claimCards.nth(0)).toContainText('Verified')
  await expect(app.claimCards.nth(1)).toContainText('Disputed')
  await expect(app.claimCards.nth(2)).toContainText('Misleading')
  await expect(app.claimCards.nth(3)).toContainText('False')
  await expect(app.claimCards.nth(4)).toContainText('In progress')

  // Next / previous claim.
  await app.page.keyboard.press('Alt+ArrowUp')
  await expect(app.claimCards.nth(3)).toHaveAttribute('aria-selected', 'true')
  await app.page.keyboard.press('Alt+ArrowUp')
  await expect(app.claimCards.nth(2)).toHaveAttribute('aria-selected', 'true')
  await app.page.keyboard.press('Alt+ArrowDown')
  await expect(app.claimCards.nth(3)).toHaveAttribute('aria-selected', 'true')

  // Undo the last status change, then the last claim; redo both.
  await app.page.keyboard.press('ControlOrMeta+z')
  await expect(app.claimCards.nth(4)).toContainText('Unverified')
  await app.page.keyboard.press('ControlOrMeta+z')
  await expect(app.claimCards).toHaveCount(4)
  await app.page.keyboard.press('Shift+ControlOrMeta+z')
  await expect(app.claimCards).toHaveCount(5)
  await app.page.keyboard.press('Shift+ControlOrMeta+z')
  await expect(app.claimCards.nth(4)).toContainText('In progress')

  // A claim inside another stays distinguishable, and clicking its highlight focuses it.
  await app.select('114 Uyghurs')
  await app.markClaim('shortcut')
  await expect(app.claimCards.nth(1)).toHaveAccessibleName('Claim 6: Unverified 114 Uyghurs')
  expect(await app.highlightedTexts()).toContain('114 Uyghurs')
  await app.page.locator('.claim-highlight .claim-highlight').first().click()
  await expect(app.claimCards.nth(1)).toHaveAttribute('aria-selected', 'true')

  // The library shows the count and the verdict bar.
  await expect(app.library.getByRole('button', { name: /Uyghur fighters in Syria/ })).toContainText('6 claims')
  await expect(app.library.getByRole('img', { name: /^Verdicts:/ })).toHaveAccessibleName(
    'Verdicts: 1 unverified, 1 in progress, 1 verified, 1 disputed, 1 false, 1 misleading'
  )

  // Escape closes the card: the whole list, every verdict in view.
  await app.page.keyboard.press('Escape')
  await expect(flow.card).toBeHidden()
  const shot = testInfo.outputPath('claims-pane.png')
  await app.claimsPane.screenshot({ path: shot })
  await testInfo.attach('claims-pane', { path: shot, contentType: 'image/png' })
  await app.claimCards.nth(2).click()
  await app.page.screenshot({ path: testInfo.outputPath('window.png') })
})

test('filters, delete with undo, search across documents, and deleting a document after confirming', async ({ factmark }) => {
  const app = factmark.app
  const flow = new WorkflowPage(app)
  await app.importPasted(uyghurArticle.text)
  await flow.markSentence('114 Uyghurs')
  await app.page.keyboard.press('3')
  await flow.markSentence('Lee')
  await flow.card.getByRole('combobox', { name: 'Add tag' }).fill('  experts ')
  await flow.card.getByRole('combobox', { name: 'Add tag' }).press('Enter')
  await expect(flow.card.getByRole('list', { name: 'Tags' })).toHaveText('experts×')
  await app.page.getByRole('textbox', { name: 'Analyst name' }).fill('Rana K.')
  await app.page.getByRole('textbox', { name: 'Analyst name' }).press('Enter')
  await flow.addNote('Institute count is 82.')
  await expect(flow.card.getByRole('list', { name: 'Notes' })).toContainText('Rana K.')

  await app.claimsPane.getByRole('combobox', { name: 'Filter by status' }).selectOption({ label: '✓ Verified' })
  await expect(app.claimCards).toHaveCount(1)
  await app.claimsPane.getByRole('combobox', { name: 'Filter by status' }).selectOption({ label: 'All statuses' })
  await app.claimsPane.getByRole('combobox', { name: 'Filter by tag' }).selectOption('experts')
  await expect(app.claimCards).toHaveCount(1)
  await expect(app.claimCards.first()).toHaveAccessibleName(`Claim 2: Unverified 1 note ${LEE}`)
  await app.claimsPane.getByRole('combobox', { name: 'Filter by tag' }).selectOption('')
  await app.claimsPane.getByRole('searchbox', { name: 'Filter claims by text' }).fill('joined')
  await expect(app.claimCards).toHaveCount(1)
  await app.claimsPane.getByRole('searchbox', { name: 'Filter claims by text' }).fill('')

  // Delete a claim, then undo from the message.
  await app.claimCards.nth(1).click()
  await flow.card.getByRole('button', { name: 'Delete claim' }).click()
  await expect(app.claimCards).toHaveCount(1)
  await app.status.getByRole('button', { name: 'Undo' }).click()
  await expect(app.claimCards).toHaveCount(2)
  await expect(flow.card.getByRole('list', { name: 'Notes' })).toContainText('Institute count is 82.')
  await expect(flow.history.last()).toContainText('Claim restored')
  await expect(flow.history.nth(-2)).toContainText('Claim deleted')

  // Search finds notes and Chinese text in any document, and opens the document at the hit.
  await app.importPasted('Another article\n\nNothing about the count here.', { title: 'Another article' })
  await flow.search.fill('Institute count')
  await flow.searchResults.getByRole('button', { name: /Note.*Uyghur fighters in Syria/ }).click()
  await expect(app.page.getByRole('heading', { name: uyghurArticle.title, level: 2 })).toBeVisible()
  await expect(app.claimCards.nth(1)).toHaveAttribute('aria-selected', 'true')
  await app.openDocument('Another article')
  await flow.search.fill('伊斯兰国')
  await flow.searchResults.getByRole('button', { name: /Text.*Uyghur fighters/ }).click()
  await expect(app.page.getByRole('heading', { name: uyghurArticle.title, level: 2 })).toBeVisible()
  await expect.poll(() => app.page.evaluate(() => window.getSelection()?.toString())).toBe('伊斯兰国')

  // Deleting a document asks first; cancelling keeps it.
  const deleteDocument = app.page.getByRole('toolbar', { name: 'Article actions' }).getByRole('button', { name: 'Delete document…' })
  await deleteDocument.click()
  const dialog = app.page.getByRole('alertdialog', { name: `Delete “${uyghurArticle.title}”?` })
  await expect(dialog).toContainText('its 2 claims')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(app.library.getByRole('button', { name: new RegExp(uyghurArticle.title) })).toHaveCount(1)
  await deleteDocument.click()
  await dialog.getByRole('button', { name: 'Delete document' }).click()
  await expect(app.library.getByRole('button', { name: /Uyghur fighters/ })).toHaveCount(0)
  await expect(app.library.getByRole('button', { name: /Another article/ })).toHaveCount(1)
  await expect(app.page.getByRole('heading', { name: 'Open an article to check it' })).toBeVisible()
  await flow.search.fill('Institute')
  await expect(flow.searchResults).toContainText('Nothing found')
})

test('from first highlight to an argued verdict without leaving the keyboard', async ({ factmark }) => {
  const app = factmark.app
  const flow = new WorkflowPage(app)
  await app.importPasted(uyghurArticle.text)
  const keys = app.page.keyboard

  await app.article.focus()
  await keys.press('ControlOrMeta+Home')
  await keys.press('ArrowDown')
  await keys.press('Alt+s')
  await keys.press('ControlOrMeta+Enter')
  await expect(app.claimCards).toHaveCount(1)
  expect(await app.highlightedTexts()).toEqual(['According to a 2016 New America report, 114 Uyghurs have joined IS.'])

  await keys.press('5') // False
  await keys.press('n')
  await expect(flow.card.getByRole('textbox', { name: 'New note' })).toBeFocused()
  await keys.type('The entry records list 82, see https://example.org/records')
  await keys.press('ControlOrMeta+Enter')
  await expect(flow.card.getByRole('list', { name: 'Notes' })).toContainText('The entry records list 82')
  await expect(flow.history).toHaveText([/^Marked as a claim/, /^Status: Unverified → False/, /^Note added/])

  // Undo from the article: focus it again by keyboard. The note first, then the verdict.
  await app.article.focus()
  await keys.press('ControlOrMeta+z')
  await expect(app.status).toHaveText('Undone: the note on claim 1.×')
  await keys.press('ControlOrMeta+z')
  await expect(app.status).toHaveText('Undone: the verdict of claim 1.×')
  await expect(app.claimCards.first()).toContainText('Unverified')
  await expect(flow.history.last()).toContainText('Status: False → Unverified')
})
