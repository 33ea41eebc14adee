/**
 * The production renderer is served from `factmark://app/`, a privileged
 * standard scheme, rather than file://: a file:// page shares its origin with
 * every file on disk, while this origin holds only the built renderer, and
 * every response carries the CSP.
 */
import { protocol } from 'electron'
import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { CONTENT_TYPES } from '../../shared/contentTypes'
import { APP_SCHEME, RENDERER_CSP, rendererFile } from './security'

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // standard + secure give the page a real origin ('self' in the CSP) and a secure context.
    // No bypassCSP, no corsEnabled, no service workers.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

/** Serves files from `root` (out/renderer) and nothing else. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = request.method === 'GET' ? rendererFile(root, request.url) : null
    if (!file) return new Response('Not found', { status: 404 })
    let content: Buffer
    try {
      content = await readFile(file)
    } catch {
      return new Response('Not found', { status: 404 })
    }
    return new Response(new Uint8Array(content), {
      status: 200,
      headers: {
        'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': RENDERER_CSP,
        'X-Content-Type-Options': 'nosniff'
      }
    })
  })
}
