/** Test helpers: calling the API through `dispatch`, as a transport would. */
import { expect } from 'vitest'
import type { OperationInput, OperationName, OperationResult } from '../../shared/api'
import type { ApiError } from '../../shared/errors'
import { dispatch } from '../dispatch'
import type { Library } from '../library'
import { snapshot } from './temp'

export function callsOn(library: Library) {
  /** Calls and expects success. */
  const ok = <K extends OperationName>(name: K, input: OperationInput<K>): OperationResult<K> => {
    const outcome = dispatch(library.service, name, input)
    if (!outcome.ok) throw new Error(`${name} failed: ${outcome.error.message}`)
    return outcome.value as OperationResult<K>
  }
  /** Calls and expects a typed error, with the database exactly as it was. */
  const refused = (name: OperationName, input: unknown): ApiError => {
    const before = snapshot(library.db)
    const outcome = dispatch(library.service, name, input)
    expect(outcome.ok, `${name} should have been refused`).toBe(false)
    expect(snapshot(library.db)).toBe(before)
    return outcome.ok ? (undefined as never) : outcome.error
  }
  return { ok, refused }
}
