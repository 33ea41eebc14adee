import type { ChildProcess } from 'node:child_process'

export interface BuiltHost {
  child: ChildProcess
  /** http://127.0.0.1:PORT */
  base: string
  token: string
  /** The address to open: base with the token in its fragment. */
  url: string
  /** Everything the host printed so far: for messages when a test fails. */
  output(): string
  stop(signal?: NodeJS.Signals): Promise<void>
  call(operation: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }>
}

export function startBuiltHost(dataDir: string, options?: { timeoutMs?: number }): Promise<BuiltHost>
