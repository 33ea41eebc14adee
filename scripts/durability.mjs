/**
 * `npm run test:durability`: every acknowledged change survives the app being
 * killed. Drives writes through the HTTP API of the built browser host
 * (out/main/host.js, so run `npm run build` first) while the host is killed
 * with SIGKILL at random moments, CYCLES times (100 by default). After each
 * kill: `PRAGMA integrity_check` says ok; after each restart: every document
 * and claim whose creation was answered 200 is there.
 *
 * FACTMARK_DURABILITY_CYCLES and FACTMARK_DURABILITY_SEED override the defaults.
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBuiltHost } from './host.mjs'

const CYCLES = Number(process.env.FACTMARK_DURABILITY_CYCLES ?? 100)
let seed = Number(process.env.FACTMARK_DURABILITY_SEED ?? Date.now() % 2 ** 31)
const firstSeed = seed
/** Small deterministic PRNG (mulberry32), so a failing run can be replayed with its seed. */
function random() {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const dataDir = mkdtempSync(join(tmpdir(), 'factmark-durability-'))
const started = performance.now()

const startHost = () => startBuiltHost(dataDir)

/** One API call; answers the value only when the host acknowledged it (HTTP 200, ok). */
async function call(host, operation, input) {
  const outcome = await host.call(operation, input)
  if (!outcome.ok) throw new Error(`${operation} refused: ${outcome.error.message}`)
  return outcome.value
}

const ARTICLE = 'Durability\n\n' + Array.from({ length: 40 }, (_, i) => `Sentence ${i} says that ${i * 7} people were counted.`).join(' ')
const acknowledged = { documents: new Set(), claims: new Set() }
let target

/** Writes until the host dies: new documents and new claims, two at a time. */
async function writeUntilKilled(host) {
  const writer = async () => {
    for (;;) {
      try {
        if (random() < 0.3) {
          const document = await call(host, 'importDocument', { source: { kind: 'text', text: `${ARTICLE} ${acknowledged.documents.size}`, format: 'text' } })
          acknowledged.documents.add(document.id)
        } else {
          const start = 12 + Math.floor(random() * 1500)
          const claim = await call(host, 'createClaim', { documentId: target, start, end: start + 1 + Math.floor(random() * 60) })
          acknowledged.claims.add(claim.id)
        }
      } catch (error) {
        if (/refused:/.test(error.message)) continue // a span of white space: refused, not lost
        return // the host is gone: the call was never acknowledged
      }
    }
  }
  return Promise.all([writer(), writer()])
}

function checkIntegrity(cycle) {
  const db = new Database(join(dataDir, 'factmark.sqlite'))
  try {
    const result = db.pragma('integrity_check', { simple: true })
    if (result !== 'ok') throw new Error(`cycle ${cycle}: integrity_check says ${result}`)
  } finally {
    db.close()
  }
}

async function verify(host, cycle) {
  const documents = new Set((await call(host, 'listDocuments', {})).map((d) => d.id))
  for (const id of acknowledged.documents) if (!documents.has(id)) throw new Error(`cycle ${cycle}: acknowledged document ${id} is missing`)
  const claims = new Set((await call(host, 'listClaims', { documentId: target })).map((c) => c.id))
  for (const id of acknowledged.claims) if (!claims.has(id)) throw new Error(`cycle ${cycle}: acknowledged claim ${id} is missing`)
}

let host
try {
  host = await startHost()
  target = (await call(host, 'importDocument', { source: { kind: 'text', text: ARTICLE, format: 'text' } })).id
  acknowledged.documents.add(target)
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const writing = writeUntilKilled(host)
    const exited = new Promise((resolve) => host.child.once('exit', resolve))
    // Some kills land in the first writes after start-up, most in the thick of it.
    await new Promise((resolve) => setTimeout(resolve, random() < 0.2 ? random() * 5 : 5 + random() * 150))
    host.child.kill('SIGKILL')
    await exited
    await writing
    checkIntegrity(cycle)
    host = await startHost()
    await verify(host, cycle)
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(
    `Durability: ${CYCLES} SIGKILLs, ${acknowledged.documents.size} documents and ${acknowledged.claims.size} claims acknowledged, ` +
      `all present, integrity ok every time (${seconds} s, seed ${firstSeed}).`
  )
} catch (error) {
  console.error(`Durability FAILED (seed ${firstSeed}): ${error.message}`)
  process.exitCode = 1
} finally {
  // Whatever happened, leave no host running (a failure would otherwise keep this script alive).
  if (host && host.child.exitCode === null) host.child.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
}
