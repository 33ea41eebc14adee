/** Restoring one of the library's automatic backups from the app, and undoing it. */
import { expect, test } from './support/fixtures'

test('a backup is restored from the library pane, and the replaced library is kept', async ({ factmark }) => {
  let app = factmark.app
  await app.importPasted('First article\n\nIt says 114 things.', { title: 'First article' })
  // The app backs the library up each time it starts: now with the first article in it.
  app = await factmark.restart()
  await app.importPasted('Second article\n\nIt says 300 things.', { title: 'Second article' })
  await expect(app.library.getByRole('button', { name: /article/ })).toHaveCount(2)

  await app.library.getByRole('button', { name: 'Backups…' }).click()
  const dialog = app.page.getByRole('dialog', { name: 'Backups of this library' })
  const restoreButtons = dialog.getByRole('button', { name: /^Restore the backup of/ })
  await expect(restoreButtons).toHaveCount(2)
  await restoreButtons.first().click() // the newest: the first article alone
  await dialog.getByRole('group', { name: 'Confirm the restore' }).getByRole('button', { name: 'Restore this backup' }).click()

  // The window starts afresh on the restored library.
  await expect(app.library.getByRole('button', { name: /First article/ })).toBeVisible()
  await expect(app.library.getByRole('button', { name: /Second article/ })).toHaveCount(0)

  // The library as it was (with the second article) is now the newest backup.
  await app.library.getByRole('button', { name: 'Backups…' }).click()
  await expect(restoreButtons).toHaveCount(3)
  await restoreButtons.first().click()
  await dialog.getByRole('button', { name: 'Restore this backup' }).click()
  await expect(app.library.getByRole('button', { name: /Second article/ })).toBeVisible()
})
