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

  /** The readiness list: what blocks publishing, as the dialog shows it. */
  get readiness(): Locator {
    return this.dialog.getByRole('region', { name: /Not ready to publish/ })
  }

  /**
   * Exports with the dialog open, and answers the download it starts.
   * `knowingly` ticks "Publish anyway" for a report the readiness check holds back.
   */
  async export(format: string, options: { onlyVerdicts?: string[]; knowingly?: boolean; internal?: boolean } = {}): Promise<Download> {
    const dialog = this.dialog
    await dialog.getByRole('radio', { name: format }).check()
    if (options.onlyVerdicts) {
      await dialog.getByRole('button', { name: 'No verdicts' }).click()
      for (const verdict of options.onlyVerdicts) await dialog.getByRole('checkbox', { name: verdict, exact: true }).check()
    }
    if (options.internal) await dialog.getByRole('checkbox', { name: /Internal working report/ }).check()
    if (options.knowingly) await dialog.getByRole('checkbox', { name: /Publish anyway/ }).check()
    const download = this.app.page.waitForEvent('download')
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
    const file = await download
    await expect(dialog).toBeHidden()
    return file
  }
}
