/**
 * The report fixture: an article in several scripts with claims of every
 * verdict (two overlapping, one orphaned), notes with links and Unicode, and
 * sources of every stance. The golden files are this data in each format.
 */
import { articleText, type Block } from '../../shared/article'
import type { ArticleDocument, Claim, Note, Source, Stance } from '../../shared/model'
import type { ReportData } from '../../shared/report/data'
import { quoteSelector } from '../../shared/selector'
import type { Status } from '../../shared/status'

const content: Block[] = [
  { type: 'heading', level: 1, content: [{ text: 'Uyghur fighters in Syria' }] },
  {
    type: 'paragraph',
    content: [
      { text: 'According to a 2016 ' },
      { text: 'New America report', href: 'https://www.newamerica.org/international-security/reports/isis-files/' },
      { text: ', 114 Uyghurs have joined IS. Dr. Lee of the U.S. Institute disputes the count.' }
    ]
  },
  {
    type: 'paragraph',
    content: [{ text: 'Officials in Ürümqi said the figure was exaggerated 😀 and called the report “politically motivated”.' }]
  },
  { type: 'blockquote', content: [{ type: 'paragraph', content: [{ text: '报告称，有114名维吾尔人加入了伊斯兰国。' }] }] },
  {
    type: 'list',
    ordered: false,
    items: [
      [{ type: 'paragraph', content: [{ text: 'گزارش می‌گوید ۱۱۴ اویغور به داعش پیوسته‌اند.' }] }],
      [{ type: 'paragraph', content: [{ text: 'Sales rose 30% & costs fell <10%.' }] }]
    ]
  }
]

const text = articleText(content)
const T0 = '2026-11-20T09:00:00.000Z'
const at = (minutes: number): string => new Date(Date.parse(T0) + minutes * 60_000).toISOString()
const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

export const fixtureDocument: ArticleDocument = {
  id: uuid(1),
  title: 'Uyghur fighters in Syria',
  sourceUrl: 'https://example.org/news/uyghur-fighters',
  publisher: 'Example News',
  author: 'A. Reporter',
  publishedAt: '2026-11-19',
  language: 'en',
  importedAt: T0,
  version: 1,
  text,
  content,
  conclusion: 'The 114 figure is a count of registered fighters, not of all who went.\nThe officials’ denial is not supported by what they said on the record.',
  publicationUrl: 'https://factcheck.example.org/2026/uyghur-fighters',
  publicationDate: '2026-11-28'
}

interface ClaimSpec {
  words: string
  /** Which occurrence, when the words appear more than once. */
  from?: string
  status: Status
  claimant?: string
  tags?: string[]
  orphaned?: boolean
  rationale?: string
}

const specs: ClaimSpec[] = [
  {
    words: '114 Uyghurs have joined IS',
    status: 'disputed',
    claimant: 'New America',
    tags: ['numbers', 'terrorism'],
    rationale: 'New America counts 114 registered fighters; other estimates (see https://example.org/other-estimate) run to 300.'
  },
  // Overlaps the first claim: the whole sentence.
  { words: 'According to a 2016 New America report, 114 Uyghurs have joined IS.', status: 'in_progress' },
  { words: 'Dr. Lee of the U.S. Institute disputes the count.', status: 'verified', claimant: 'Dr. Lee', rationale: 'Dr. Lee confirmed his view by phone.' },
  { words: 'the figure was exaggerated 😀', status: 'false', claimant: 'Officials in Ürümqi', rationale: 'The statement on record never uses the word “exaggerated”.' },
  { words: '有114名维吾尔人加入了伊斯兰国', status: 'misleading', tags: ['中文'], rationale: '报告原文中没有这句话。' },
  { words: '۱۱۴ اویغور به داعش پیوسته‌اند', status: 'unverifiable', claimant: 'گزارش' },
  { words: 'Sales rose 30% & costs fell <10%.', status: 'unverified' },
  { words: 'A sentence that was removed from the article.', status: 'false', orphaned: true }
]

const unnumbered = specs.map((spec, index) => {
  const found = text.indexOf(spec.words)
  const start = found >= 0 ? found : 0
  const position = { start, end: start + spec.words.length }
  return {
    id: uuid(100 + index),
    documentId: fixtureDocument.id,
    quote: found >= 0 ? quoteSelector(text, position) : { exact: spec.words, prefix: 'Earlier: ', suffix: ' Later.' },
    position,
    status: spec.status,
    claimant: spec.claimant ?? null,
    tags: spec.tags ?? [],
    orphaned: spec.orphaned ?? false,
    rationale: spec.rationale ?? '',
    createdBy: index % 2 ? 'Reza Ahmadi' : 'Mina Karimi',
    createdAt: at(index),
    updatedAt: at(60 + index),
    noteCount: 0,
    sourceCount: 0
  }
})

/** Numbered in text order (the orphan last), as the migration numbers claims made before numbers existed. */
const textOrder = [...unnumbered].sort(
  (a, b) => Number(a.orphaned) - Number(b.orphaned) || a.position.start - b.position.start || a.position.end - b.position.end
)
export const fixtureClaims: Claim[] = unnumbered.map((claim) => ({ ...claim, number: textOrder.indexOf(claim) + 1 }))

const note = (n: number, claim: number, author: string, body: string, isPublic = false): Note => ({
  id: uuid(200 + n),
  claimId: fixtureClaims[claim]!.id,
  author,
  body,
  public: isPublic,
  createdAt: at(120 + n),
  updatedAt: at(120 + n)
})

export const fixtureNotes: Note[] = [
  note(0, 0, 'Mina', 'The report counts 114 *registered* fighters; see https://www.newamerica.org/isis-files. Other estimates differ.'),
  note(1, 0, 'Mina', 'Second check:\nthe Chinese figure (300) is unsourced.\n\nAsked the author by email.'),
  note(2, 3, 'Reza رضا', 'نقل‌قول رسمی را بررسی کردم 👍 — the officials never used that word.', true),
  note(3, 4, '李', '报告原文中没有这句话。Compare [the English](https://example.org/en).'),
  note(4, 2, 'Mina', '<b>Confirmed</b> by phone & email; see http://example.com/a_(b).')
]

const source = (n: number, claim: number, stance: Stance, url: string, title: string | null, excerpt: string | null): Source => ({
  id: uuid(300 + n),
  claimId: fixtureClaims[claim]!.id,
  url,
  title,
  excerpt,
  stance,
  accessedAt: n % 2 === 0 ? at(180 + n) : null,
  createdAt: at(180 + n)
})

export const fixtureSources: Source[] = [
  source(0, 0, 'supports', 'https://www.newamerica.org/isis-files', 'ISIS Files — New America', '114 fighters from Xinjiang'),
  source(1, 0, 'refutes', 'https://example.org/other-estimate?x=1&y="2"', 'Another estimate, "300+"', null),
  source(2, 3, 'context', 'https://example.org/ürümqi-statement', null, 'We never said “exaggerated”.'),
  source(3, 2, 'supports', 'https://files.example.org/lee.pdf', 'Lee’s paper', null)
]

export function fixtureReport(overrides: Partial<ReportData> = {}): ReportData {
  return {
    document: fixtureDocument,
    claims: fixtureClaims,
    notes: fixtureNotes,
    sources: fixtureSources,
    analyst: 'Mina Karimi',
    organisation: { name: 'Example Fact Check', url: 'https://factcheck.example.org', logo: null },
    documentFormat: 'text/plain',
    generatedAt: '2026-11-27T14:00:00.000Z',
    ...overrides
  }
}

