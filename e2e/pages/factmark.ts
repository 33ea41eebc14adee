/**
 * The page object: Factmark as an analyst sees it. Controls are found by
 * role and accessible name, as a screen-reader user would find them.
 */
import { expect, type Locator, type Page } from '@playwright/test'

export class FactmarkPage {
  constructor(readonly page: Page) {}

  get library(): Locator {
    return this.page.getByRole('navigation', { name: 'Library' })
  }
  get claimsPane(): Locator {
    return this.page.getByRole('complementary', { name: 'Claims' })
  }
  get article(): Locator {
    return this.page.getByRole('textbox', { name: 'Article text' })
  }
  get claimCards(): Locator {
    return this.claimsPane.getByRole('listbox', { name: 'Claims list' }).getByRole('option', { name: /^Claim \d+/ })
  }
  get alert(): Locator {
    return this.page.getByRole('alert')
  }
  /** The message line's polite announcements (confirmations, undo, hints). */
  get status(): Locator {
    return this.page.getByRole('main', { name: 'Article' }).getByRole('status')
  }

  /** The question the app asks on first run. */
  get firstRun(): Locator {
    return this.page.getByRole('dialog', { name: 'Welcome to Factmark' })
  }

  /** Answers the first-run question with the analyst's full name. */
  async giveName(name: string): Promise<void> {
    await this.firstRun.getByRole('textbox', { name: 'Your full name' }).fill(name)
    await this.firstRun.getByRole('button', { name: 'Continue' }).click()
    await expect(this.firstRun).toBeHidden()
  }

  async openImport(): Promise<Locator> {
    await this.library.getByRole('button', { name: 'Import…' }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Import an article' })
    await expect(dialog).toBeVisible()
    return dialog
  }

  async importPasted(text: string, options: { title?: string; markdown?: boolean } = {}): Promise<void> {
    const dialog = await this.openImport()
    if (options.title) await dialog.getByRole('textbox', { name: /^Title/ }).fill(options.title)
    await dialog.getByRole('textbox', { name: 'Article text' }).fill(text)
    if (options.markdown) await dialog.getByRole('radio', { name: 'Markdown' }).check()
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    await expect(dialog).toBeHidden()
    await expect(this.article).toBeVisible()
  }

  async importFile(file: string): Promise<void> {
    const dialog = await this.openImport()
    await dialog.getByLabel(/^Or import a file/).setInputFiles(file)
  }

  async openDocument(title: string): Promise<void> {
    await this.library.getByRole('button', { name: new RegExp(escapeRegExp(title)) }).click()
    await expect(this.page.getByRole('heading', { name: title, level: 2 })).toBeVisible()
  }

  /**
   * Selects article text from the start of `from` to the end of `to` (or of
   * `from` alone), as a mouse drag would leave the DOM selection.
   */
  async select(from: string, to: string = from): Promise<void> {
    await this.article.focus()
    const found = await this.article.evaluate(
      (root, [first, last]) => {
        const nodes: Text[] = []
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
        while (walker.nextNode()) nodes.push(walker.currentNode as Text)
        const whole = nodes.map((node) => node.data).join('')
        const start = whole.indexOf(first!)
        const end = start < 0 ? -1 : whole.indexOf(last!, start) + last!.length
        if (start < 0 || end < start + last!.length) return false
        const locate = (offset: number, preferNext: boolean): [Text, number] => {
          let seen = 0
          for (const node of nodes) {
            const after = seen + node.data.length
            if (offset < after || (offset === after && !preferNext)) return [node, offset - seen]
            seen = after
          }
          const lastNode = nodes[nodes.length - 1]!
          return [lastNode, lastNode.data.length]
        }
        const range = document.createRange()
        range.setStart(...locate(start, true))
        range.setEnd(...locate(end, false))
        const selection = window.getSelection()!
        selection.removeAllRanges()
        selection.addRange(range)
        return true
      },
      [from, to]
    )
    expect(found, `"${from}"…"${to}" is in the article`).toBe(true)
    // ProseMirror reads the DOM selection on selectionchange.
    await this.page.waitForTimeout(50)
  }

  /** How many claims the list holds (it draws only the rows in view; each row knows the list's size). */
  async claimCount(): Promise<number> {
    if ((await this.claimCards.count()) === 0) return 0
    return Number(await this.claimCards.first().getAttribute('aria-setsize'))
  }

  async markClaim(via: 'button' | 'shortcut' = 'button'): Promise<void> {
    const before = await this.claimCount()
    if (via === 'button') await this.page.getByRole('button', { name: 'Mark as claim' }).click()
    else await this.article.press('ControlOrMeta+Enter')
    await expect.poll(() => this.claimCount()).toBe(before + 1)
  }

  /** The text each highlighted claim covers, in document order, joined per claim. */
  async highlightedTexts(): Promise<string[]> {
    return this.article.evaluate((root) => {
      const byClaim = new Map<string, string>()
      root.querySelectorAll<HTMLElement>('[data-claim-id]').forEach((element) => {
        const id = element.dataset.claimId!
        byClaim.set(id, (byClaim.get(id) ?? '') + element.textContent)
      })
      return [...byClaim.values()]
    })
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
