/**
 * An editor gets a fact-check ready to publish, as a user would: the export
 * dialog lists what blocks it; each entry leads to its fix (the publishing
 * details, the claim card); once the list is empty the public report goes
 * out, with the rationale and the note made public, and never an internal note.
 */
import { readFileSync } from 'node:fs'
import { uyghurArticle } from './fixtures/articles'
import { ExportDialogPage } from './pages/report'
import { WorkflowPage } from './pages/workflow'
import { expect, test } from './support/fixtures'

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
