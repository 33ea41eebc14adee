/**
 * The single entrance from any transport into the service: validates the
 * input against the contract, runs the operation, and turns every failure
 * into a typed error. Nothing but an `Outcome` ever leaves: at once for an
 * operation that answers at once, as a promise for one that must wait.
 */
import type { z } from 'zod'
import { api, isOperationName, type ApiHandlers } from '../shared/api'
import { FactmarkError, type Outcome } from '../shared/errors'

export function dispatch(handlers: ApiHandlers, name: unknown, input: unknown): Outcome<unknown> | Promise<Outcome<unknown>> {
  if (!isOperationName(name)) {
    return { ok: false, error: { code: 'not_found', message: `There is no operation called ${JSON.stringify(String(name)).slice(0, 80)}.` } }
  }
  const parsed = api[name].input.safeParse(input)
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_input', message: `${name}: ${describeIssues(parsed.error)}` } }
  }
  const failed = (error: unknown): Outcome<unknown> => {
    if (error instanceof FactmarkError) return { ok: false, error: { code: error.code, message: error.message } }
    console.error(`factmark: ${name} failed`, error)
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
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')
}
