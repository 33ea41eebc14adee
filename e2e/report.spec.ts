/**
 * Exporting a report from the window: the export dialog downloads the
 * annotated HTML (and the other formats) with the analyst's claims in it.
 */
import { readFileSync } from 'node:fs'
import { uyghurArticle } from './fixtures/articles'
import { ExportDialogPage } from './pages/report'
import { expect, test } from './support/fixtures'

test('the export dialog downloads the annotated HTML report', async ({ factmark }, testInfo) => {
  const app = factmark.app
  await app.importPasted(uyghurArticle.text)
  await app.select('114 Uyghurs have joined IS.')
  await app.markClaim()
  await app.select('有114名维吾尔人加入了伊斯兰国')
  await app.markClaim()

  const exporter = new ExportDialogPage(app)
  await exporter.open()
  // Two unverified claims, no organisation, no publication address: the dialog says so, each claim a way to it.
  await expect(exporter.readiness).toContainText('No publishing organisation')
  await expect(exporter.readiness.getByRole('button', { name: 'Claim 2 is still Unverified.' })).toBeVisible()
  await exporter.dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(exporter.dialog.getByRole('alert')).toContainText('Not ready to publish')
  const download = await exporter.export('Annotated report (HTML)', { knowingly: true })
  expect(download.suggestedFilename()).toBe('Uyghur-fighters-in-Syria.html')
  const path = testInfo.outputPath('report.html')
  await download.saveAs(path)
  const html = readFileSync(path, 'utf8')
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;`)
  expect(html).not.toMatch(/<script/i)
  expect(html).toContain('<mark class="claim v-unverified" data-claims="1">114 Uyghurs have joined IS.</mark>')
  expect(html).toContain('<mark class="claim v-unverified" data-claims="2">有114名维吾尔人加入了伊斯兰国</mark>')
  expect(html).toContain('id="claim-2"')

  // The report opens in a browser, its markers linked to its entries.
  const report = await app.page.context().newPage()
  await report.goto(`file://${path}`)
  await expect(report.getByRole('heading', { name: uyghurArticle.title, level: 1 })).toBeVisible()
  await report.getByRole('link', { name: 'Claim 2: Unverified' }).click()
  await expect(report).toHaveURL(/#claim-2$/)
  await report.close()
})

test('the export dialog filters by verdict, exports PDF, and refuses an empty choice', async ({ factmark }, testInfo) => {
  const app = factmark.app
  await app.importPasted(uyghurArticle.text)
  await app.select('114 Uyghurs have joined IS.')
  await app.markClaim()
  const exporter = new ExportDialogPage(app)

  const dialog = await exporter.open()
  await dialog.getByRole('button', { name: 'No verdicts' }).click()
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(dialog.getByRole('alert')).toHaveText('Choose at least one verdict to include.')

  // Only verified claims: none yet, so the CSV has its header alone.
  const csv = await exporter.export('Spreadsheet (CSV)', { onlyVerdicts: ['Verified'] })
  const csvPath = testInfo.outputPath('claims.csv')
  await csv.saveAs(csvPath)
  expect(readFileSync(csvPath, 'utf8').trim().split('\r\n')).toHaveLength(1)

  await exporter.open()
  const pdf = await exporter.export('Annotated report (PDF)', { knowingly: true })
  expect(pdf.suggestedFilename()).toBe('Uyghur-fighters-in-Syria.pdf')
  const pdfPath = testInfo.outputPath('report.pdf')
  await pdf.saveAs(pdfPath)
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-')
})

test("a colleague's JSON-LD export imports with its claims and verdicts", async ({ factmark }, testInfo) => {
  const app = factmark.app
  await app.importPasted(uyghurArticle.text)
  await app.select('114 Uyghurs have joined IS.')
  await app.markClaim()
  await app.page.keyboard.press('4') // Disputed, on the selected claim
  await expect(app.claimCards.first()).toContainText('Disputed')

  const exporter = new ExportDialogPage(app)
  await exporter.open()
  const download = await exporter.export('W3C Web Annotations (JSON-LD)')
  const path = testInfo.outputPath('colleague.jsonld')
  await download.saveAs(path)

  // The file comes back in through the Import dialog, as a second document.
  await app.importFile(path)
  await expect(app.library.getByRole('button', { name: /Uyghur fighters in Syria/ })).toHaveCount(2)
  await expect(app.claimCards).toHaveCount(1)
  await expect(app.claimCards.first()).toContainText('Disputed')
  expect(await app.highlightedTexts()).toEqual(['114 Uyghurs have joined IS.'])
})
