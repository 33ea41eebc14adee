/**
 * The desktop app's security rules as plain functions, apart from Electron so
 * they can be tested under Node: which URLs are the app, which links may go to
 * the system browser, and which files the app protocol may serve.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path'

/** The privileged scheme the production renderer is served from. */
export const APP_SCHEME = 'factmark'
export const APP_ORIGIN = `${APP_SCHEME}://app`
export const APP_ENTRY = `${APP_ORIGIN}/index.html`

/**
 * The renderer's Content-Security-Policy, sent as a header by the app protocol
 * (the page's <meta> says the same): no inline script, no eval, nothing remote.
 */
export const RENDERER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; worker-src 'none'"

/** True when `url` is the app's own page: the app protocol, or the dev server when one is in use. */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'app') return true
  if (devServerUrl) {
    try {
      return parsed.origin === new URL(devServerUrl).origin
    } catch {
      return false
    }
  }
  return false
}

/**
 * A link the analyst may open in the system browser: http(s) only, with a
 * host, without credentials, and no longer than a browser would take.
 * Anything else (file:, javascript:, custom schemes) answers null.
 */
export function externalUrl(url: string): string | null {
  if (typeof url !== 'string' || url.length > 2048) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
  if (!parsed.hostname || parsed.username || parsed.password) return null
  return parsed.href
}

/**
 * The file under `root` that an app-protocol request names, or null when it
 * is not the app's host or would leave `root` (`..`, encoded separators, absolute paths).
 */
export function rendererFile(root: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== 'app') return null
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  if (path === '/' || path === '') path = '/index.html'
  const base = resolve(root)
  const file = resolve(base, '.' + path)
  const inside = relative(base, file)
  if (!inside || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) return null
  return file
}
