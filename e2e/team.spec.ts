/**
 * The team library in the app, on a throwaway PostgreSQL cluster: connecting
 * from the dialog (a wrong password first), the sync state in the top bar,
 * an editor's sign-off on the claim card, and a colleague's concurrent
 * verdict shown as a conflict; axe-core in each state.
 */
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { startCluster, type Cluster } from '../src/main/testing/postgres'
import { WorkflowPage } from './pages/workflow'
import { expectAccessible } from './support/axe'
import { expect, test } from './support/fixtures'

const CLI = resolve('out/main/cli.js')
let cluster: Cluster
let database: string

test.beforeAll(async () => {
  cluster = await startCluster()
  database = await cluster.createDatabase()
  await cluster.createRole('editor1', 'editor1-secret')
  await cluster.createRole('analyst2', 'analyst2-secret')
  for (const args of [
    ['team', 'init', cluster.url(database)],
    ['team', 'grant', 'editor1', 'editor', '--url', cluster.url(database)],
    ['team', 'grant', 'analyst2', 'analyst', '--url', cluster.url(database)]
  ]) {
    const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' })
    expect(run.stderr).toBe('')
  }
})
test.afterAll(() => cluster?.destroy())

test('an editor connects from the dialog, sees the sync state and approves a verdict', async ({ factmark }) => {
  test.setTimeout(120_000)
  const app = factmark.app
  const flow = new WorkflowPage(app)
  await app.importPasted('Bus report\n\nThe mayor said 40% of buses run late. Ridership fell.', { title: 'Bus report' })
  await app.openDocument('Bus report')
  await flow.markSentence('mayor')
  await flow.setStatus('False')

  const team = app.page.getByRole('region', { name: 'Team library' })
  await expectAccessible(app.page, 'no team yet')
  await team.getByRole('button', { name: 'Connect to a team…' }).click()
  const dialog = app.page.getByRole('dialog', { name: 'Connect to a team library' })
  await dialog.getByRole('textbox', { name: 'Address' }).fill(cluster.url(database, 'editor1'))
  await dialog.getByLabel('Password (not saved)').fill('wrong')
  await dialog.getByRole('button', { name: 'Connect' }).click()
  await expect(dialog.getByRole('alert')).toHaveText(/Wrong password for role “editor1”/)
  await expectAccessible(app.page, 'connect dialog, wrong password')
  await dialog.getByLabel('Password (not saved)').fill('editor1-secret')
  await dialog.getByRole('button', { name: 'Connect' }).click()
  await expect(dialog).toBeHidden()
  await expect(team.getByText('Team: connected')).toBeVisible({ timeout: 10_000 })
  await expect(team.getByText('all sent')).toBeVisible({ timeout: 10_000 })

  // The claim card offers the sign-off; the editor approves.
  const signOff = flow.card.getByLabel('Sign-off')
  await expect(signOff.getByText('Proposed')).toBeVisible()
  await expectAccessible(app.page, 'connected, verdict proposed')
  await signOff.getByRole('button', { name: 'Approve the verdict' }).click()
  await expect(signOff.getByText(/Approved by editor1/)).toBeVisible()
  await expect(team.getByText('all sent')).toBeVisible({ timeout: 10_000 })

  // A colleague who had not seen this verdict changes it: the live link brings it, the panel counts the conflict.
  const [claim] = await cluster.admin<{ key: string }>(database, "SELECT key FROM factmark.events WHERE entity = 'claims' LIMIT 1")
  await cluster.query(
    cluster.url(database, 'analyst2', 'analyst2-secret'),
    `INSERT INTO factmark.events (id, hlc, entity, key, parent, op, data, old) VALUES (gen_random_uuid(), $1, 'claims', $2, NULL, 'upsert', $3, $4)`,
    [(Date.now() + 1000) * 1024, claim!.key, { id: claim!.key, status: 'misleading' }, { id: claim!.key, status: 'unverified' }]
  )
  await expect(team.getByText('1 conflict')).toBeVisible({ timeout: 15_000 })
  // The open card shows the colleague's verdict and the value it replaced, without reopening anything.
  await expect(flow.card.getByRole('radio', { name: /Misleading/ })).toBeChecked()
  await expect(flow.history.filter({ hasText: 'Changed by analyst2 while editor1 was offline' })).toHaveCount(1)
  await expect(signOff.getByText(/changed since it was approved/)).toBeVisible()
  await expectAccessible(app.page, 'connected, with a conflict')
  for (const [width, height] of [[1024, 700], [1440, 900], [1920, 1080]] as const) {
    await app.page.setViewportSize({ width, height })
    await app.page.screenshot({ path: test.info().outputPath(`team-${width}.png`) })
    // The team panel pushes nothing past the window's edge.
    const overflow = () => app.page.evaluate(() => document.documentElement.scrollWidth)
    const withPanel = await overflow()
    const hide = (display: string) =>
      app.page.evaluate((value) => document.querySelector<HTMLElement>('.team-panel')!.style.setProperty('display', value), display)
    await hide('none')
    const without = await overflow()
    await hide('')
    expect(withPanel, `at ${width}px`).toBeLessThanOrEqual(Math.max(width, without))
  }
  const held = await cluster.admin<{ n: string }>(database, "SELECT count(*) AS n FROM factmark.events WHERE author = 'editor1' AND data ? 'approved_by'")
  expect(Number(held[0]!.n)).toBeGreaterThan(0)
})
