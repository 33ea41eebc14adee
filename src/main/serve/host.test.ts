/** The browser host's gatekeeping, over real HTTP on 127.0.0.1. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { snapshot, tempDir, tempLibrary } from '../testing/temp'
import { MAX_BODY_BYTES, startHost, type Host } from './host'

let host: Host | undefined
afterEach(async () => {
  await host?.close()
  host = undefined
})

interface Reply {
  status: number
  body: string
}

function send(
  port: number,
  options: { path?: string; method?: string; headers?: Record<string, string>; body?: string | Buffer; hostname?: string }
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname: options.hostname ?? '127.0.0.1', port, path: options.path ?? '/api/listDocuments', method: options.method ?? 'POST', headers: options.headers },
      (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode!, body }))
      }
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

async function setup() {
  const library = tempLibrary()
  host = await startHost({ handlers: library.service })
  const auth = { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' }
  return { library, host, auth }
}

describe('browser host', () => {
  it('answers an authorised call with the operation’s outcome', async () => {
    const { host, auth } = await setup()
    const reply = await send(host.port, { headers: auth, body: '{}' })
    expect(reply).toEqual({ status: 200, body: JSON.stringify({ ok: true, value: [] }) })
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`)
  })

  it('refuses a request without the token, or with a wrong one, and writes nothing', async () => {
    const { host, library } = await setup()
    const before = snapshot(library.db)
    const body = JSON.stringify({ source: { kind: 'text', text: 'A claim.', format: 'text' } })
    const missing = await send(host.port, { path: '/api/importDocument', headers: { 'Content-Type': 'application/json' }, body })
    expect(missing.status).toBe(401)
    expect(JSON.parse(missing.body)).toEqual({ ok: false, error: { code: 'unauthorized', message: 'The request lacks this run’s token.' } })
    const wrong = await send(host.port, {
      path: '/api/importDocument',
      headers: { Authorization: 'Bearer guess', 'Content-Type': 'application/json' },
      body
    })
    expect(wrong.status).toBe(401)
    expect(snapshot(library.db)).toBe(before)
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { host, auth } = await setup()
    const reply = await send(host.port, { headers: { ...auth, Host: `evil.example:${host.port}` }, body: '{}' })
    expect(reply.status).toBe(403)
    expect((await send(host.port, { method: 'GET', path: '/', headers: { Host: 'evil.example' } })).status).toBe(403)
  })

  it('refuses a cross-origin request', async () => {
    const { host, auth } = await setup()
    const reply = await send(host.port, { headers: { ...auth, Origin: 'https://evil.example' }, body: '{}' })
    expect(reply.status).toBe(403)
    expect(JSON.parse(reply.body).error.message).toBe('Cross-origin requests are refused.')
    const same = await send(host.port, { headers: { ...auth, Origin: `http://127.0.0.1:${host.port}` }, body: '{}' })
    expect(same.status).toBe(200)
  })

  it('refuses an oversized body with 413', async () => {
    const { host, auth } = await setup()
    const reply = await send(host.port, {
      path: '/api/importDocument',
      headers: auth,
      body: Buffer.alloc(MAX_BODY_BYTES + 1, 0x20)
    })
    expect(reply.status).toBe(413)
  })

  it('answers typed errors for bad JSON, bad input and unknown operations', async () => {
    const { host, auth } = await setup()
    expect((await send(host.port, { headers: auth, body: '{not json' })).status).toBe(400)
    const bad = await send(host.port, { path: '/api/createClaim', headers: auth, body: '{"documentId":"x","start":0,"end":1}' })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body).error.code).toBe('invalid_input')
    expect((await send(host.port, { path: '/api/nope', headers: auth, body: '{}' })).status).toBe(404)
    expect((await send(host.port, { headers: { Authorization: auth.Authorization, 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(400)
  })

  it('answers 400 to an operation name with a malformed %-escape', async () => {
    const { host, auth } = await setup()
    for (const path of ['/api/%E0%A4%A', '/api/%C0%AFlistDocuments', '/api/list%']) {
      const reply = await send(host.port, { path, headers: auth, body: '{}' })
      expect(reply.status, path).toBe(400)
      expect(JSON.parse(reply.body), path).toEqual({ ok: false, error: { code: 'invalid_input', message: 'The operation name has a malformed %-escape.' } })
    }
  })

  it('listens on 127.0.0.1 only', async () => {
    const { host, auth } = await setup()
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' })
    const external = Object.values(networkInterfaces())
      .flat()
      .find((info) => info && info.family === 'IPv4' && !info.internal)
    if (external) {
      await expect(send(host.port, { hostname: external.address, headers: auth, body: '{}' })).rejects.toThrow(/ECONNREFUSED/)
    }
  })
})

describe('browser host: the page', () => {
  async function withPage() {
    const root = tempDir()
    const staticDir = join(root, 'renderer')
    mkdirSync(join(staticDir, 'assets'), { recursive: true })
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Factmark</title>')
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
    writeFileSync(join(root, 'secret.txt'), 'outside the renderer')
    const library = tempLibrary()
    host = await startHost({ handlers: library.service, staticDir })
    return host
  }

  it('serves the renderer with a strict CSP and nothing outside its folder', async () => {
    const host = await withPage()
    const page = await new Promise<{ status: number; csp: string }>((resolve, reject) => {
      request({ hostname: '127.0.0.1', port: host.port, path: '/', method: 'GET' }, (res) => {
        res.resume()
        resolve({ status: res.statusCode!, csp: String(res.headers['content-security-policy']) })
      })
        .on('error', reject)
        .end()
    })
    expect(page.status).toBe(200)
    expect(page.csp).toMatch(/script-src 'self'/)
    expect(page.csp).not.toMatch(/unsafe-inline|unsafe-eval/)
    expect((await send(host.port, { method: 'GET', path: '/assets/app.js' })).status).toBe(200)
    // Malformed escapes (an overlong UTF-8 "/", a truncated one) are the request's fault: 400, not 500.
    for (const path of ['/%C0%AF..%C0%AFsecret.txt', '/assets/%E0%A4%A']) {
      expect((await send(host.port, { method: 'GET', path })).status, path).toBe(400)
    }
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00']) {
      const reply = await send(host.port, { method: 'GET', path })
      expect(reply.status, path).toBe(404)
      expect(reply.body, path).not.toContain('outside the renderer')
    }
  })
})
