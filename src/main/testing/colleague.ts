/**
 * A colleague's Factmark JSON-LD export of a long article with `claims`
 * claims (a tenth with a note), made with the real renderer: for the import
 * tests and benchmarks. `bad` puts a note past its limit on the last claim.
 */
import { articleText, type Block } from '../../shared/article'
import { fieldLimits } from '../../shared/fields'
import type { Claim, Note } from '../../shared/model'
import { renderAnnotations } from '../../shared/report/annotations'
import { quoteSelector } from '../../shared/selector'
import { statuses } from '../../shared/status'

const PER_PARAGRAPH = 20

export function colleaguesFile(count: number, options: { bad?: boolean } = {}): string {
  const content: Block[] = []
  for (let p = 0; p < count / PER_PARAGRAPH; p++) {
    const sentences = Array.from({ length: PER_PARAGRAPH }, (_, i) => `Claim ${p * PER_PARAGRAPH + i} says ${(p * 7919 + i) % 1000} fighters joined 😀.`)
    content.push({ type: 'paragraph', content: [{ text: sentences.join(' ') }] })
  }
  const text = articleText(content)
  const at = '2026-11-20T09:00:00.000Z'
  const claims: Claim[] = []
  const notes: Note[] = []
  let from = 0
  for (let n = 0; n < count; n++) {
    const start = text.indexOf(`Claim ${n} says`, from)
    const end = text.indexOf('.', start) + 1
    from = end
    const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
    const bad = options.bad === true && n === count - 1
    const noted = n % 10 === 0 || bad
    claims.push({
      id,
      documentId: 'd',
      quote: quoteSelector(text, { start, end }),
      position: { start, end },
      status: statuses[n % statuses.length]!,
      claimant: null,
      tags: [],
      orphaned: false,
      rationale: '',
      createdBy: 'Mina',
      createdAt: at,
      updatedAt: at,
      number: n + 1,
      noteCount: noted ? 1 : 0,
      sourceCount: 0
    })
    if (noted) {
      const body = bad ? 'x'.repeat(fieldLimits.noteLength + 1) : `Checked claim ${n} against the source.`
      notes.push({ id: `n${n}`, claimId: id, author: 'Mina', body, public: false, createdAt: at, updatedAt: at })
    }
  }
  const document = { id: 'd', title: 'A long article', sourceUrl: null, publisher: null, author: null, publishedAt: null, language: 'en', importedAt: at, version: 1, text, content, conclusion: '', publicationUrl: null, publicationDate: null }
  return renderAnnotations({ document, claims, notes, sources: [], analyst: 'Colleague', generatedAt: at })
}
