/** Test helper: the API as a transport sees it, awaiting operations that answer a promise. */
import { expect } from 'vitest'
import type { OperationName } from '../../shared/api'
import type { ApiError } from '../../shared/errors'
import { dispatchAsync } from '../dispatch'
import type { Library } from '../library'
import { snapshot } from './temp'

export function caller(library: Library) {
  const call = (name: OperationName, input: unknown) => dispatchAsync(library.service, name, input)
  /** Calls and expects success. */
  const ok = async <T>(name: OperationName, input: unknown): Promise<T> => {
    const outcome = await call(name, input)
    if (!outcome.ok) throw new Error(`${name} failed: ${outcome.error.message}`)
    return outcome.value as T
  }
  /** Calls and expects a typed error, with the database exactly as it was. */
  const refused = async (name: OperationName, input: unknown): Promise<ApiError> => {
    const before = snapshot(library.db)
    const outcome = await call(name, input)
    expect(outcome.ok, `${name} should have failed`).toBe(false)
    expect(snapshot(library.db)).toBe(before)
    return outcome.ok ? (undefined as never) : outcome.error
  }
  return { call, ok, refused }
}
