/**
 * The renderer's API client. In the desktop app it calls the preload's
 * `factmark.call`; in a browser it POSTs to the browser host with this run's
 * token. Either way it answers the contract's result or throws an ApiCallError.
 */
import type { ApiClient, OperationName } from '../../shared/api'
import type { ApiError, ErrorCode, Outcome } from '../../shared/errors'

export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'ApiCallError'
  }
}

interface Bridge {
  call(operation: string, input: unknown): Promise<Outcome<unknown>>
}

declare global {
  interface Window {
    factmark?: Bridge
  }
}

const TOKEN_KEY = 'factmark-token'

/** The browser host hands the token over in the fragment; keep it for reloads, then hide it. */
export function hostToken(): string | null {
  const fromAddress = new URLSearchParams(window.location.hash.slice(1)).get('token')
  if (fromAddress) {
    sessionStorage.setItem(TOKEN_KEY, fromAddress)
    history.replaceState(null, '', window.location.pathname + window.location.search)
  }
  return sessionStorage.getItem(TOKEN_KEY)
}

function httpBridge(token: string | null): Bridge {
  return {
    async call(operation, input) {
      let response: Response
      try {
        response = await fetch(`/api/${operation}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
          body: JSON.stringify(input)
        })
      } catch {
        return { ok: false, error: { code: 'internal', message: 'Factmark’s host is not answering. Is it still running?' } }
      }
      return (await response.json()) as Outcome<unknown>
    }
  }
}

export function createClient(bridge: Bridge = window.factmark ?? httpBridge(hostToken())): ApiClient {
  return new Proxy({} as ApiClient, {
    get: (_target, operation: string) => async (input: unknown) => {
      const outcome = await bridge.call(operation as OperationName, input)
      if (!outcome.ok) throw new ApiCallError(outcome.error.code, forTheAnalyst(operation, outcome.error.message))
      return outcome.value
    }
  })
}

/**
 * A refusal as the analyst reads it: without the operation's name that
 * starts the main side's messages (`updateMetadata: sourceUrl: …`), which
 * is for logs and scripts; the field's path, which names the problem, stays.
 */
export function forTheAnalyst(operation: string, message: string): string {
  return message.startsWith(`${operation}: `) ? message.slice(operation.length + 2) : message
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) return error.message
  if (error instanceof Error) return error.message
  return String(error as ApiError)
}
