/**
 * The report as Markdown, readable in any viewer: the editor's conclusion,
 * the article with a footnote after each claim, the claim's verdict,
 * rationale, sources and (public) notes in the footnote, and how the desk
 * rates. Nothing from the article, notes, sources, profile or scale reaches
 * the output as markup: text is escaped, and only http(s) addresses become links.
 */
import { stanceLabels, type Note, type Source } from '../model'
import { noteParts } from '../links'
import { finalVerdicts } from '../scale'
import { statuses, statusStyles, type Status } from '../status'
import { formatDate, isWebUrl, reportClaims, reportFacts, scaleOf, verdictCounts, visibleNotes, type ReportClaim, type ReportData } from './data'
import { escapeMarkdown as esc, markdownUrl } from './escape'
import { segmentArticle, type Piece, type SegmentedBlock } from './segments'

export function renderMarkdown(data: ReportData): string {
  const claims = reportClaims(data)
  const { document } = data
  const scale = scaleOf(data)
  const verdict = (status: Status): string => `${statusStyles[status].icon} ${esc(scale[status].label)}`
  const meta = reportFacts(data).map(({ term, text, href }) => `- **${esc(term)}:** ${href ? link(href, text) : esc(text)}`)
  if (data.includeStatuses) {
    const shown = statuses.filter((s) => data.includeStatuses!.includes(s)).map((s) => scale[s].label)
    meta.push(`- **Verdicts shown:** ${esc(shown.length ? shown.join(', ') : 'none')}`)
  }
  const orphans = claims.filter((c) => c.claim.orphaned)
  const out = [
    data.internal ? '**INTERNAL — working report with the desk’s notes; not for publication**' : '',
    `# ${data.internal ? 'Internal working report' : 'Fact\\-check'}: ${esc(document.title)}`,
    meta.join('\n'),
    document.conclusion.trim() ? `## Our conclusion\n\n${prose(document.conclusion)}` : '',
    '## Summary',
    `${claims.length} ${claims.length === 1 ? 'claim' : 'claims'} in this report.`,
    [
      '| Verdict | Claims |',
      '| --- | ---: |',
      ...verdictCounts(claims).map(({ status, count }) => `| ${verdict(status)} | ${count} |`)
    ].join('\n'),
    '## The article',
    blocks(segmentArticle(document.content, claims)),
    orphans.length
      ? `Claims whose words are no longer in the article: ${orphans.map((c) => `claim ${c.number}[^${c.number}]`).join(', ')}.`
      : '',
    '## How we rate',
    (data.internal ? statuses : finalVerdicts).map((status) => `- **${verdict(status)}:** ${prose(scale[status].definition)}`).join('\n'),
    claims.length ? '## The claims' : '',
    ...claims.map((claim) => footnote(data, claim, verdict))
  ]
  return out.filter(Boolean).join('\n\n') + '\n'
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
function footnote(data: ReportData, { number, claim, notes, sources }: ReportClaim, verdict: (status: Status) => string): string {
  const lines = [`[^${number}]: **Claim ${number} · ${verdict(claim.status)}** — “${esc(claim.quote.exact)}”`]
  const shown = visibleNotes(data, notes)
  const facts: string[] = []
  if (claim.claimant) facts.push(`Claimant: ${esc(claim.claimant)}`)
  if (claim.tags.length) facts.push(`Tags: ${claim.tags.map(esc).join(', ')}`)
  if (claim.orphaned) facts.push('These words are no longer in the article’s current text.')
  if (facts.length) lines.push('', facts.join(' · '))
  if (claim.rationale.trim()) lines.push('', `**Why ${esc(scaleOf(data)[claim.status].label)}:** ${prose(claim.rationale)}`)
  if (shown.length) lines.push('', data.internal ? '**Notes**' : '**Notes from the desk**', '', ...shown.map((n) => note(n, data.internal === true)))
  if (sources.length) lines.push('', '**Sources**', '', ...sources.map(source))
  return lines.map((line, index) => (index === 0 || line === '' ? line : `    ${line}`)).join('\n')
}

/** Plain text on one Markdown line: escaped, its http(s) addresses made links. */
function prose(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map(linkify)
    .join(' ')
}

function note(n: Note, internal: boolean): string {
  const visibility = internal ? (n.public ? ' · public' : ' · internal') : ''
  return `- ${esc(n.author)}, ${esc(formatDate(n.createdAt))}${esc(visibility)}: ${prose(n.body)}`
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
  if (s.accessedAt) parts.push(`— accessed ${esc(formatDate(s.accessedAt))}`)
  return parts.join(' ')
}
