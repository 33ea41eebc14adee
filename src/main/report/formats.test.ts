/**
 * Every report format, byte for byte, against golden files in ./golden.
 * After an intended change, regenerate them with
 * `UPDATE_GOLDEN=1 npx vitest run src/main/report/formats.test.ts` and read the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { textRenderers } from '../../shared/report/render'
import { fixtureClaims, fixtureReport } from './fixture'

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), 'golden')
const update = process.env.UPDATE_GOLDEN === '1'

const goldens: Record<string, (data: ReturnType<typeof fixtureReport>) => string> = {
  'report.html': textRenderers.html,
  // The internal working report: every note, INTERNAL on every page.
  'report-internal.html': (data) => textRenderers.html({ ...data, internal: true }),
  'report-internal.md': (data) => textRenderers.md({ ...data, internal: true }),
  'report.md': textRenderers.md,
  'claims.csv': textRenderers.csv,
  'claims.jsonld': textRenderers.jsonld,
  'claimreview.jsonld': textRenderers.claimreview
}

describe('golden files', () => {
  for (const [file, render] of Object.entries(goldens)) {
    it(`${file} is unchanged`, () => {
      const output = render(fixtureReport())
      const path = join(goldenDir, file)
      if (update) {
        mkdirSync(goldenDir, { recursive: true })
        writeFileSync(path, output)
      }
      expect(existsSync(path), `${path} exists (run with UPDATE_GOLDEN=1 once)`).toBe(true)
      expect(output).toBe(readFileSync(path, 'utf8'))
    })
  }

  it('a verdict filter leaves out the other claims in every format', () => {
    const data = fixtureReport({ includeStatuses: ['false'] })
    const jsonld = JSON.parse(textRenderers.jsonld(data)) as { total: number; first: { items: { body: { verdict?: string }[] }[] } }
    expect(jsonld.total).toBe(2)
    expect(jsonld.first.items.map((item) => item.body[0]!.verdict)).toEqual(['false', 'false'])
    const csv = textRenderers.csv(data)
    expect(csv.trim().split('\r\n')).toHaveLength(3)
    expect(csv).not.toContain('114 Uyghurs')
    expect(textRenderers.html(data)).not.toContain('114 Uyghurs have joined IS</mark>')
    // Each claim keeps its own number in a filtered report.
    for (const claim of data.claims) expect(textRenderers.md(data).includes(`[^${claim.number}]`), `claim ${claim.number}`).toBe(claim.status === 'false')
  })
})

describe('positions in the W3C export', () => {
  it('count code points, not UTF-16 units, after an emoji', () => {
    const collection = JSON.parse(textRenderers.jsonld(fixtureReport())) as {
      first: { items: { target: { selector: [{ exact: string }, { start: number; end: number }] } }[] }
      document: { text: string }
    }
    const text = collection.document.text
    const codePoints = [...text]
    for (const item of collection.first.items) {
      const [quote, position] = item.target.selector
      if (!text.includes(quote.exact)) continue // the orphan
      expect(codePoints.slice(position.start, position.end).join('')).toBe(quote.exact)
    }
    // The Chinese claim stands after the emoji: its UTF-16 offset is one more than its code-point offset.
    const chinese = fixtureClaims[4]!
    const item = collection.first.items.find((i) => i.target.selector[0].exact === chinese.quote.exact)!
    expect(item.target.selector[1].start).toBe(chinese.position.start - 1)
  })
})
