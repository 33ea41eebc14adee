/**
 * The HTML report as a reader's browser shows it (the golden files, public
 * and internal): axe-core finds no accessibility violation, the page has a
 * <main> landmark and its language, Arabic-script and CJK quotes stand
 * upright with their own lang and dir, and the internal one says INTERNAL.
 */
import { expect, test } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

for (const file of ['report.html', 'report-internal.html']) {
  test(`${file}: axe-core finds no violation; landmarks, languages and upright quotes`, async ({ browser }) => {
    // The report's CSP forbids every script, axe's included: this context alone may inject it.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1024, height: 700 } })
    const page = await context.newPage()
    await page.goto(pathToFileURL(resolve('src/main/report/golden', file)).href)
    await page.addScriptTag({ content: axeSource })
    const results = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe
      return axe.run(document, { resultTypes: ['violations'] })
    })
    expect(results.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([])

    await expect(page.getByRole('main')).toHaveCount(1)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    const persian = page.locator('blockquote.quote', { hasText: '۱۱۴ اویغور' })
    await expect(persian).toHaveAttribute('lang', 'fa')
    await expect(persian).toHaveAttribute('dir', 'rtl')
    const chinese = page.locator('blockquote.quote', { hasText: '有114名维吾尔人' })
    await expect(chinese).toHaveAttribute('lang', 'zh')
    for (const quote of [persian, chinese]) expect(await quote.evaluate((el) => getComputedStyle(el).fontStyle)).toBe('normal')
    expect(await page.locator('blockquote.quote', { hasText: 'Dr. Lee' }).evaluate((el) => getComputedStyle(el).fontStyle)).toBe('italic')
    await expect(page.getByRole('heading', { name: 'How we rate' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Our conclusion' })).toBeVisible()
    if (file.includes('internal')) await expect(page.getByRole('note')).toContainText('INTERNAL')
    else await expect(page.getByText('INTERNAL')).toHaveCount(0)
    await page.screenshot({ path: test.info().outputPath(`${file}.png`), fullPage: false })
    await context.close()
  })
}
