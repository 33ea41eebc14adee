/**
 * PDF outside the desktop app: the HTML report printed by headless Chromium
 * (Debian's /usr/bin/chromium, Google Chrome, or CHROMIUM_PATH), driven over
 * the DevTools protocol on a pipe (--remote-debugging-pipe: no port to open)
 * so that Page.printToPDF can draw the running header and page numbers, which
 * the --print-to-pdf switch cannot. The report has no scripts and a CSP that
 * forbids every request, so printing it fetches nothing. The desktop app
 * prints through Electron instead (electron/pdf.ts), with the same options
 * (shared/report/print.ts).
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { FactmarkError } from '../../shared/errors'
import type { PrintOptions } from '../../shared/report/print'
import { findChromium, quietChromiumFlags } from './chromium'
import type { PdfPrinter } from './export'
import { printFromFile } from './page-file'

const TIMEOUT_MS = 60_000

export function chromiumPrinter(env = process.env): PdfPrinter {
  return async (html, options) => {
    const chromium = findChromium(env)
    if (!chromium) {
      throw new FactmarkError(
        'not_found',
        env.CHROMIUM_PATH
          ? `PDF export needs Chromium, but CHROMIUM_PATH (${env.CHROMIUM_PATH}) does not exist. Export HTML and print it, or fix CHROMIUM_PATH.`
          : 'PDF export needs Chromium or Google Chrome, and neither is installed here. Install one (e.g. `apt-get install chromium`) or set CHROMIUM_PATH to it; or export HTML and print it from a browser.'
      )
    }
    return printFromFile(html, (url, dir) => printPage(chromium, dir, url, options))
  }
}

/** Chromium's Page.printToPDF parameters for the shared print options. */
export function printToPdfParams(options: PrintOptions): Record<string, unknown> {
  return {
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: options.headerTemplate,
    footerTemplate: options.footerTemplate,
    paperWidth: options.paper.width,
    paperHeight: options.paper.height,
    marginTop: options.margins.top,
    marginBottom: options.margins.bottom,
    marginLeft: options.margins.left,
    marginRight: options.margins.right
  }
}

async function printPage(chromium: string, dir: string, url: string, options: PrintOptions): Promise<Uint8Array> {
  const child = spawn(
    chromium,
    ['--headless', ...quietChromiumFlags, '--disable-extensions', '--remote-debugging-pipe', `--user-data-dir=${join(dir, 'profile')}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] }
  )
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)))
  const devtools = connect(child.stdio[3] as Writable, child.stdio[4] as Readable)
  const failed = (message: string) => {
    const detail = stderr.split('\n').filter((line) => line && !/dbus|bus\.cc/i.test(line)).slice(-2).join(' ')
    return new FactmarkError('internal', `Chromium (${chromium}) could not print the report: ${message}${detail ? ` — ${detail}` : ''}`)
  }
  const gone = new Promise<void>((resolve) => child.on('close', () => resolve()))
  const exited = new Promise<never>((_, reject) => {
    child.on('error', (error) => reject(failed(error.message)))
    child.on('exit', (code, signal) => reject(failed(`it stopped (${signal ?? `exit code ${code}`})`)))
  })
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(failed(`no PDF after ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS)
  })
  try {
    const work = (async () => {
      const { targetId } = (await devtools.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string }
      const { sessionId } = (await devtools.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string }
      await devtools.send('Page.enable', {}, sessionId)
      const loaded = devtools.once('Page.loadEventFired', sessionId)
      await devtools.send('Page.navigate', { url }, sessionId)
      await loaded
      const { data } = (await devtools.send('Page.printToPDF', printToPdfParams(options), sessionId)) as { data: string }
      return new Uint8Array(Buffer.from(data, 'base64'))
    })()
    return await Promise.race([work, exited, timeout])
  } finally {
    clearTimeout(timer)
    exited.catch(() => undefined)
    // Chromium writes to its profile until it has exited: the caller removes that folder next.
    if (child.exitCode === null && child.signalCode === null) child.kill()
    await gone
  }
}

interface DevTools {
  send(method: string, params: Record<string, unknown>, sessionId?: string): Promise<unknown>
  once(event: string, sessionId: string): Promise<unknown>
}

/** The DevTools protocol over Chromium's pipe: JSON messages, each ended by a NUL byte. */
function connect(input: Writable, output: Readable): DevTools {
  let nextId = 1
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  const waiting: { event: string; sessionId: string; resolve(value: unknown): void }[] = []
  let buffer = ''
  output.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8')
    let end: number
    while ((end = buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffer.slice(0, end)) as {
        id?: number
        method?: string
        sessionId?: string
        result?: unknown
        params?: unknown
        error?: { message: string }
      }
      buffer = buffer.slice(end + 1)
      if (message.id !== undefined) {
        const call = pending.get(message.id)
        pending.delete(message.id)
        if (message.error) call?.reject(new Error(message.error.message))
        else call?.resolve(message.result)
      } else if (message.method) {
        const index = waiting.findIndex((w) => w.event === message.method && w.sessionId === message.sessionId)
        if (index >= 0) waiting.splice(index, 1)[0]!.resolve(message.params)
      }
    }
  })
  // A closed pipe is reported by the process's exit.
  input.on('error', () => undefined)
  return {
    send: (method, params, sessionId) =>
      new Promise((resolve, reject) => {
        const id = nextId++
        pending.set(id, { resolve, reject })
        input.write(JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) }) + '\0')
      }),
    once: (event, sessionId) => new Promise((resolve) => waiting.push({ event, sessionId, resolve }))
  }
}
