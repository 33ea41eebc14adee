/**
 * The analyst's desk: marking twice, stable numbers, undo of every edit, a
 * stance that must be chosen, the claims list beside an open card, the
 * command palette and highlight menu, window sizes — and axe-core in every
 * state. By role and accessible name.
 */
import { councilArticle, uyghurArticle } from './fixtures/articles'
import type { FactmarkPage } from './pages/factmark'
import { WorkflowPage } from './pages/workflow'
import { expectAccessible } from './support/axe'
import { expect, test } from './support/fixtures'

async function markCouncil(app: FactmarkPage): Promise<WorkflowPage> {
  const flow = new WorkflowPage(app)
  await app.importPasted(councilArticle.text)
  for (const words of councilArticle.claims) await flow.markSentence(words)
  return flow
}

test('marking: twice is one claim, the selection becomes the claim, empty selections get a hint', async ({ factmark }) => {
  const app = factmark.app
  const flow = new WorkflowPage(app)
  await app.importPasted(uyghurArticle.text)
  await flow.snapSentenceAt('114 Uyghurs')
  await app.page.getByRole('button', { name: 'Mark as claim' }).click()
  await expect(app.claimCards).toHaveCount(1)
  // The words are no longer selected: the claim is.
  await expect.poll(() => app.page.evaluate(() => window.getSelection()?.toString())).toBe('')
  await expect(app.claimCards.first()).toHaveAttribute('aria-selected', 'true')

  // The same words again, by the button and by the shortcut: the claim is found, not copied.
  await flow.snapSentenceAt('114 Uyghurs')
  await app.page.getByRole('button', { name: 'Mark as claim' }).click()
  await expect(app.status).toContainText('These words are already claim 1: selected it.')
  await flow.snapSentenceAt('114 Uyghurs')
  await app.article.press('ControlOrMeta+Enter')
  await app.article.press('ControlOrMeta+Enter')
  await expect(app.claimCards).toHaveCount(1)

  // Nothing selected.
  await app.article.press('ControlOrMeta+Enter')
  await expect(app.status).toContainText('Select the words of the claim in the article first')
  await expect(app.claimCards).toHaveCount(1)
})

test('numbers stay with their claims: deleting claim 1 leaves 2 and 3, and the next is 4', async ({ factmark }) => {
  const app = factmark.app
  const flow = new WorkflowPage(app)
  await app.importPasted(uyghurArticle.text)
  await flow.markSentence('Lee')
  await flow.markSentence('114 Uyghurs') // earlier in the text, marked second
  await flow.markSentence('Ürümqi')
  await expect(app.claimCards.nth(0)).toHaveAccessibleName(/^Claim 2: /)
  await expect(app.claimCards.nth(1)).toHaveAccessibleName(/^Claim 1: /)

  await app.claimCards.nth(1).click()
  await flow.card.getByRole('button', { name: 'Delete claim' }).click()
  await expect(app.claimCards).toHaveCount(2)
  await expect(app.claimCards.nth(0)).toHaveAccessibleName(/^Claim 2: /)
  await expect(app.claimCards.nth(1)).toHaveAccessibleName(/^Claim 3: /)
  // Focus went to the list, on the claim after the deleted one.
  await expect(app.claimsPane.getByRole('listbox', { name: 'Claims list' })).toBeFocused()

  await flow.markSentence('维吾尔')
  await expect(app.claimsPane.getByRole('option', { name: /^Claim 4: / })).toHaveCount(1)
  await expect(flow.card.getByRole('heading', { name: 'Claim 4' })).toBeVisible()
  expect(await app.article.locator('[data-claim-id]').evaluateAll((parts) => parts.map((p) => p.getAttribute('aria-description')))).toContain('Claim 4: Unverified')

  // Undo the deletion: claim 1 comes back with its number.
  await app.page.keyboard.press('Escape')
  await app.claimsPane.getByRole('listbox', { name: 'Claims list' }).focus()
  await app.page.keyboard.press('ControlOrMeta+z') // the mark of claim 4
  await app.page.keyboard.press('ControlOrMeta+z') // the deletion of claim 1
  await expect(app.status).toHaveText('Undone: deleting claim 1.×')
  await expect(app.claimsPane.getByRole('option', { name: /^Claim 1: / })).toHaveCount(1)
})

test('undo covers the claimant, tags and notes, announced politely; tags ignore case', async ({ factmark }) => {
  const app = factmark.app
  const flow = new WorkflowPage(app)
  await app.importPasted(uyghurArticle.text)
  await flow.markSentence('Lee')
  const claimant = flow.card.getByRole('combobox', { name: 'Claimant' })
  await claimant.fill('Dr. Lee')
  await claimant.press('Enter')
  await expect(flow.history.last()).toContainText('Claimant')
  await claimant.fill('Institute')
  await claimant.press('Enter')
  await expect(app.claimCards.first()).toContainText('Institute')

  await app.claimsPane.getByRole('listbox', { name: 'Claims list' }).focus()
  await app.page.keyboard.press('ControlOrMeta+z')
  await expect(app.status).toHaveText('Undone: the claimant of claim 1.×')
  await expect(app.alert).toHaveCount(0)
  await expect(claimant).toHaveValue('Dr. Lee')
  await app.page.keyboard.press('Shift+ControlOrMeta+z')
  await expect(claimant).toHaveValue('Institute')

  // The claimant's role or affiliation is edited on the card, kept in the registry, and undoable.
  const role = flow.card.getByRole('textbox', { name: 'Role or affiliation of Institute' })
  await role.fill('Statistics office')
  await role.press('Enter')
  await expect(flow.card.locator('#known-claimants option[value="Institute"]')).toHaveText('Statistics office')
  await app.claimsPane.getByRole('listbox', { name: 'Claims list' }).focus()
  await app.page.keyboard.press('ControlOrMeta+z')
  await expect(app.status).toHaveText('Undone: the role of Institute.×')
  await expect(role).toHaveValue('')

  // Tags: "Experts" and "experts" are one tag.
  const addTag = flow.card.getByRole('combobox', { name: 'Add tag' })
  await addTag.fill('Experts')
  await addTag.press('Enter')
  await addTag.fill('experts')
  await addTag.press('Enter')
  await expect(flow.card.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText(['Experts×'])

  // Notes: add, then undo the adding.
  await flow.addNote('Checked against the institute’s own count.')
  await app.claimsPane.getByRole('listbox', { name: 'Claims list' }).focus()
  await app.page.keyboard.press('ControlOrMeta+z')
  await expect(app.status).toHaveText('Undone: the note on claim 1.×')
  await expect(flow.card.getByRole('list', { name: 'Notes' })).toHaveCount(0)

  // The claimant is on record for the next claim, in any document.
  await flow.markSentence('Ürümqi')
  await expect(flow.card.locator('#known-claimants option')).toHaveCount(2)
})

test('importing a text the library already holds offers to open that document', async ({ factmark }) => {
  const app = factmark.app
  await app.importPasted(uyghurArticle.text, { title: 'The first copy' })
  const dialog = await app.openImport()
  await dialog.getByRole('textbox', { name: 'Article text' }).fill(uyghurArticle.text)
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  const offer = app.page.getByRole('alertdialog', { name: 'This text is already in the library' })
  await expect(offer).toContainText('“The first copy”')
  await offer.getByRole('button', { name: 'Open “The first copy”' }).click()
  await expect(offer).toBeHidden()
  await expect(app.status).toContainText('Opened “The first copy”, which has the same text; the new copy was removed.')
  await expect(app.library.getByRole('listitem')).toHaveCount(1)
  await expect(app.library.getByRole('button', { name: /The first copy/ })).toHaveAttribute('aria-current', /.+/)
})

test('a source needs its stance chosen', async ({ factmark }) => {
  const app = factmark.app
  const flow = new WorkflowPage(app)
  await app.importPasted(uyghurArticle.text)
  await flow.markSentence('Lee')
  const form = await flow.fillSource({ url: 'https://example.org/count', title: 'The count' })
  await expect(form.getByRole('alert')).toHaveText('Choose whether the source supports the claim, refutes it, or gives context.')
  await expect(flow.card.getByRole('list', { name: 'Sources' })).toHaveCount(0)
  await form.getByRole('combobox', { name: 'Stance' }).selectOption({ label: 'Refutes' })
  await form.getByRole('button', { name: 'Add source' }).click()
  await expect(flow.card.getByRole('list', { name: 'Sources' })).toContainText('Refutes')
})

test('arrowing through verdicts records only the one settled on', async ({ factmark }) => {
  const app = factmark.app
  const flow = new WorkflowPage(app)
  await app.importPasted(uyghurArticle.text)
  await flow.markSentence('Lee')
  await flow.card.getByRole('radio', { name: /Unverified/ }).focus()
  for (let i = 0; i < 4; i++) await app.page.keyboard.press('ArrowRight')
  await expect(flow.card.getByRole('radio', { name: /False/ })).toBeChecked()
  await expect(flow.history).toHaveText([/^Marked as a claim/, /^Status: Unverified → False/])
})

test('with the card open at 1440×900, the list shows five or more claims', async ({ factmark }, testInfo) => {
  const app = factmark.app
  await app.page.setViewportSize({ width: 1440, height: 900 })
  const flow = await markCouncil(app)
  await app.claimCards.nth(3).click()
  await expect(flow.card).toBeVisible()
  const list = app.claimsPane.getByRole('listbox', { name: 'Claims list' })
  const box = (await list.boundingBox())!
  const rows = await app.claimCards.evaluateAll(
    (options, [top, bottom]) => options.filter((o) => o.getBoundingClientRect().top >= top! - 1 && o.getBoundingClientRect().bottom <= bottom! + 1).length,
    [box.y, box.y + box.height]
  )
  expect(rows).toBeGreaterThanOrEqual(5)
  await app.page.screenshot({ path: testInfo.outputPath('desk-1440.png') })
})

test('the command palette and the highlight menu run commands from the one table', async ({ factmark }) => {
  const app = factmark.app
  const flow = new WorkflowPage(app)
  await app.importPasted(uyghurArticle.text)
  await flow.markSentence('Lee')
  await app.page.keyboard.press('ControlOrMeta+Shift+p')
  const palette = app.page.getByRole('dialog', { name: 'Command palette' })
  await palette.getByRole('combobox', { name: 'Command' }).fill('verdict misl')
  await expect(palette.getByRole('option')).toHaveText([/Verdict: Misleading/])
  await palette.getByRole('combobox', { name: 'Command' }).press('Enter')
  await expect(palette).toBeHidden()
  await expect(app.claimCards.first()).toContainText('Misleading')

  await app.page.locator('[data-claim-id]').first().click({ button: 'right' })
  const menu = app.page.getByRole('menu', { name: 'Claim 1' })
  await expect(menu.getByRole('menuitem', { name: /Verdict: Unverified/ })).toBeFocused()
  await menu.getByRole('menuitem', { name: /Verdict: Disputed/ }).click()
  await expect(app.claimCards.first()).toContainText('Disputed')
  await expect(menu).toBeHidden()
})

test('no axe violations in any state: empty library, reader, card, search, every dialog', async ({ factmark }) => {
  test.setTimeout(240_000)
  const app = factmark.app
  const flow = new WorkflowPage(app)
  await expectAccessible(app.page, 'empty library')
  await app.openImport()
  await expectAccessible(app.page, 'import dialog')
  await app.page.keyboard.press('Escape')
  await app.importPasted(uyghurArticle.text)
  await expectAccessible(app.page, 'reader')
  await flow.markSentence('Lee')
  await flow.markSentence('114 Uyghurs')
  await app.page.keyboard.press('3')
  await expectAccessible(app.page, 'card open')
  await flow.search.fill('Uyghur')
  await expect(flow.searchResults).toBeVisible()
  await expectAccessible(app.page, 'search open')
  await flow.search.fill('')
  const dialogs: [string, string][] = [
    ['Edit details…', 'Document details'],
    ['Export…', 'Export a report'],
    ['New version…', 'Import a new version']
  ]
  for (const [button, name] of dialogs) {
    await app.page.getByRole('toolbar', { name: 'Article actions' }).getByRole('button', { name: button }).click()
    await expect(app.page.getByRole('dialog', { name: new RegExp(`^${name}`) })).toBeVisible()
    await expectAccessible(app.page, name)
    await app.page.keyboard.press('Escape')
  }
  await app.page.getByRole('toolbar', { name: 'Article actions' }).getByRole('button', { name: 'Delete document…' }).click()
  await expect(app.page.getByRole('alertdialog')).toBeVisible()
  await expectAccessible(app.page, 'delete document')
  await app.page.keyboard.press('Escape')
  await app.library.getByRole('button', { name: 'Backups…' }).click()
  await expect(app.page.getByRole('dialog', { name: 'Backups of this library' })).toBeVisible()
  await expectAccessible(app.page, 'backups')
  await app.page.keyboard.press('Escape')
  await app.page.keyboard.press('ControlOrMeta+Shift+p')
  await expect(app.page.getByRole('dialog', { name: 'Command palette' })).toBeVisible()
  await expectAccessible(app.page, 'command palette')
  await app.page.keyboard.press('Escape')
  await app.page.locator('[data-claim-id]').first().click({ button: 'right' })
  await expect(app.page.getByRole('menu')).toBeVisible()
  await expectAccessible(app.page, 'highlight menu')
})

for (const [width, height] of [
  [1024, 700],
  [1440, 900],
  [1920, 1080]
] as const) {
  test(`the desk at ${width}×${height}: the article keeps 480 px or more, with a dozen claims`, async ({ factmark }, testInfo) => {
    const app = factmark.app
    await app.page.setViewportSize({ width, height })
    await app.page.reload()
    const flow = await markCouncil(app)
    await flow.card.getByRole('combobox', { name: 'Claimant' }).fill('Tomas Keller')
    await flow.card.getByRole('combobox', { name: 'Claimant' }).press('Enter')
    await app.page.keyboard.press('Escape')
    await app.claimCards.nth(4).click()
    await app.page.keyboard.press('3')
    const article = (await app.article.boundingBox())!
    expect(article.width).toBeGreaterThanOrEqual(480)
    // Nothing hides past the window's right edge (the claims pane, the analyst's name).
    expect(await app.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
    if (width < 1100) {
      // The document's commands fold into a menu.
      await expect(app.page.getByRole('button', { name: 'More…' })).toBeVisible()
      await app.page.getByRole('button', { name: 'More…' }).click()
      await expect(app.page.getByRole('menu', { name: 'More document actions' }).getByRole('menuitem', { name: 'Export…' })).toBeVisible()
      await app.page.keyboard.press('Escape')
    }
    await app.page.screenshot({ path: testInfo.outputPath(`desk-${width}x${height}.png`) })
  })
}

test('a layout remembered from a wide window gives way in a narrow one: no sideways scrolling, the article keeps 480 px', async ({ factmark }) => {
  const app = factmark.app
  await app.page.setViewportSize({ width: 1920, height: 1080 })
  await app.page.reload()
  await markCouncil(app)
  await app.page.setViewportSize({ width: 1024, height: 700 })
  expect((await app.article.boundingBox())!.width).toBeGreaterThanOrEqual(480)
  expect(await app.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024)
  const claims = (await app.claimsPane.boundingBox())!
  expect(claims.x + claims.width).toBeLessThanOrEqual(1024)
  expect(claims.width).toBeGreaterThanOrEqual(280)
})
