/**
 * Errors cross the API boundary as plain values, never as stack traces.
 * `code` is for programs, `message` is for the analyst and names the problem.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'unsupported_file'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'too_large'
  | 'internal'

export interface ApiError {
  code: ErrorCode
  message: string
}

/** Thrown on the main side; turned into an `ApiError` at the boundary. */
export class FactmarkError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'FactmarkError'
  }
}

/** What every API call answers: a value, or a typed error. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ApiError }
