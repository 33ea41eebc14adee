/**
 * The report as Markdown, readable in any viewer: the article with a
 * footnote after each claim, and the claim's verdict, notes and sources in
 * the footnote. Nothing from the article, notes or sources reaches the output
 * as markup: text is escaped, and only http(s) addresses become links.
 */
import { stanceLabels, type Note, type Source } from '../model'
import { statusStyles } from '../status'
import { formatTime, isWebUrl, reportClaims, verdictCounts, type ReportClaim, type ReportData } from './data'
import { escapeMarkdown as esc, markdownUrl } from './escape'
import { segmentArticle, type Piece, type SegmentedBlock } from './segments'
import { noteParts } from '../links'

export function renderMarkdown(data: ReportData): string {
  const claims = reportClaims(data)
  const { document } = data
  const meta: string[] = []
  if (document.publisher) meta.push(`- **Publisher:** ${esc(document.publisher)}`)
  if (document.author) meta.push(`- **Author:** ${esc(document.author)}`)
  if (document.publishedAt) meta.push(`- **Published:** ${esc(document.publishedAt)}`)
  if (document.sourceUrl) meta.push(`- **Address:** ${link(document.sourceUrl, document.sourceUrl)}`)
  meta.push(`- **Imported:** ${esc(formatTime(document.importedAt))}`)
  meta.push(`- **Analyst:** ${esc(data.analyst)}`)
  meta.push(`- **Report date:** ${esc(formatTime(data.generatedAt))}`)
  const orphans = claims.filter((c) => c.claim.orphaned)
  const out = [
    `# Fact\\-check report: ${esc(document.title)}`,
    meta.join('\n'),
    '## Summary',
    `${claims.length} ${claims.length === 1 ? 'claim' : 'claims'} in this report.`,
    [
      '| Verdict | Claims |',
      '| --- | ---: |',
      ...verdictCounts(claims).map(({ status, count }) => `| ${verdict(status)} | ${count} |`)
    ].join('\n'),
    '## Article',
    blocks(segmentArticle(document.content, claims)),
    orphans.length
      ? `Claims whose words are no longer in the article: ${orphans.map((c) => `claim ${c.number}[^${c.number}]`).join(', ')}.`
      : '',
    claims.length ? '## Claims' : '',
    ...claims.map(footnote)
  ]
  return out.filter(Boolean).join('\n\n') + '\n'
}

function verdict(status: keyof typeof statusStyles): string {
  return `${statusStyles[status].icon} ${statusStyles[status].label}`
}

function link(url: string, text: string): string {
  return isWebUrl(url) ? `[${esc(text)}](<${markdownUrl(url)}>)` : esc(text)
}

function blocks(list: SegmentedBlock[]): string {
  return list
    .map((block) => {
      switch (block.type) {
        case 'heading':
          return `${'#'.repeat(Math.min(block.level + 2, 6))} ${pieces(block.pieces)}`
        case 'paragraph':
          return pieces(block.pieces)
        case 'blockquote':
          return blocks(block.content)
            .split('\n')
            .map((line) => (line ? `> ${line}` : '>'))
            .join('\n')
        case 'list':
          return block.items
            .map((item, index) => {
              const bullet = block.ordered ? `${index + 1}. ` : '- '
              const [first = '', ...rest] = blocks(item).split('\n')
              const indent = ' '.repeat(bullet.length)
              return [bullet + first, ...rest.map((line) => (line ? indent + line : ''))].join('\n')
            })
            .join('\n')
      }
    })
    .join('\n\n')
}

function pieces(list: Piece[]): string {
  return list
    .map((piece, index) => {
      // Only the first piece of a block stands at the start of a line.
      let text = index === 0 ? esc(piece.text) : esc(piece.text).replace(/^\\?([-+=])/, '$1').replace(/^(\d+)\\\./, '$1.')
      if (piece.href !== undefined && isWebUrl(piece.href)) text = `[${text}](<${markdownUrl(piece.href)}>)`
      return text + piece.ending.map((c) => `[^${c.number}]`).join('')
    })
    .join('')
}

/** A footnote: the first line, then continuation lines indented four spaces. */
function footnote({ number, claim, notes, sources }: ReportClaim): string {
  const lines = [`[^${number}]: **Claim ${number} · ${verdict(claim.status)}** — “${esc(claim.quote.exact)}”`]
  const facts: string[] = []
  if (claim.claimant) facts.push(`Claimant: ${esc(claim.claimant)}`)
  if (claim.tags.length) facts.push(`Tags: ${claim.tags.map(esc).join(', ')}`)
  if (claim.orphaned) facts.push('These words are no longer in the article’s current text.')
  if (facts.length) lines.push('', facts.join(' · '))
  if (notes.length) lines.push('', '**Notes**', '', ...notes.map(note))
  if (sources.length) lines.push('', '**Sources**', '', ...sources.map(source))
  return lines.map((line, index) => (index === 0 || line === '' ? line : `    ${line}`)).join('\n')
}

function note(n: Note): string {
  const body = n.body
    .trim()
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map(linkify)
    .join(' ')
  return `- ${esc(n.author)}, ${esc(formatTime(n.createdAt))}: ${body}`
}

/** Escapes a line of a note, turning the http(s) addresses in it into links. */
function linkify(line: string): string {
  return noteParts(line)
    .map((part) => (part.href ? link(part.href, part.href) : esc(part.text)))
    .join('')
}

function source(s: Source): string {
  const title = s.title?.trim() || s.url
  const parts = [`- ${stanceLabels[s.stance]}: ${link(s.url, title)}`]
  if (title !== s.url || !isWebUrl(s.url)) parts.push(`(${esc(s.url)})`)
  if (s.excerpt) parts.push(`— “${esc(s.excerpt)}”`)
  if (s.accessedAt) parts.push(`— accessed ${esc(formatTime(s.accessedAt))}`)
  return parts.join(' ')
}
