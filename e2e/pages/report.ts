/** The export dialog, as an analyst uses it: choose a format and verdicts, export, get a file. */
import { expect, type Download, type Locator } from '@playwright/test'
import type { FactmarkPage } from './factmark'

export class ExportDialogPage {
  constructor(readonly app: FactmarkPage) {}

  get dialog(): Locator {
    return this.app.page.getByRole('dialog', { name: 'Export a report' })
  }

  async open(): Promise<Locator> {
    await this.app.page.getByRole('button', { name: 'Export…' }).click()
    await expect(this.dialog).toBeVisible()
    return this.dialog
  }

  /** Exports with the dialog open, and answers the download it starts. */
  async export(format: string, options: { onlyVerdicts?: string[] } = {}): Promise<Download> {
    const dialog = this.dialog
    await dialog.getByRole('radio', { name: format }).check()
    if (options.onlyVerdicts) {
      await dialog.getByRole('button', { name: 'No verdicts' }).click()
      for (const verdict of options.onlyVerdicts) await dialog.getByRole('checkbox', { name: verdict, exact: true }).check()
    }
    const download = this.app.page.waitForEvent('download')
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
    const file = await download
    await expect(dialog).toBeHidden()
    return file
  }
}
