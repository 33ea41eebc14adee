/** Runs the built browser host (out/main/host.js) on a data directory, as `npm start` would. */
import { spawn, type ChildProcess } from 'node:child_process'

export interface RunningHost {
  url: string
  stop(signal?: NodeJS.Signals): Promise<void>
  /** Everything the host printed so far: for messages when a test fails. */
  output(): string
}

export function runHost(dataDir: string): Promise<RunningHost> {
  const child = spawn(process.execPath, ['out/main/host.js', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  return new Promise((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /running at (\S+)/.exec(output)
      if (match) resolve({ url: match[1]!, stop: (signal) => stop(child, signal), output: () => output })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`The host exited (${code}) before it was ready:\n${output}`)))
    setTimeout(() => reject(new Error(`The host did not start within 20 s:\n${output}`)), 20_000)
  })
}

function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill(signal)
  })
}
