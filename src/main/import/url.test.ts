/**
 * Importing from a URL, against a real HTTP server on 127.0.0.1: the page's
 * article and metadata; redirects; and a clear error, with nothing written,
 * for a server that is not there, one that is too slow, a page that is not
 * HTML, a missing page and a page over the size limit.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { apiOn } from '../testing/calls'
import { tempLibrary } from '../testing/temp'
import { fixture } from './fixtures/read'
import { fetchPage } from './url'

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

/** A server on 127.0.0.1 that answers every path from `routes`; unknown paths get a 404. */
async function serve(routes: Record<string, (respond: import('node:http').ServerResponse) => void>): Promise<string> {
  const server = createServer((request, response) => {
    const route = routes[request.url ?? '/']
    if (route) route(response)
    else response.writeHead(404, { 'Content-Type': 'text/plain' }).end('missing')
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('importing a URL', () => {
  it('fetches the page, extracts the article, and keeps the address and metadata', async () => {
    const base = await serve({
      '/story': (r) => r.writeHead(301, { Location: '/2016/uyghur-fighters' }).end(),
      '/2016/uyghur-fighters': (r) => r.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(fixture('article.html')),
      '/legacy': (r) => r.writeHead(200, { 'Content-Type': 'text/html; charset=windows-1252' }).end(fixture('article-1252.html'))
    })
    const api = apiOn(tempLibrary())
    const document = await api.okAsync('importDocument', { source: { kind: 'url', url: `${base}/story` } })
    expect(document).toMatchObject({
      title: 'Uyghur fighters in Syria',
      author: 'Jane Doe',
      publisher: 'Example News',
      sourceUrl: 'https://news.example.org/2016/uyghur-fighters'
    })
    expect(document.text).toContain('114 Uyghurs have joined IS in Syria and Iraq.')
    expect(document.text).not.toContain('troll123')
    const legacy = await api.okAsync('importDocument', { source: { kind: 'url', url: `${base}/legacy` } })
    expect(legacy.text).toContain('Café prices rose by 5 € – “a lot”, said Zoë.')
  })

  it('fetches a newer version of a document from its address', async () => {
    const base = await serve({
      '/v1': (r) => r.writeHead(200, { 'Content-Type': 'text/html' }).end(fixture('article.html')),
      '/v2': (r) => r.writeHead(200, { 'Content-Type': 'text/html' }).end(fixture('article-v2.html'))
    })
    const api = apiOn(tempLibrary())
    const document = await api.okAsync('importDocument', { source: { kind: 'url', url: `${base}/v1` } })
    const words = 'several thousand fighters in Idlib'
    const start = document.text.indexOf(words)
    await api.okAsync('createClaim', { documentId: document.id, start, end: start + words.length })
    const result = await api.okAsync('importNewVersion', { documentId: document.id, source: { kind: 'url', url: `${base}/v2` } })
    expect(result.document.text).toContain('Correction: an earlier version of this article misnamed the report.')
    expect(result.placed).toEqual({ exact: 0, moved: 0, approximate: 0, orphaned: 1 })
    expect(result.claims[0]).toMatchObject({ orphaned: true, quote: { exact: words } })
  })

  it('refuses unreachable, missing, non-HTML and oversize pages, writing nothing', async () => {
    const base = await serve({
      '/data.json': (r) => r.writeHead(200, { 'Content-Type': 'application/json' }).end('{"a":1}'),
      '/report.pdf': (r) => r.writeHead(200, { 'Content-Type': 'application/pdf' }).end(fixture('article.pdf')),
      '/huge': (r) => {
        r.writeHead(200, { 'Content-Type': 'text/html' })
        const chunk = Buffer.alloc(1024 * 1024, 0x61)
        for (let i = 0; i < 27; i++) r.write(chunk)
        r.end()
      }
    })
    const api = apiOn(tempLibrary())
    expect(await api.refusedAsync('importDocument', { source: { kind: 'url', url: `${base}/gone` } })).toEqual({
      code: 'not_found',
      message: `${base.slice(7)} answered 404 Not Found for ${base}/gone.`
    })
    expect((await api.refusedAsync('importDocument', { source: { kind: 'url', url: `${base}/data.json` } })).message).toBe(
      `${base}/data.json is not a web page (it is application/json); save the file and import it instead.`
    )
    expect((await api.refusedAsync('importDocument', { source: { kind: 'url', url: `${base}/report.pdf` } })).code).toBe('unsupported_file')
    expect(await api.refusedAsync('importDocument', { source: { kind: 'url', url: `${base}/huge` } })).toEqual({ code: 'too_large', message: `${base}/huge is larger than 25 MB.` })
    // A port nothing listens on.
    const closed = await serve({})
    await new Promise((resolve) => servers.pop()!.close(resolve))
    expect((await api.refusedAsync('importDocument', { source: { kind: 'url', url: `${closed}/story` } })).message).toMatch(
      new RegExp(`^Could not reach ${closed.slice(7).replace(/\./g, '\\.')} \\(ECONNREFUSED\\)`)
    )
    expect((await api.refusedAsync('importDocument', { source: { kind: 'url', url: 'ftp://example.org/x' } })).message).toMatch(/source.url: “ftp:” addresses are not allowed/)
  })

  it('gives up on a server that does not answer in time', async () => {
    const base = await serve({ '/slow': () => undefined })
    await expect(fetchPage(`${base}/slow`, { timeoutMs: 300 })).rejects.toThrow(`${base.slice(7)} did not answer within 0.3 s.`)
  })
})
