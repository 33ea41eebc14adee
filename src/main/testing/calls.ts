/**
 * Test helpers: calling the API as a transport would, through `dispatch`
 * (operations that answer at once) or `dispatchAsync` (any operation).
 */
import { expect } from 'vitest'
import type { OperationInput, OperationName, OperationResult } from '../../shared/api'
import type { ApiError, Outcome } from '../../shared/errors'
import { dispatch, dispatchAsync } from '../dispatch'
import type { Library } from '../library'
import { snapshot } from './temp'

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

/** Synchronous calls: `ok` expects success, `refused` a typed error that wrote nothing. */
export function callsOn(library: Library) {
  const ok = <K extends OperationName>(name: K, input: OperationInput<K>): Awaited<OperationResult<K>> =>
    value(name, dispatch(library.service, name, input))
  const refused = (name: OperationName, input: unknown): ApiError => {
    const before = snapshot(library.db)
    return refusal(library, name, before, dispatch(library.service, name, input))
  }
  return { ok, refused }
}

/** The same, awaiting operations that answer a promise (imports that fetch or parse, exports). */
export function caller(library: Library) {
  const call = (name: OperationName, input: unknown) => dispatchAsync(library.service, name, input)
  const ok = async <T>(name: OperationName, input: unknown): Promise<T> => value(name, await call(name, input))
  const refused = async (name: OperationName, input: unknown): Promise<ApiError> => {
    const before = snapshot(library.db)
    return refusal(library, name, before, await call(name, input))
  }
  return { call, ok, refused }
}
