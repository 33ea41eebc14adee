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

describe('factmark import FEED and factmark matches', () => {
  const review = (url: string, claimReviewed: string, rating: string) => ({ '@type': 'ClaimReview', url, claimReviewed, reviewRating: { alternateName: rating } })

  it('imports a feed, lists rejected items, and matches queries from the command line or a file', async () => {
    const dir = tempDir()
    const lib = ['--data-dir', join(dir, 'lib')]
    const feed = join(dir, 'feed.jsonld')
    writeFileSync(
      feed,
      JSON.stringify({
        '@type': 'ItemList',
        itemListElement: [
          review('https://checks.example/ford', 'Ford is moving all of its small car production to Mexico.', 'True'),
          review('data:text/html,<script>alert(1)</script>', 'Bad.', 'False'),
          review('https://checks.example/chicago', 'Almost 4,000 people have been killed in Chicago since Obama became president.', 'Half true')
        ]
      })
    )
    const imported = await factmark([...lib, 'import', feed])
    expect(imported.code).toBe(0)
    expect(imported.stdout).toBe(`${feed}\timported 2\tupdated 0\trejected 1\n`)
    expect(imported.stderr).toMatch(/^factmark: .*feed\.jsonld: item 1 left out: .*data:/)

    const one = await factmark([...lib, 'matches', '--query', 'Ford moves small car production to Mexico', '--json', '--limit', '1'])
    expect(one.code).toBe(0)
    const [line] = one.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(Object.keys(line!)).toEqual(['query', 'url', 'claimReviewed', 'rating', 'score'])
    expect(line).toMatchObject({ query: 0, url: 'https://checks.example/ford', rating: 'True' })

    const queries = join(dir, 'queries.txt')
    writeFileSync(queries, 'Ford is going to Mexico\n\nPeople killed in Chicago under Obama: 4,000\n')
    const many = await factmark([...lib, 'matches', '--queries', queries, '--limit', '1'])
    expect(many.stdout.trim().split('\n').map((l) => l.split('\t').slice(0, 1).concat(l.split('\t')[3]!))).toEqual([
      ['0', 'https://checks.example/ford'],
      ['2', 'https://checks.example/chicago']
    ])
  })

  it('needs exactly one of --query and --queries', async () => {
    expect((await factmark(['matches'])).code).toBe(EXIT.usage)
    expect((await factmark(['matches', '--query', 'x', '--queries', 'y'])).code).toBe(EXIT.usage)
  })
})
