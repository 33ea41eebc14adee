/**
 * Fuzzing the contract: random and malformed inputs to EVERY operation (the
 * list comes from `operationNames`, so operations added later are covered
 * without touching this file), through `dispatch`, on a real library file.
 *
 * For every call: an `Outcome` comes back (the process never throws), an
 * error is a plain `{code, message}` with a known code and no stack, and no
 * call ends in `internal` (that would be a bug the fuzzer found). For every
 * rejected call: the database file is byte-for-byte what it was, and so is
 * every row (`snapshot`).
 */
import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { api, operationNames, type OperationName } from '../shared/api'
import type { ErrorCode } from '../shared/errors'
import type { ArticleDocument, Claim } from '../shared/model'
import { DATABASE_FILE } from './store/datadir'
import { dispatch, dispatchAsync } from './operations/dispatch'
import { pasted } from './testing/calls'
import { snapshot, tempLibrary } from './testing/temp'

const CODES: ErrorCode[] = ['invalid_input', 'not_found', 'unsupported_file', 'conflict', 'unauthorized', 'forbidden', 'too_large']
/** Runs per operation and property: enough to find the usual holes, few enough to keep `npm test` quick. */
const RUNS = 40

function fileDigest(file: string): string {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex')
  } catch {
    return 'absent'
  }
}

function setup() {
  const library = tempLibrary()
  const file = join(library.dataDir, DATABASE_FILE)
  const ok = <T>(name: OperationName, input: unknown): T => {
    const outcome = dispatch(library.service, name, input)
    if (!outcome.ok) throw new Error(`${name} failed: ${outcome.error.message}`)
    return outcome.value as T
  }
  const document = ok<ArticleDocument>('importDocument', pasted('Claims under test\n\n114 Uyghurs have joined IS, a 2016 report says. 报告称 😀'))
  const claim = ok<Claim>('createClaim', { documentId: document.id, start: 19, end: 46 })

  /** The file's bytes after a checkpoint (the WAL folded in and emptied), plus every row. */
  const state = () => {
    library.db.pragma('wal_checkpoint(TRUNCATE)')
    return { main: fileDigest(file), rows: snapshot(library.db) }
  }

  /** One call, checked; answers whether it was accepted. */
  // Asynchronous, as the transports call: imports answer once the reader's worker has parsed the source.
  const check = async (name: unknown, input: unknown): Promise<boolean> => {
    const before = state()
    const walBefore = statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0
    let outcome: Awaited<ReturnType<typeof dispatchAsync>>
    try {
      outcome = await dispatchAsync(library.service, name, input)
    } catch (error) {
      throw new Error(`dispatch threw for ${label(name)}: ${String(error)}`)
    }
    if (outcome.ok) return true
    const { error } = outcome
    expect(Object.keys(error).sort(), `${label(name)} error shape`).toEqual(['code', 'message'])
    expect(CODES, `${label(name)} answered ${error.code}: ${error.message}`).toContain(error.code)
    expect(typeof error.message).toBe('string')
    expect(error.message.length).toBeGreaterThan(0)
    expect(error.message, 'no stack trace crosses the boundary').not.toMatch(/\n\s+at |node_modules|\.ts:\d+/)
    // A rejected call wrote nothing: not even to the WAL, and not after a checkpoint.
    expect(statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0, `${label(name)} wrote to the WAL`).toBe(walBefore)
    const after = state()
    expect(after.main, `${label(name)} changed the database file`).toBe(before.main)
    expect(after.rows, `${label(name)} changed rows`).toBe(before.rows)
    return false
  }

  return { library, document, claim, check }
}

/** Values a fuzzer should try for any field: real ids, near-misses, wrong types, extremes. */
function fieldValue(ids: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(...ids),
    fc.uuid(),
    fc.constantFrom('', ' ', 'text', 'markdown', 'a.md', 'a.txt', 'a.html', 'x'.repeat(600), '../../etc/passwd', '\u0000', '😀', 'true', '0'),
    fc.string({ maxLength: 40 }),
    fc.base64String({ maxLength: 60 }),
    fc.integer({ min: -5, max: 200 }),
    fc.constantFrom(0, -1, 1.5, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 31, NaN, Infinity, -0),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
    fc.anything({ maxDepth: 2 })
  )
}

/** Objects built on the operation's own field names, with random values, fields dropped and extras added. */
function shapedInput(name: OperationName, ids: string[]): fc.Arbitrary<unknown> {
  const schema = api[name].input as z.ZodType
  const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape) : []
  const fields = Object.fromEntries(keys.map((key) => [key, fieldValue(ids)]))
  const extra = fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'id', 'sql', 'extra', ...keys), fieldValue(ids), { maxKeys: 2 })
  return fc
    .tuple(fc.record(fields, { requiredKeys: [] }), extra)
    .map(([record, more]) => Object.assign(Object.create(null) as object, record, more))
    .map((value) => JSON.parse(JSON.stringify(value)) as unknown) // as a transport would deliver it
}


/** A fuzzed value, printable even when it is not a string (String() throws on some objects). */
function label(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? typeof value)
  } catch {
    return typeof value
  }
}

describe('fuzzing every operation of the contract', () => {
  it('covers every operation the contract names', () => {
    expect(operationNames.length).toBe(Object.keys(api).length)
  })

  for (const name of operationNames) {
    it(`${name}: random and malformed inputs get typed errors and write nothing when refused`, async () => {
      const { check, document, claim } = setup()
      const ids = [document.id, claim.id]
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.anything({ maxDepth: 3 }), shapedInput(name, ids), shapedInput(name, ids)), async (input) => {
          await check(name, input)
        }),
        { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) }
      )
      // Inputs that are not JSON at all, as an in-process caller could send them.
      for (const input of [undefined, () => 1, Symbol('x'), 10n, new Date(0), new Map(), [document.id]]) await check(name, input)
    })
  }

  it('names that are not operations are refused with not_found', async () => {
    const { check } = setup()
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 30 }), fc.anything({ maxDepth: 1 })), async (name) => {
        fc.pre(typeof name !== 'string' || !Object.hasOwn(api, name))
        expect(await check(name, {})).toBe(false)
      }),
      { numRuns: RUNS }
    )
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) expect(await check(name, {})).toBe(false)
  })
})
