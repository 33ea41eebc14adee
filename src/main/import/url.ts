/**
 * Fetching a web page for import, by the main process: http(s) only, with a
 * timeout and a size limit, and only pages that say they are HTML.
 */
import { limits } from '../../shared/api'
import { FactmarkError } from '../../shared/errors'
import { decodeHtml } from './decode'

export interface FetchedPage {
  html: string
  /** The address the page was finally served from, after redirects. */
  url: string
}

export interface FetchOptions {
  timeoutMs?: number
  maxBytes?: number
}

export async function fetchPage(address: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? limits.fetchTimeoutMs
  const maxBytes = options.maxBytes ?? limits.importBytes
  let url: URL
  try {
    url = new URL(address)
  } catch {
    throw new FactmarkError('invalid_input', `"${address}" is not a web address.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FactmarkError('invalid_input', `Only http and https addresses can be imported, not ${url.protocol}`)
  }
  const signal = AbortSignal.timeout(timeoutMs)
  let response: Response
  try {
    response = await fetch(url, {
      signal,
      redirect: 'follow',
      headers: { Accept: 'text/html,application/xhtml+xml;q=0.9', 'User-Agent': 'Factmark/0.1 (article import)' }
    })
  } catch (error) {
    throw unreachable(url, error, timeoutMs)
  }
  if (!response.ok) {
    cancel(response)
    throw new FactmarkError('not_found', `${url.host} answered ${response.status} ${response.statusText} for ${url.href}.`)
  }
  const type = response.headers.get('content-type') ?? ''
  if (!/^\s*(text\/html|application\/xhtml\+xml)\b/i.test(type)) {
    cancel(response)
    throw new FactmarkError(
      'unsupported_file',
      `${url.href} is not a web page (it is ${type.split(';')[0]?.trim() || 'of no stated type'}); save the file and import it instead.`
    )
  }
  const tooLarge = () => new FactmarkError('too_large', `${url.href} is larger than ${maxBytes / 1024 / 1024} MB.`)
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    cancel(response)
    throw tooLarge()
  }
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.length
      // Leaving the loop cancels the stream.
      if (size > maxBytes) throw tooLarge()
      chunks.push(chunk)
    }
  } catch (error) {
    if (error instanceof FactmarkError) throw error
    throw unreachable(url, error, timeoutMs)
  }
  const charset = /charset\s*=\s*"?([\w:.-]+)/i.exec(type)?.[1]
  return { html: decodeHtml(Buffer.concat(chunks), url.href, charset), url: response.url || url.href }
}

/** Stops downloading a body that will not be read. */
function cancel(response: Response): void {
  response.body?.cancel().catch(() => undefined)
}

function unreachable(url: URL, error: unknown, timeoutMs: number): FactmarkError {
  const name = (error as { name?: string }).name
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new FactmarkError('not_found', `${url.host} did not answer within ${timeoutMs / 1000} s.`)
  }
  const cause = (error as { cause?: { code?: string } }).cause?.code
  return new FactmarkError('not_found', `Could not reach ${url.host}${cause ? ` (${cause})` : ''}; check the address and the connection.`)
}
