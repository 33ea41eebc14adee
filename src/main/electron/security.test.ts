import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_ENTRY, externalUrl, isAppUrl, RENDERER_CSP, rendererFile } from './security'

describe('the app protocol', () => {
  const root = resolve('/opt/factmark/out/renderer')

  it('serves files inside the renderer folder', () => {
    expect(rendererFile(root, APP_ENTRY)).toBe(join(root, 'index.html'))
    expect(rendererFile(root, 'factmark://app/')).toBe(join(root, 'index.html'))
    expect(rendererFile(root, 'factmark://app/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'))
  })

  it('keeps dot segments inside the folder (the URL parser resolves them first)', () => {
    expect(rendererFile(root, 'factmark://app/../main/index.js')).toBe(join(root, 'main', 'index.js'))
  })

  it('refuses paths that leave the renderer folder or name another host', () => {
    for (const url of [
      'factmark://app/assets/%2e%2e%2f%2e%2e%2fmain/index.js',
      'factmark://app/..%5c..%5cmain',
      'factmark://app/%00index.html',
      'factmark://other/index.html',
      'file:///etc/passwd',
      'http://app/index.html',
      'factmark://app/%E0%A4%A'
    ]) {
      expect(rendererFile(root, url), url).toBeNull()
    }
  })
})

describe('links to the outside', () => {
  it('passes http(s) links with a host', () => {
    expect(externalUrl('https://example.org/a?b=c')).toBe('https://example.org/a?b=c')
    expect(externalUrl('http://example.org')).toBe('http://example.org/')
  })

  it('refuses every other scheme, credentials and junk', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'factmark://app/index.html',
      'smb://server/share',
      'https://user:pass@example.org/',
      'not a url',
      `https://example.org/${'a'.repeat(3000)}`
    ]) {
      expect(externalUrl(url), url).toBeNull()
    }
  })
})

describe('the app origin', () => {
  it('recognises the app protocol, and the dev server only when one is in use', () => {
    expect(isAppUrl(APP_ENTRY)).toBe(true)
    expect(isAppUrl('factmark://evil/index.html')).toBe(false)
    expect(isAppUrl('http://localhost:5173/')).toBe(false)
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('https://example.org/', 'http://localhost:5173')).toBe(false)
    expect(isAppUrl('garbage')).toBe(false)
  })

  it('lets no script run that the app did not ship', () => {
    expect(RENDERER_CSP).toMatch(/script-src 'self';/)
    expect(RENDERER_CSP).not.toMatch(/unsafe-inline|unsafe-eval/)
  })
})

describe('the page', () => {
  it('declares the same policy in its <meta> as the app protocol sends', async () => {
    const { readFileSync } = await import('node:fs')
    const html = readFileSync('src/renderer/index.html', 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
    expect(meta?.[1]).toBe(RENDERER_CSP)
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
  })
})
