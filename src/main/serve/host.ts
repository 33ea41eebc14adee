/**
 * The browser host: the same API as the desktop app, over HTTP on 127.0.0.1,
 * for browsers and for the e2e tests.
 *
 * - Listens on 127.0.0.1 only.
 * - Every API request carries the per-run token (Authorization: Bearer …);
 *   the page receives it in the address's fragment, which never reaches a server log.
 * - The Host header must name this server (defeats DNS rebinding), and an
 *   Origin, when sent, must be this server's (defeats cross-site requests).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { CONTENT_TYPES } from '../../shared/contentTypes'
import type { ApiHandlers } from '../../shared/api'
import type { ApiError, ErrorCode, Outcome } from '../../shared/errors'
import { dispatchAsync } from '../operations/dispatch'

export const MAX_BODY_BYTES = 40 * 1024 * 1024

export interface HostOptions {
  handlers: ApiHandlers
  /** The built renderer (index.html and assets); omit to serve the API only. */
  staticDir?: string
  port?: number
  token?: string
}

export interface Host {
  server: Server
  port: number
  token: string
  /** The address to open: it carries the token in its fragment. */
  url: string
  close(): Promise<void>
}

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid_input: 400,
  unsupported_file: 415,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  too_large: 413,
  internal: 500
}

const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

export async function startHost(options: HostOptions): Promise<Host> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  let port = 0
  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      console.error('factmark host:', error)
      if (!response.headersSent) sendError(response, { code: 'internal', message: 'The host failed to answer.' })
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
    if (!allowedHosts.includes(request.headers.host ?? '')) {
      return sendError(response, { code: 'forbidden', message: 'This host only answers to 127.0.0.1.' })
    }
    const origin = request.headers.origin
    if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) {
      return sendError(response, { code: 'forbidden', message: 'Cross-origin requests are refused.' })
    }
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`)
    if (url.pathname.startsWith('/api/')) return handleApi(request, response, url.pathname.slice('/api/'.length))
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendError(response, { code: 'not_found', message: 'Not found.' })
    }
    return serveStatic(response, url.pathname)
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, operation: string): Promise<void> {
    if (!hasToken(request.headers.authorization, token)) {
      return sendError(response, { code: 'unauthorized', message: 'The request lacks this run’s token.' })
    }
    if (request.method !== 'POST') {
      return sendError(response, { code: 'not_found', message: 'API operations take POST.' })
    }
    if (!/^application\/json\b/.test(request.headers['content-type'] ?? '')) {
      return sendError(response, { code: 'invalid_input', message: 'API requests must be application/json.' })
    }
    const body = await readBody(request, MAX_BODY_BYTES)
    if (body === null) {
      return sendError(response, { code: 'too_large', message: `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.` })
    }
    let input: unknown
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : {}
    } catch {
      return sendError(response, { code: 'invalid_input', message: 'The request body is not valid JSON.' })
    }
    const name = decodePath(operation)
    if (name === null) return sendError(response, { code: 'invalid_input', message: 'The operation name has a malformed %-escape.' })
    sendOutcome(response, await dispatchAsync(options.handlers, name, input))
  }

  async function serveStatic(response: ServerResponse, pathname: string): Promise<void> {
    const root = options.staticDir
    const decoded = decodePath(pathname === '/' ? '/index.html' : pathname)
    if (decoded === null) return sendError(response, { code: 'invalid_input', message: 'The path has a malformed %-escape.' })
    const relative = normalize(decoded).replace(/^([/\\])+/, '')
    const file = root ? join(root, relative) : ''
    if (!root || !file.startsWith(root + sep) || relative.split(sep).includes('..')) {
      return sendError(response, { code: 'not_found', message: 'Not found.' })
    }
    let content: Buffer
    try {
      content = await readFile(file)
    } catch {
      return sendError(response, { code: 'not_found', message: 'Not found.' })
    }
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': PAGE_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache'
    })
    response.end(content)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}

/** A %-encoded path decoded, or null when an escape is malformed (truncated, or not UTF-8: overlong, lone byte). */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path)
  } catch {
    return null
  }
}

function hasToken(header: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/.exec(header ?? '')
  if (!match) return false
  const given = Buffer.from(match[1]!)
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** Reads the body, or answers null once it passes `limit` bytes. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > limit) {
    request.resume()
    return Promise.resolve(null)
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        request.removeAllListeners('data')
        request.resume()
        resolve(null)
      } else chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}

function sendOutcome(response: ServerResponse, outcome: Outcome<unknown>): void {
  const status = outcome.ok ? 200 : STATUS_BY_CODE[outcome.error.code]
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff'
  })
  response.end(JSON.stringify(outcome))
}

function sendError(response: ServerResponse, error: ApiError): void {
  sendOutcome(response, { ok: false, error })
}
