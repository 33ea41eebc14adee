/**
 * Page-object additions for the fact-check workflow: sentence snapping, the
 * claim card, search. Found by role and accessible name, like the rest.
 */
import { expect, type Locator } from '@playwright/test'
import type { FactmarkPage } from './factmark'

export class WorkflowPage {
  /** When this page object last double-clicked in the article (ms since the epoch). */
  private lastDoubleClick = 0

  constructor(readonly app: FactmarkPage) {}

  get page() {
    return this.app.page
  }
  get card(): Locator {
    return this.app.claimsPane.getByRole('region', { name: 'Claim card' })
  }
  get history(): Locator {
    return this.card.getByRole('list', { name: 'History' }).getByRole('listitem')
  }
  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search all documents' })
  }
  get searchResults(): Locator {
    return this.page.getByRole('region', { name: 'Search results' })
  }

  /** Double-clicks a word in the article: the whole sentence around it is selected. */
  async snapSentenceAt(word: string): Promise<string> {
    const box = await this.app.article.evaluate((root, target) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      while (walker.nextNode()) {
        const node = walker.currentNode as Text
        const at = node.data.indexOf(target)
        if (at < 0) continue
        node.parentElement?.scrollIntoView({ block: 'center' })
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + 1)
        const rect = range.getBoundingClientRect()
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
      }
      return null
    }, word)
    expect(box, `"${word}" is in the article`).not.toBeNull()
    // ProseMirror counts a click within 500 ms of a double-click at the same place as a triple-click
    // (select the paragraph), as a person's hand would not: leave the pause a person would.
    const since = Date.now() - this.lastDoubleClick
    if (since < 600) await this.page.waitForTimeout(600 - since)
    await this.page.mouse.dblclick(box!.x, box!.y)
    this.lastDoubleClick = Date.now()
    return this.page.evaluate(() => window.getSelection()?.toString() ?? '')
  }

  /** Marks the sentence around `word` as a claim, by double-click and Ctrl+Enter. */
  async markSentence(word: string): Promise<string> {
    const sentence = await this.snapSentenceAt(word)
    await this.app.markClaim('shortcut')
    return sentence
  }

  async setStatus(label: string): Promise<void> {
    await this.card.getByRole('radio', { name: new RegExp(label) }).check()
    await expect(this.card.getByRole('radio', { name: new RegExp(label) })).toBeChecked()
  }

  async addNote(body: string): Promise<void> {
    await this.card.getByRole('textbox', { name: 'New note' }).fill(body)
    await this.card.getByRole('button', { name: 'Add note' }).click()
    await expect(this.card.getByRole('textbox', { name: 'New note' })).toHaveValue('')
  }

  async fillSource(fields: { url: string; title?: string; excerpt?: string; stance?: string }): Promise<Locator> {
    const form = this.card.getByRole('form', { name: 'Add a source' })
    await form.getByRole('textbox', { name: 'URL' }).fill(fields.url)
    if (fields.title) await form.getByRole('textbox', { name: 'Title' }).fill(fields.title)
    if (fields.excerpt) await form.getByRole('textbox', { name: 'Excerpt' }).fill(fields.excerpt)
    if (fields.stance) await form.getByRole('combobox', { name: 'Stance' }).selectOption({ label: fields.stance })
    await form.getByRole('button', { name: 'Add source' }).click()
    return form
  }
}
