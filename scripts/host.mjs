// The built browser host (out/main/host.js, so `npm run build` first), started
// on a data directory as `npm start` would, and its address read from what it
// prints. One module for the e2e fixtures, the CLI e2e test, the benchmarks
// and the durability script; `call` is the API over HTTP with the run's token.
import { spawn } from 'node:child_process'

const READY = /running at (http:\/\/[^/\s]+)\/#token=(\S+)/

/** Starts the host; resolves once it prints its address, rejects if it exits or is silent for `timeoutMs`. */
export function startBuiltHost(dataDir, { timeoutMs = 20_000 } = {}) {
  const child = spawn(process.execPath, ['out/main/host.js', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The host did not start within ${timeoutMs / 1000} s:\n${output}`)), timeoutMs)
    child.stdout.on('data', (chunk) => {
      output += chunk
      const match = READY.exec(output)
      if (!match) return
      clearTimeout(timer)
      const [, base, token] = match
      resolve({
        child,
        base,
        token,
        url: `${base}/#token=${token}`,
        output: () => output,
        stop: (signal) => stop(child, signal),
        call: (operation, input) => call(base, token, operation, input)
      })
    })
    child.stderr.on('data', (chunk) => (output += chunk))
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`The host exited (${code ?? signal}) before it was ready:\n${output}`))
    })
  })
}

/** One API call over HTTP: the host's answer, `{ ok, value }` or `{ ok: false, error }`. */
async function call(base, token, operation, input) {
  const response = await fetch(`${base}/api/${operation}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input)
  })
  return response.json()
}

function stop(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill(signal)
  })
}
