/**
 * The team library in the app, on a throwaway PostgreSQL cluster: connecting
 * from the dialog (a wrong password first), the sync state in the top bar,
 * and an editor's sign-off on the claim card.
 */
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { startCluster, type Cluster } from '../src/main/testing/postgres'
import { WorkflowPage } from './pages/workflow'
import { expect, test } from './support/fixtures'

const CLI = resolve('out/main/cli.js')
let cluster: Cluster
let database: string

test.beforeAll(async () => {
  cluster = await startCluster()
  database = await cluster.createDatabase()
  await cluster.createRole('editor1', 'editor1-secret')
  for (const args of [['team', 'init', cluster.url(database)], ['team', 'grant', 'editor1', 'editor', '--url', cluster.url(database)]]) {
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
  await team.getByRole('button', { name: 'Connect to a team…' }).click()
  const dialog = app.page.getByRole('dialog', { name: 'Connect to a team library' })
  await dialog.getByRole('textbox', { name: 'Address' }).fill(cluster.url(database, 'editor1'))
  await dialog.getByLabel('Password (not saved)').fill('wrong')
  await dialog.getByRole('button', { name: 'Connect' }).click()
  await expect(dialog.getByRole('alert')).toHaveText(/Wrong password for role “editor1”/)
  await dialog.getByLabel('Password (not saved)').fill('editor1-secret')
  await dialog.getByRole('button', { name: 'Connect' }).click()
  await expect(dialog).toBeHidden()
  await expect(team.getByText('Team: connected')).toBeVisible({ timeout: 10_000 })
  await expect(team.getByText('all sent')).toBeVisible({ timeout: 10_000 })

  // The claim card offers the sign-off; the editor approves.
  const signOff = flow.card.getByLabel('Sign-off')
  await expect(signOff.getByText('Proposed')).toBeVisible()
  await signOff.getByRole('button', { name: 'Approve the verdict' }).click()
  await expect(signOff.getByText(/Approved by editor1/)).toBeVisible()
  await expect(team.getByText('all sent')).toBeVisible({ timeout: 10_000 })
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
