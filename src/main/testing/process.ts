/** Test helper: a second process, started and waited for until it says it is ready. */
import { spawn, type ChildProcess } from 'node:child_process'

/** Spawns `args` under this Node; resolves once its stdout has printed `ready`, rejects if it exits first. */
export function startProcess(args: string[], ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes(ready)) resolve(child)
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`${args.at(-1)} exited (${code}) before it was ready:\n${output}`)))
  })
}
