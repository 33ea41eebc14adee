/**
 * The test helper for API calls: operations are called as a transport calls
 * them, through `dispatch` (operations that answer at once) or
 * `dispatchAsync` (any operation: files, web pages, exports). A refused call
 * is also checked to have written nothing.
 */
import { expect } from 'vitest'
import type { ImportSource, OperationInput, OperationName, OperationResult } from '../../shared/api'
import type { ApiError, Outcome } from '../../shared/errors'
import { dispatch, dispatchAsync } from '../operations/dispatch'
import type { Library } from '../library/library'
import { snapshot } from './temp'

type Value<K extends OperationName> = Awaited<OperationResult<K>>

function value<T>(name: string, outcome: Outcome<unknown>): T {
  if (!outcome.ok) throw new Error(`${name} failed: ${outcome.error.message}`)
  return outcome.value as T
}

/** The typed error of a refused call, after checking the database is exactly as it was. */
function refusal(library: Library, name: string, before: string, outcome: Outcome<unknown>): ApiError {
  expect(outcome.ok, `${name} should have been refused`).toBe(false)
  expect(snapshot(library.db)).toBe(before)
  return outcome.ok ? (undefined as never) : outcome.error
}

/**
 * `ok` and `refused` for operations that answer at once; `okAsync`,
 * `refusedAsync` and `call` (the bare outcome) await any operation.
 */
export function apiOn(library: Library) {
  const ok = <K extends OperationName>(name: K, input: OperationInput<K>): Value<K> =>
    value<Value<K>>(name, dispatch(library.service, name, input))
  const refused = (name: OperationName, input: unknown): ApiError => {
    const before = snapshot(library.db)
    return refusal(library, name, before, dispatch(library.service, name, input))
  }
  const call = (name: OperationName, input: unknown) => dispatchAsync(library.service, name, input)
  const okAsync = async <K extends OperationName>(name: K, input: OperationInput<K>): Promise<Value<K>> =>
    value<Value<K>>(name, await call(name, input))
  const refusedAsync = async (name: OperationName, input: unknown): Promise<ApiError> => {
    const before = snapshot(library.db)
    return refusal(library, name, before, await call(name, input))
  }
  return { ok, refused, call, okAsync, refusedAsync }
}

/** `importDocument`'s input for pasted text. */
export function pasted(text: string, format: 'text' | 'markdown' = 'text', title?: string): OperationInput<'importDocument'> {
  return { source: { kind: 'text', text, format }, ...(title !== undefined && { title }) }
}

/** `importDocument`'s input for a file. */
export function fileSource(fileName: string, bytes: Uint8Array | string): { source: ImportSource } {
  return { source: { kind: 'file', fileName, data: Buffer.from(bytes).toString('base64') } }
}
