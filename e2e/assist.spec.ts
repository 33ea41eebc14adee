/**
 * Claim assist end to end: suggestions in an open article (faint marks, the
 * list in the claims pane, accepting one by keyboard), then a ClaimReview feed
 * imported through the prior fact-checks view and its match on the claim's card.
 */
import { expectAccessible } from './support/axe'
import { expect, test } from './support/fixtures'

const WORTHY = 'Unemployment doubled to 10 percent in 2009, according to the Labor Department.'
const ARTICLE = `Thank you all for coming tonight. ${WORTHY} It is good to be here with friends.\n\nWell, I hope you enjoy the evening.`

const FEED = JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'DataFeed',
  dataFeedElement: [
    {
      '@type': 'DataFeedItem',
      item: [
        {
          '@type': 'ClaimReview',
          url: 'https://checks.example/unemployment-2009',
          claimReviewed: 'Unemployment doubled to 10 percent in 2009.',
          author: { '@type': 'Organization', name: 'Example Checks' },
          datePublished: '2010-02-01',
          reviewRating: { '@type': 'Rating', alternateName: 'Mostly true' }
        },
        { '@type': 'ClaimReview', url: 'javascript:alert(1)', claimReviewed: '<img src=x onerror=alert(1)>' }
      ]
    }
  ]
})

test('accept a suggestion by keyboard, import a feed, and see the prior fact-check on the claim card', async ({ factmark }, testInfo) => {
  const app = factmark.app
  await app.page.setViewportSize({ width: 1440, height: 900 })
  await app.importPasted(ARTICLE, { title: 'Election night' })

  const suggestions = app.claimsPane.getByRole('region', { name: 'Suggestions' })
  const first = suggestions.getByRole('button', { name: /^Suggestion, score/ }).first()
  await expect(first).toContainText(WORTHY)
  await expect(app.page.locator('.suggestion-mark').first()).toBeVisible()
  await testInfo.attach('suggestions', { body: await app.page.screenshot(), contentType: 'image/png' })

  await expectAccessible(app.page, 'suggestions')

  // Alt+G goes to the list; A accepts the suggestion with focus (a command of the command table).
  await app.article.click()
  await app.page.keyboard.press('Alt+g')
  await expect(first).toBeFocused()
  await app.page.keyboard.press('a')
  await expect(app.claimCards).toHaveCount(1)
  await expect(app.claimCards.first()).toContainText(WORTHY)
  expect(await app.highlightedTexts()).toEqual([WORTHY])
  await expect(suggestions.getByText(WORTHY)).toHaveCount(0)
  await expect(app.status).toContainText('Suggestion accepted as claim 1.')

  // Focus stays in the list, on the next suggestion: X dismisses it.
  const next = suggestions.getByRole('button', { name: /^Suggestion, score/ }).first()
  await expect(next).toBeFocused()
  const dismissed = (await next.textContent())!.replace(/^\d+\s*/, '')
  await app.page.keyboard.press('x')
  await expect(suggestions.getByText(dismissed)).toHaveCount(0)
  await expect(suggestions.getByRole('button', { name: /^Suggestion, score/ }).first()).toBeFocused()
  // Undo takes the accepted suggestion's claim back, like any marking.
  await app.page.keyboard.press('Control+z')
  await expect(app.claimCards).toHaveCount(0)
  await app.page.keyboard.press('Control+Shift+z')
  await expect(app.claimCards).toHaveCount(1)

  await app.library.getByRole('button', { name: 'Prior fact-checks…' }).click()
  const dialog = app.page.getByRole('dialog', { name: 'Prior fact-checks' })
  await dialog.getByLabel(/Import a ClaimReview feed/).setInputFiles({ name: 'feed.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(FEED) })
  await expect(dialog.getByRole('status')).toContainText('Imported 1, refreshed 0, left out 1.')
  await expect(dialog.getByRole('list', { name: 'Items left out' })).toContainText('Item 2: “javascript:” addresses are not allowed')
  await expect(dialog.getByRole('list', { name: 'All prior fact-checks' }).getByRole('listitem')).toHaveCount(1)
  await expectAccessible(app.page, 'prior fact-checks dialog')
  await dialog.getByRole('button', { name: 'Close' }).click()

  await app.claimCards.first().click()
  const card = app.claimsPane.getByRole('region', { name: 'Claim card' })
  const prior = card.getByRole('list', { name: 'Prior fact-checks' })
  await expect(prior).toContainText('Mostly true')
  const link = prior.getByRole('link', { name: 'Unemployment doubled to 10 percent in 2009.' })
  await expect(link).toHaveAttribute('href', 'https://checks.example/unemployment-2009')
  await expect(link).toHaveAttribute('rel', /noopener/)
  await expect(card.locator('img')).toHaveCount(0)
  await expectAccessible(app.page, 'card with prior fact-checks')
  for (const [width, height] of [[1024, 700], [1440, 900], [1920, 1080]] as const) {
    await app.page.setViewportSize({ width, height })
    const shot = testInfo.outputPath(`assist-card-${width}.png`)
    await app.page.screenshot({ path: shot })
    await testInfo.attach(`assist-card-${width}`, { path: shot, contentType: 'image/png' })
  }
})
