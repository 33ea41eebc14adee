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
 *  5. the page's JS heap after opening (after a forced GC) vs the bare page's.
 *
 * Both pages are timed inside the page (performance.now, polled at each
 * animation frame), so Playwright's own overhead counts for neither.
 */
import { chromium, type Browser, type Page } from '@playwright/test'
import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
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
const OPEN_RUNS = 3
const MARK_RUNS = 5
const TITLE = 'A desk-sized article'

interface Article {
  text: string
  /** Claimed spans, and free sentences left for marking. */
  claimed: { start: number; end: number }[]
  free: { start: number; end: number; sentence: string }[]
}

/** About 1 MB of paragraphs of three sentences; 10,000 sentences are claims. */
function makeArticle(): Article {
  const paragraphs: string[][] = []
  let size = TITLE.length
  for (let i = 0; size < TARGET_BYTES; i++) {
    const sentences = [0, 1, 2].map(
      (s) => `Sentence ${s + 1} of paragraph ${i} says that ${(i * 37 + s * 11) % 9973} people were counted in district ${i % 97}.`
    )
    paragraphs.push(sentences)
    size += sentences.join(' ').length + 2
  }
  let text = TITLE
  const claimed: Article['claimed'] = []
  const free: Article['free'] = []
  // The first two sentences of every paragraph, then third sentences from the top, until there are CLAIMS.
  const thirds = CLAIMS - 2 * paragraphs.length
  paragraphs.forEach((sentences, i) => {
    text += '\n\n'
    sentences.forEach((sentence, s) => {
      if (s > 0) text += ' '
      const span = { start: text.length, end: text.length + sentence.length }
      if (claimed.length < CLAIMS && (s < 2 || i < thirds)) claimed.push(span)
      else free.push({ ...span, sentence })
      text += sentence
    })
  })
  if (claimed.length !== CLAIMS || free.length < MARK_RUNS * 7) throw new Error('The article is too small for the claims asked for')
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

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
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
    const article = makeArticle()
    const document = ok<ArticleDocument>(library, 'importDocument', { source: { kind: 'text', text: article.text, format: 'text' } })
    if (document.text !== article.text) throw new Error('The article did not import verbatim')
    // Seeding, not measured: one transaction around the 10,000 createClaim calls.
    library.db.transaction(() => {
      for (const span of article.claimed) ok<Claim>(library, 'createClaim', { documentId: document.id, ...span })
    })()

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
    const clickDocument = `Array.from(document.querySelectorAll('nav[aria-label="Library"] button')).find((b) => b.textContent.includes(${JSON.stringify(TITLE)})).click()`

    // 1. Opening, and 5. the heap once opened.
    console.log(`  seeded ${CLAIMS} claims; opening…`)
    const realOpen: number[] = []
    const bareOpen: number[] = []
    let realHeap = 0
    let bareHeap = 0
    for (let i = 0; i < OPEN_RUNS; i++) {
      const page = await openReal()
      realOpen.push((await page.evaluate(timed(clickDocument, `${highlightCount} >= ${CLAIMS}`))) as number)
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
      const before = (await page.evaluate(highlightCount)) as number
      const clickMark = `Array.from(document.querySelectorAll('button')).find((b) => b.textContent.trim() === 'Mark as claim').click()`
      realMark.push((await page.evaluate(timed(clickMark, `${highlightCount} > ${before}`))) as number)
      bareDecoration.push(
        (await barePage.evaluate(
          timed(`window.bare.addClaim('new-${i}', ${free.start}, ${free.end})`, `!!document.querySelector('[data-claim-id="new-${i}"]')`)
        )) as number
      )
    }
    const committed = ok<Claim[]>(library, 'listClaims', { documentId: document.id }).length
    if (committed !== CLAIMS + MARK_RUNS) throw new Error(`Expected ${CLAIMS + MARK_RUNS} claims committed, found ${committed}`)
    const bareInsert = await bareInsertMs(dir, article.text, article.claimed)

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
        name: `renderer JS heap with ${CLAIMS} claims`,
        unit: 'MB',
        measured: realHeap,
        baseline: bareHeap,
        goal: 2
      }
    ]
  } finally {
    await browser?.close()
    for (const host of hosts) await host.close()
    library.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
