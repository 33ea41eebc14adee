/**
 * An editor gets a fact-check ready to publish, as a user would: the export
 * dialog lists what blocks it; each entry leads to its fix (the publishing
 * details, the claim card); once the list is empty the public report goes
 * out, with the rationale and the note made public, and never an internal note.
 */
import AxeBuilder from '@axe-core/playwright'
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { uyghurArticle } from './fixtures/articles'
import { ExportDialogPage } from './pages/report'
import { WorkflowPage } from './pages/workflow'
import { expect, test } from './support/fixtures'

/** No axe-core violation on the page as it is. */
async function expectAccessible(app: { page: import('@playwright/test').Page }, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page: app.page }).analyze()
  expect(
    violations.map((v) => `${v.id}: ${v.help} — ${v.nodes[0]?.target.join(' ')}`),
    `axe in state "${state}"`
  ).toEqual([])
}

test('an editor clears the readiness list and exports; the public report carries no internal note', async ({ factmark }, testInfo) => {
  const app = factmark.app
  const flow = new WorkflowPage(app)
  await app.importPasted(uyghurArticle.text)
  await app.select('114 Uyghurs have joined IS.')
  await app.markClaim()
  await flow.setStatus('Disputed')
  await flow.addNote('Asked the ministry press office, no reply yet.')
  await flow.addNote('The ministry confirmed the count on 3 March.')
  await flow.card.getByRole('button', { name: 'Make public' }).nth(1).click()
  await expect(flow.card.getByRole('button', { name: 'Make internal' })).toHaveCount(1)

  const exporter = new ExportDialogPage(app)
  await exporter.open()
  await expect(exporter.readiness).toContainText('No publishing organisation')
  await expect(exporter.readiness).toContainText('Claim 1 has a verdict but no rationale.')
  await page(app).screenshot({ path: testInfo.outputPath('readiness-1024.png') })

  // The organisation and the publication address: the entry opens the publishing details.
  await exporter.readiness.getByRole('button', { name: /No publishing organisation/ }).click()
  const publishing = app.page.getByRole('dialog', { name: 'Publishing' })
  await expect(publishing).toBeVisible()
  await publishing.getByRole('textbox', { name: 'Name' }).fill('Example Fact Check')
  await publishing.getByRole('textbox', { name: 'Conclusion (shown first in the report)' }).fill('The count is disputed.')
  await publishing.getByRole('textbox', { name: 'Publication address' }).fill('javascript:alert(1)')
  await publishing.getByRole('button', { name: 'Save' }).click()
  await expect(publishing.getByRole('alert')).toContainText('not allowed as publication addresses')
  await publishing.getByRole('textbox', { name: 'Publication address' }).fill('https://factcheck.example.org/uyghurs')
  await page(app).screenshot({ path: testInfo.outputPath('publishing-1024.png') })
  await publishing.getByRole('button', { name: 'Save' }).click()
  await expect(publishing).toBeHidden()

  // The claim's entries lead to its card: a rationale and a source clear them.
  await exporter.open()
  await exporter.readiness.getByRole('button', { name: 'Claim 1 has a verdict but no rationale.' }).click()
  await expect(exporter.dialog).toBeHidden()
  const rationale = flow.card.getByRole('textbox', { name: /Rationale/ })
  await rationale.fill('New America counts 114 registered fighters; other estimates differ.')
  await rationale.blur()
  await flow.fillSource({ url: 'https://www.newamerica.org/isis-files', title: 'ISIS Files', stance: 'Supports' })
  await expect(flow.card.getByRole('list', { name: 'Sources' })).toContainText('ISIS Files')

  await exporter.open()
  await expect(exporter.dialog.getByRole('status')).toContainText('Ready to publish')
  await expect(exporter.readiness).toHaveCount(0)
  const download = await exporter.export('Annotated report (HTML)')
  const path = testInfo.outputPath('report.html')
  await download.saveAs(path)
  const html = readFileSync(path, 'utf8')
  expect(html).toContain('New America counts 114 registered fighters')
  expect(html).toContain('The ministry confirmed the count on 3 March.')
  expect(html).toContain('The count is disputed.')
  expect(html).toContain('Example Fact Check')
  expect(html).not.toContain('press office')
})

const page = (app: { page: import('@playwright/test').Page }) => app.page

test.describe('first run', () => {
  test.use({ analyst: null })

  test('the app asks the analyst’s full name; until it is given, nothing is signed with the OS account name', async ({ factmark }, testInfo) => {
    let app = factmark.app
    const question = app.firstRun
    await expect(question).toBeVisible()
    const name = question.getByRole('textbox', { name: 'Your full name' })
    // The OS account name only pre-fills the question.
    const account = await name.inputValue()
    expect(account.length).toBeGreaterThan(0)
    await expectAccessible(app, 'first run')
    await app.page.screenshot({ path: testInfo.outputPath('first-run.png') })
    await question.getByRole('button', { name: 'Later' }).click()
    await expect(question).toBeHidden()
    await expect(app.page.getByRole('textbox', { name: 'Analyst name' })).toHaveValue('')

    // Work done before the name is given says so plainly.
    const flow = new WorkflowPage(app)
    await app.importPasted(uyghurArticle.text)
    await flow.markSentence('114 Uyghurs')
    await flow.addNote('Asked the institute for its count.')
    await expect(flow.card.getByRole('list', { name: 'Notes' })).toContainText('Unnamed analyst')
    await expect(flow.card.getByRole('list', { name: 'History' })).not.toContainText(account)
    const exporter = new ExportDialogPage(app)
    await exporter.open()
    const internal = await exporter.export('Annotated report (HTML)', { internal: true })
    const path = testInfo.outputPath('internal.html')
    await internal.saveAs(path)
    const html = readFileSync(path, 'utf8')
    expect(html).toContain('fact-checked by Unnamed analyst')
    expect(html).not.toContain(`by ${account}`)

    // Asked again at the next start; the name given signs from then on, and is not asked again.
    app = await factmark.restart()
    await app.giveName('Mina Karimi')
    await expect(app.page.getByRole('textbox', { name: 'Analyst name' })).toHaveValue('Mina Karimi')
    await app.openDocument(uyghurArticle.title)
    await app.claimCards.first().click()
    await new WorkflowPage(app).addNote('The institute answered.')
    await expect(new WorkflowPage(app).card.getByRole('list', { name: 'Notes' })).toContainText('Mina Karimi')
    app = await factmark.restart()
    await expect(app.article.or(app.library.getByRole('button', { name: /Uyghur/ })).first()).toBeVisible()
    await expect(app.firstRun).toBeHidden()
  })
})

test('the Publishing dialog saves everything in one call: a refused logo leaves all of it as it was; the paper size reaches the PDF', async ({ factmark }, testInfo) => {
  const app = factmark.app
  await app.importPasted(uyghurArticle.text)
  const open = async () => {
    await app.page.getByRole('toolbar', { name: 'Article actions' }).getByRole('button', { name: 'Publishing…' }).click()
    const dialog = app.page.getByRole('dialog', { name: 'Publishing' })
    await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeVisible()
    return dialog
  }
  let publishing = await open()
  await expectAccessible(app, 'publishing dialog')
  await expect(publishing.getByRole('combobox', { name: 'Paper size of the PDF' })).toHaveValue('')
  await publishing.getByRole('textbox', { name: 'Conclusion (shown first in the report)' }).fill('The count is disputed.')
  await publishing.getByRole('textbox', { name: 'Name' }).fill('Example Fact Check')
  await publishing.getByRole('combobox', { name: 'Paper size of the PDF' }).selectOption({ label: 'Letter' })
  // A GIF named .png: the main side reads its bytes and refuses it, after the document's fields in the same call.
  const gif = testInfo.outputPath('logo.png')
  writeFileSync(gif, Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;', 'latin1'))
  await publishing.getByLabel(/^Logo/).setInputFiles(gif)
  await publishing.getByRole('button', { name: 'Save' }).click()
  await expect(publishing.getByRole('alert')).toHaveText(/The logo must be a PNG or JPEG picture/)
  await publishing.getByRole('button', { name: 'Cancel' }).click()
  await expect(publishing).toBeHidden()

  publishing = await open()
  await expect(publishing.getByRole('textbox', { name: 'Conclusion (shown first in the report)' })).toHaveValue('')
  await expect(publishing.getByRole('textbox', { name: 'Name' })).toHaveValue('')
  await expect(publishing.getByRole('combobox', { name: 'Paper size of the PDF' })).toHaveValue('')
  await publishing.getByRole('textbox', { name: 'Name' }).fill('Example Fact Check')
  await publishing.getByRole('combobox', { name: 'Paper size of the PDF' }).selectOption({ label: 'Letter' })
  await publishing.getByRole('button', { name: 'Save' }).click()
  await expect(publishing).toBeHidden()

  const exporter = new ExportDialogPage(app)
  await exporter.open()
  const pdf = testInfo.outputPath('report.pdf')
  await (await exporter.export('Annotated report (PDF)', { internal: true })).saveAs(pdf)
  expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts \(letter\)/)
})
