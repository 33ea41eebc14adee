/**
 * The single entrance from any transport into the service: validates the
 * input against the contract, runs the operation, and turns every failure
 * into a typed error. Nothing but an `Outcome` ever leaves.
 */
import type { z } from 'zod'
import { api, isOperationName, type ApiHandlers } from '../../shared/api'
import { FactmarkError, type Outcome } from '../../shared/errors'
import { fieldPath } from '../../shared/fields'

export function dispatch(handlers: ApiHandlers, name: unknown, input: unknown): Outcome<unknown> {
  const outcome = start(handlers, name, input)
  if (!(outcome instanceof Promise)) return outcome
  outcome.catch(() => undefined)
  return { ok: false, error: { code: 'internal', message: `${nameOf(name)} is asynchronous: call it through dispatchAsync.` } }
}

/** The same for every operation, the asynchronous ones (exportReport) included: what the transports call. */
export async function dispatchAsync(handlers: ApiHandlers, name: unknown, input: unknown): Promise<Outcome<unknown>> {
  return start(handlers, name, input)
}

function start(handlers: ApiHandlers, name: unknown, input: unknown): Outcome<unknown> | Promise<Outcome<unknown>> {
  if (!isOperationName(name)) {
    return { ok: false, error: { code: 'not_found', message: `There is no operation called ${nameOf(name)}.` } }
  }
  const parsed = api[name].input.safeParse(input)
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_input', message: `${name}: ${describeIssues(parsed.error)}` } }
  }
  const failed = (error: unknown): Outcome<unknown> => {
    if (error instanceof FactmarkError) return { ok: false, error: { code: error.code, message: error.message } }
    // A CHECK or NOT NULL in the schema caught a value the validation let through: still the caller's input.
    if (/^SQLITE_CONSTRAINT_(CHECK|NOTNULL)$/.test((error as { code?: string }).code ?? '')) {
      return { ok: false, error: { code: 'invalid_input', message: `${name}: the library refused a value (${(error as Error).message}); nothing was saved.` } }
    }
    // One line on the terminal too: the name and message of what went wrong, never a stack trace.
    console.error(`factmark: ${name} failed: ${String((error as Error)?.name ?? 'Error')}: ${String((error as Error)?.message ?? error).split('\n')[0]}`)
    return { ok: false, error: { code: 'internal', message: `${name} failed unexpectedly; nothing was saved.` } }
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown
    const value = handler(parsed.data)
    if (value instanceof Promise) return value.then((settled): Outcome<unknown> => ({ ok: true, value: settled }), failed)
    return { ok: true, value }
  } catch (error) {
    return failed(error)
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${fieldPath(issue.path)}: ${issue.message}` : issue.message))
    .join('; ')
}

/** An operation name as the caller sent it, quoted for a message without trusting it to be a string. */
function nameOf(name: unknown): string {
  return typeof name === 'string' ? JSON.stringify(name.slice(0, 60)) : `(a ${name === null ? 'null' : typeof name}, not a name)`
}
