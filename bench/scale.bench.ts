/**
 * Factmark at the scale of a real desk: a 1 MB article with 10,000 claims,
 * in the real renderer through the browser host, in Chromium.
 *
 *  1. opening it (click in the library → all 10,000 highlights in the DOM at a
 *     frame) vs a bare ProseMirror page (bench/bare) fetching the same
 *     document and claims from the same host and showing the same decorations;
 *  2. marking one more claim (click on "Mark as claim" → its highlight in the
 *     DOM at a frame, the row committed) vs a bare SQLite insert plus a bare
 *     decoration update;
 *  3. switching between two documents of 1,000 claims each (click in the
 *     library → the other's highlights all drawn) vs the bare page opening it;
 *  4. a keystroke in a note on a claim of the 10,000-claim document, from the
 *     key event to the end of the frame that paints it (p95), beside the same
 *     keystroke in a bare textarea next to the bare page's 10,000 claims;
 *  5. the page's JS heap after opening (after a forced GC) vs the bare page's.
 *
 * Both pages are timed inside the page (performance.now, polled at each
 * animation frame), so Playwright's own overhead counts for neither.
 */
import { chromium, type Browser, type Locator, type Page } from '@playwright/test'
import Database from 'better-sqlite3'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { dispatch } from '../src/main/operations/dispatch'
import { openLibrary, type Library } from '../src/main/library/library'
import { startHost, type Host } from '../src/main/serve/host'
import type { ArticleDocument, Claim } from '../src/shared/model'
import { medianMs, type BenchResult } from './types'
import { findChromium, quietChromiumFlags } from '../src/main/report/chromium'

/** The desk's scale; FACTMARK_BENCH_CLAIMS and FACTMARK_BENCH_BYTES shrink it for a quick look. */
const CLAIMS = Number(process.env.FACTMARK_BENCH_CLAIMS ?? 10_000)
const TARGET_BYTES = Number(process.env.FACTMARK_BENCH_BYTES ?? 1024 * 1024)
const OPEN_RUNS = Number(process.env.FACTMARK_BENCH_OPEN_RUNS ?? 3)
const MARK_RUNS = 5
const TITLE = 'A desk-sized article'
/** The two documents switched between: 1,000 claims each. */
const SWITCH_TITLES = ['A first article of a thousand claims', 'A second article of a thousand claims']
const SWITCH_CLAIMS = 1_000
const SWITCH_BYTES = 100 * 1024
const SWITCH_RUNS = 6
const KEYSTROKES = 80

interface Article {
  text: string
  /** Claimed spans, and free sentences left for marking. */
  claimed: { start: number; end: number }[]
  free: { start: number; end: number; sentence: string }[]
}

/** About `bytes` of paragraphs of three sentences; `claims` sentences are claims. */
function makeArticle(title: string, bytes: number, claims: number): Article {
  const paragraphs: string[][] = []
  let size = title.length
  for (let i = 0; size < bytes; i++) {
    const sentences = [0, 1, 2].map(
      (s) => `Sentence ${s + 1} of paragraph ${i} says that ${(i * 37 + s * 11 + title.length) % 9973} people were counted in district ${i % 97}.`
    )
    paragraphs.push(sentences)
    size += sentences.join(' ').length + 2
  }
  let text = title
  const claimed: Article['claimed'] = []
  const free: Article['free'] = []
  // The first two sentences of every paragraph, then third sentences from the top, until there are CLAIMS.
  const thirds = claims - 2 * paragraphs.length
  paragraphs.forEach((sentences, i) => {
    text += '\n\n'
    sentences.forEach((sentence, s) => {
      if (s > 0) text += ' '
      const span = { start: text.length, end: text.length + sentence.length }
      if (claimed.length < claims && (s < 2 || i < thirds)) claimed.push(span)
      else free.push({ ...span, sentence })
      text += sentence
    })
  })
  if (claimed.length !== claims || free.length < MARK_RUNS * 7) throw new Error('The article is too small for the claims asked for')
  return { text, claimed, free }
}

function ok<T>(library: Library, name: Parameters<typeof dispatch>[1], input: unknown): T {
  const outcome = dispatch(library.service, name, input)
  if (!outcome.ok) throw new Error(`${String(name)}: ${outcome.error.message}`)
  return outcome.value as T
}

/** Page-side: resolves with the ms from `act` to the first frame where `done` holds. */
const timed = (act: string, done: string) => `(async () => {
  const t0 = performance.now()
  ${act}
  await new Promise((resolve) => {
    const check = () => ((${done}) ? resolve() : requestAnimationFrame(check))
    requestAnimationFrame(check)
  })
  return performance.now() - t0
})()`

const highlightCount = `new Set(Array.from(document.querySelectorAll('[data-claim-id]'), (e) => e.dataset.claimId)).size`

/** Page-side: selects one sentence of the article as a mouse drag would. */
const selectSentence = (sentence: string) => `(() => {
  const root = document.querySelector('.article')
  const nodes = []
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  while (walker.nextNode()) nodes.push(walker.currentNode)
  let seen = 0
  const target = ${JSON.stringify(sentence)}
  for (const node of nodes) {
    const at = node.data.indexOf(target)
    if (at >= 0) {
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + target.length)
      getSelection().removeAllRanges()
      getSelection().addRange(range)
      return true
    }
    seen += node.data.length
  }
  return false
})()`

/**
 * FACTMARK_BENCH_PROFILE=DIR: records a performance trace (Chrome DevTools protocol: scripts,
 * style, layout, paint) of each measured action to DIR/NAME.json, to open in DevTools'
 * Performance panel. Off by default: tracing slows what it watches.
 */
async function profiled<T>(page: Page, name: string, action: () => Promise<T>): Promise<T> {
  const dir = process.env.FACTMARK_BENCH_PROFILE
  if (!dir) return action()
  mkdirSync(dir, { recursive: true })
  const browser = page.context().browser()!
  await browser.startTracing(page, { path: join(dir, `${name}.json`), categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'] })
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.start')
  try {
    return await action()
  } finally {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown }
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile))
    await cdp.detach()
    await browser.stopTracing()
  }
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
  const dir = process.env.FACTMARK_BENCH_PROFILE
  if (dir) {
    // And where that heap goes: a snapshot for DevTools' Memory panel.
    const chunks: string[] = []
    cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk))
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
    writeFileSync(join(dir, `heap-${new URL(page.url()).port}-${Date.now()}.heapsnapshot`), chunks.join(''))
  }
  await cdp.detach()
  return usedSize / 1024 / 1024
}

/** Bare SQLite: one claim row inserted and committed, on a table already holding 10,000, same pragmas as Factmark. */
function bareInsertMs(dir: string, text: string, spans: Article['claimed']): Promise<number> {
  const db = new Database(join(dir, 'bare.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec('CREATE TABLE claims (id TEXT PRIMARY KEY, document_id TEXT, exact TEXT, start_offset INTEGER, end_offset INTEGER)')
  const insert = db.prepare('INSERT INTO claims VALUES (?, ?, ?, ?, ?)')
  db.transaction(() => spans.forEach((s, i) => insert.run(`c${i}`, 'd', text.slice(s.start, s.end), s.start, s.end)))()
  let n = 0
  return medianMs(20, () => {
    n++
    db.transaction(() => insert.run(`new${n}`, 'd', 'exact', 1, 2))()
  }).finally(() => db.close())
}

/**
 * Types KEYSTROKES letters into a text box; for each, the ms from the key event to the end
 * of the frame that paints it (a task posted from that frame's animation callback runs
 * once the frame is drawn).
 */
async function keystrokes(page: Page, box: Locator): Promise<number[]> {
  await box.click()
  await page.evaluate(`(() => {
    window.keyToPaint = []
    addEventListener('keydown', (event) => {
      const t0 = event.timeStamp
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => window.keyToPaint.push(performance.now() - t0)
        channel.port2.postMessage(null)
      })
    }, true)
  })()`)
  const letters = 'the minister said so '
  let typed = ''
  for (let i = 0; i < KEYSTROKES; i++) {
    const key = letters[i % letters.length]!
    await page.keyboard.press(key === ' ' ? 'Space' : key)
    typed += key
    await page.waitForTimeout(40)
  }
  if ((await box.inputValue()) !== typed) throw new Error('The keystrokes did not all reach the text box')
  return (await page.evaluate('window.keyToPaint')) as number[]
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!

export async function run(): Promise<BenchResult[]> {
  // `npm run bench` builds both pages first (building here would restart vite-node's server under us).
  for (const page of ['out/renderer/index.html', 'out/bench-bare/index.html']) {
    if (!existsSync(page)) throw new Error(`${page} is missing: run the benchmarks with \`npm run bench\`, which builds it.`)
  }

  const dir = mkdtempSync(join(tmpdir(), 'factmark-bench-scale-'))
  let browser: Browser | undefined
  const hosts: Host[] = []
  const library = openLibrary(dir)
  try {
    // Seeding, not measured: one transaction around each document's createClaim calls.
    const seed = (article: Article) => {
      const document = ok<ArticleDocument>(library, 'importDocument', { source: { kind: 'text', text: article.text, format: 'text' } })
      if (document.text !== article.text) throw new Error('The article did not import verbatim')
      const claims = library.db.transaction(() => article.claimed.map((span) => ok<Claim>(library, 'createClaim', { documentId: document.id, ...span })))()
      return { document, lastClaimId: claims.at(-1)!.id }
    }
    const article = makeArticle(TITLE, TARGET_BYTES, CLAIMS)
    const { document } = seed(article)
    const pair = SWITCH_TITLES.map((title) => ({ title, ...seed(makeArticle(title, SWITCH_BYTES, SWITCH_CLAIMS)) }))

    const real = await startHost({ handlers: library.service, staticDir: resolve('out/renderer') })
    const bare = await startHost({ handlers: library.service, staticDir: resolve('out/bench-bare') })
    hosts.push(real, bare)
    browser = await chromium.launch({ executablePath: findChromium() ?? '/usr/bin/chromium', args: quietChromiumFlags })
    const newPage = async (url: string) => {
      const context = await browser!.newContext({ viewport: { width: 1400, height: 900 } })
      const page = await context.newPage()
      await page.goto(url)
      return page
    }

    const openReal = async (): Promise<Page> => {
      const page = await newPage(real.url)
      await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: new RegExp(TITLE) }).waitFor()
      return page
    }
    const openBare = async (): Promise<Page> => {
      const page = await newPage(bare.url)
      await page.waitForFunction('!!window.bare')
      return page
    }
    const clickTitle = (title: string) =>
      `Array.from(document.querySelectorAll('nav[aria-label="Library"] button')).find((b) => b.textContent.includes(${JSON.stringify(title)})).click()`
    const clickDocument = clickTitle(TITLE)

    // 1. Opening, and 5. the heap once opened.
    console.log(`  seeded ${CLAIMS} claims; opening…`)
    const realOpen: number[] = []
    const bareOpen: number[] = []
    let realHeap = 0
    let bareHeap = 0
    for (let i = 0; i < OPEN_RUNS; i++) {
      const page = await openReal()
      realOpen.push(await profiled(page, `open-${i}`, () => page.evaluate(timed(clickDocument, `${highlightCount} >= ${CLAIMS}`)) as Promise<number>))
      console.log(`  opened in the app: ${realOpen.at(-1)!.toFixed(0)} ms`)
      realHeap = Math.max(realHeap, await heapMB(page))
      await page.context().close()
      const barePage = await openBare()
      bareOpen.push(
        (await barePage.evaluate(timed(`await window.bare.open(${JSON.stringify(document.id)})`, `${highlightCount} >= ${CLAIMS}`))) as number
      )
      bareHeap = Math.max(bareHeap, await heapMB(barePage))
      await barePage.context().close()
    }

    // 2. Marking one more claim.
    const page = await openReal()
    await page.evaluate(timed(clickDocument, `${highlightCount} >= ${CLAIMS}`))
    const barePage = await openBare()
    await barePage.evaluate(`window.bare.open(${JSON.stringify(document.id)})`)
    const realMark: number[] = []
    const bareDecoration: number[] = []
    for (let i = 0; i < MARK_RUNS; i++) {
      const free = article.free[i * 7]!
      if (!(await page.evaluate(selectSentence(free.sentence)))) throw new Error(`"${free.sentence}" is not on the page`)
      await page.waitForTimeout(50) // ProseMirror reads the DOM selection on selectionchange
      const clickMark = `Array.from(document.querySelectorAll('button')).find((b) => b.textContent.trim() === 'Mark as claim').click()`
      // Done when the new claim's highlight is drawn: it takes the next number (the same cheap check as the bare page's).
      const number = CLAIMS + i + 1
      realMark.push(await profiled(page, `mark-${i}`, () => page.evaluate(timed(clickMark, `!!document.querySelector('[data-claim-id][aria-description^="Claim ${number}:"]')`)) as Promise<number>))
      bareDecoration.push(
        (await barePage.evaluate(
          timed(`window.bare.addClaim('new-${i}', ${free.start}, ${free.end})`, `!!document.querySelector('[data-claim-id="new-${i}"]')`)
        )) as number
      )
    }
    const committed = ok<Claim[]>(library, 'listClaims', { documentId: document.id }).length
    if (committed !== CLAIMS + MARK_RUNS) throw new Error(`Expected ${CLAIMS + MARK_RUNS} claims committed, found ${committed}`)
    const bareInsert = await bareInsertMs(dir, article.text, article.claimed)

    // 4. A keystroke in a note on the claim just marked (its card is open), and in the bare page's textarea.
    await page.waitForTimeout(1500) // the selected highlight's flash is over
    const realKeys = await keystrokes(page, page.getByRole('textbox', { name: 'New note' }))
    const bareKeys = await keystrokes(barePage, barePage.getByRole('textbox', { name: 'Note' }))
    await page.context().close()
    await barePage.context().close()

    // 3. Switching between two documents of 1,000 claims each: the other's highlights, all drawn.
    const allOf = (lastClaimId: string) =>
      `document.querySelectorAll('[data-claim-id]').length >= ${SWITCH_CLAIMS} && !!document.querySelector('[data-claim-id="${lastClaimId}"]')`
    const switchPage = await openReal()
    await switchPage.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: new RegExp(SWITCH_TITLES[1]!) }).waitFor()
    const bareSwitchPage = await openBare()
    const realSwitch: number[] = []
    const bareSwitch: number[] = []
    for (let i = 0; i <= SWITCH_RUNS; i++) {
      const to = pair[i % 2]!
      const realMs = await profiled(switchPage, `switch-${i}`, () => switchPage.evaluate(timed(clickTitle(to.title), allOf(to.lastClaimId))) as Promise<number>)
      const bareMs = (await bareSwitchPage.evaluate(timed(`await window.bare.open(${JSON.stringify(to.document.id)})`, allOf(to.lastClaimId)))) as number
      // The first opening of each is not a switch.
      if (i > 0) {
        realSwitch.push(realMs)
        bareSwitch.push(bareMs)
      }
    }

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    const size = `${(article.text.length / 1024 / 1024).toFixed(2)} MB, ${CLAIMS} claims`
    return [
      {
        name: `open a ${(article.text.length / 1024 / 1024).toFixed(1)} MB article with ${CLAIMS} claims`,
        unit: 'ms',
        measured: median(realOpen),
        baseline: median(bareOpen),
        goal: 1.5,
        notes: `${size}; runs ${realOpen.map((x) => x.toFixed(0)).join('/')} vs ${bareOpen.map((x) => x.toFixed(0)).join('/')}`
      },
      {
        name: 'mark one more claim at that size',
        unit: 'ms',
        measured: median(realMark),
        baseline: median(bareDecoration) + bareInsert,
        goal: 2,
        notes: `bare = decoration ${median(bareDecoration).toFixed(2)} ms + insert ${bareInsert.toFixed(2)} ms`
      },
      {
        name: `switch between two documents of ${SWITCH_CLAIMS} claims`,
        unit: 'ms',
        measured: median(realSwitch),
        baseline: median(bareSwitch),
        goal: 1.5,
        notes: `runs ${realSwitch.map((x) => x.toFixed(0)).join('/')} vs ${bareSwitch.map((x) => x.toFixed(0)).join('/')}`
      },
      {
        name: `keystroke in a note to paint, p95, ${CLAIMS} claims`,
        unit: 'ms',
        measured: p95(realKeys),
        baseline: p95(bareKeys),
        atMost: 16,
        notes: `${realKeys.length} keys; median ${median(realKeys).toFixed(1)} vs ${median(bareKeys).toFixed(1)} ms; bare: a textarea beside the bare page`
      },
      {
        name: `renderer JS heap with ${CLAIMS} claims`,
        unit: 'MB',
        measured: realHeap,
        baseline: bareHeap,
        goal: 1.5
      }
    ]
  } finally {
    await browser?.close()
    for (const host of hosts) await host.close()
    library.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
