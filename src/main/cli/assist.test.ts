/** `factmark suggest` and `factmark matches`, through runCli, on real files and a real library. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../testing/temp'
import { EXIT, runCli, type CliIo } from './main'

async function factmark(args: string[]) {
  let stdout = ''
  let stderr = ''
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stdoutBytes: () => {}, env: {} }
  const code = await runCli(args, io)
  return { code, stdout, stderr }
}

describe('factmark suggest', () => {
  it('prints every sentence of a file, best first; --json gives code-point offsets', async () => {
    const dir = tempDir()
    const file = join(dir, 'speech.md')
    // The emoji is two UTF-16 units and one code point: offsets after it differ.
    writeFileSync(file, '# Speech 🎤\n\nThank you all. Unemployment doubled to 10 percent in 2009, the Labor Department said.\n')
    const lines = await factmark(['suggest', file])
    expect(lines.code).toBe(0)
    const rows = lines.stdout.trim().split('\n').map((l) => l.split('\t'))
    expect(rows).toHaveLength(3)
    expect(rows[0]![2]).toBe('Unemployment doubled to 10 percent in 2009, the Labor Department said.')

    const json = await factmark(['suggest', file, '--json', '--limit', '1'])
    const [best, ...more] = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as { start: number; end: number; text: string; score: number })
    expect(more).toHaveLength(0)
    expect(Object.keys(best!)).toEqual(['start', 'end', 'text', 'score'])
    const text = 'Speech 🎤\n\nThank you all. Unemployment doubled to 10 percent in 2009, the Labor Department said.'
    expect([...text].slice(best!.start, best!.end).join('')).toBe(best!.text)
  })

  it('says what is wrong with a bad limit or a missing file', async () => {
    expect((await factmark(['suggest', 'x.txt', '--limit', '0'])).code).toBe(EXIT.usage)
    const missing = await factmark(['suggest', join(tempDir(), 'missing.txt')])
    expect(missing.code).toBe(EXIT.badInput)
    expect(missing.stderr).toMatch(/^factmark: cannot read .*missing\.txt: ENOENT\n$/)
  })
})
