/**
 * The annotated report as one self-contained HTML file: styles inline, no
 * scripts, a Content-Security-Policy that forbids every request, and every
 * piece of text from the article, notes and sources escaped. Only http(s)
 * addresses become links. It is also the page the PDF is printed from.
 */
import type { BlockLanguage } from '../article'
import { stanceLabels, type Note, type Source } from '../model'
import { statusStyles, statuses, type Status } from '../status'
import { formatTime, isWebUrl, reportClaims, verdictCounts, type ReportClaim, type ReportData } from './data'
import { escapeHtml as esc } from './escape'
import { segmentArticle, type Piece, type SegmentedBlock } from './segments'
import { noteParts } from '../links'

/** Forbids every fetch: no scripts, no images but data:, no fonts, no frames, no forms. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

export function renderHtml(data: ReportData): string {
  const claims = reportClaims(data)
  const { document } = data
  const language = document.language && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(document.language) ? document.language : 'en'
  return [
    '<!DOCTYPE html>',
    `<html lang="${esc(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(REPORT_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Factmark">',
    `<title>Fact-check report: ${esc(document.title)}</title>`,
    `<style>\n${STYLES}</style>`,
    '</head>',
    '<body>',
    header(data),
    summary(claims),
    '<section class="article" aria-labelledby="article-title">',
    '<h2 id="article-title">Article</h2>',
    '<div class="article-body">',
    blocks(segmentArticle(document.content, claims)),
    '</div>',
    '</section>',
    entries(claims),
    `<footer class="report-footer">Made with Factmark by ${esc(data.analyst)}, ${esc(formatTime(data.generatedAt))}.</footer>`,
    '</body>',
    '</html>',
    ''
  ].join('\n')
}

function link(url: string, text: string): string {
  return isWebUrl(url) ? `<a href="${esc(url.trim())}" rel="noopener noreferrer">${esc(text)}</a>` : esc(text)
}

function header({ document, analyst, generatedAt, includeStatuses }: ReportData): string {
  const rows: [string, string][] = []
  if (document.publisher) rows.push(['Publisher', esc(document.publisher)])
  if (document.author) rows.push(['Author', esc(document.author)])
  if (document.publishedAt) rows.push(['Published', esc(document.publishedAt)])
  if (document.sourceUrl) rows.push(['Address', link(document.sourceUrl, document.sourceUrl)])
  rows.push(['Imported', esc(formatTime(document.importedAt))])
  rows.push(['Analyst', esc(analyst)])
  rows.push(['Report date', esc(formatTime(generatedAt))])
  if (includeStatuses) {
    const shown = statuses.filter((s) => includeStatuses.includes(s)).map((s) => statusStyles[s].label)
    rows.push(['Verdicts shown', esc(shown.length ? shown.join(', ') : 'none')])
  }
  return [
    '<header class="report-header">',
    '<p class="kicker">Fact-check report</p>',
    `<h1>${esc(document.title)}</h1>`,
    '<dl class="meta">',
    ...rows.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`),
    '</dl>',
    '</header>'
  ].join('\n')
}

function summary(claims: ReportClaim[]): string {
  const counts = verdictCounts(claims).filter((c) => c.count > 0)
  const total = claims.length
  let x = 0
  const rects = counts.map(({ status, count }) => {
    const width = (count / total) * 100
    const rect = `<rect x="${x.toFixed(2)}" y="0" width="${width.toFixed(2)}" height="8" fill="${statusStyles[status].colour}"/>`
    x += width
    return rect
  })
  const described = counts.map(({ status, count }) => `${statusStyles[status].label} ${count}`).join(', ')
  return [
    '<section class="summary" aria-labelledby="summary-title">',
    '<h2 id="summary-title">Summary</h2>',
    `<p>${total} ${total === 1 ? 'claim' : 'claims'} in this report.</p>`,
    total
      ? `<svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label="${esc(`Claims per verdict: ${described}`)}">${rects.join('')}</svg>`
      : '',
    '<table class="counts">',
    '<thead><tr><th scope="col">Verdict</th><th scope="col">Claims</th></tr></thead>',
    '<tbody>',
    ...verdictCounts(claims).map(
      ({ status, count }) => `<tr><td>${badge(status)}</td><td class="number">${count}</td></tr>`
    ),
    '</tbody>',
    '</table>',
    '</section>'
  ].join('\n')
}

function badge(status: Status): string {
  const style = statusStyles[status]
  return `<span class="badge v-${status}"><span aria-hidden="true">${esc(style.icon)}</span> ${esc(style.label)}</span>`
}

function blocks(list: SegmentedBlock[]): string {
  return list
    .map((block) => {
      switch (block.type) {
        case 'heading': {
          // The report's own headings are h1 and h2: the article's sit below them.
          const level = Math.min(block.level + 2, 6)
          return `<h${level}${languageAttrs(block)}>${pieces(block.pieces)}</h${level}>`
        }
        case 'paragraph':
          return `<p${languageAttrs(block)}>${pieces(block.pieces)}</p>`
        case 'blockquote':
          return `<blockquote>\n${blocks(block.content)}\n</blockquote>`
        case 'list': {
          const tag = block.ordered ? 'ol' : 'ul'
          return `<${tag}>\n${block.items.map((item) => `<li>${blocks(item)}</li>`).join('\n')}\n</${tag}>`
        }
      }
    })
    .join('\n')
}

/** A block's direction and language as the page declared them; else the browser finds the direction. */
function languageAttrs({ lang, dir }: BlockLanguage): string {
  return ` dir="${dir === 'rtl' || dir === 'ltr' ? dir : 'auto'}"` + (lang ? ` lang="${esc(lang)}"` : '')
}

function pieces(list: Piece[]): string {
  return list
    .map((piece) => {
      let html = esc(piece.text)
      if (piece.innermost) {
        const overlap = piece.claims.length > 1 ? ' overlap' : ''
        html = `<mark class="claim v-${piece.innermost.claim.status}${overlap}" data-claims="${piece.claims.join(' ')}">${html}</mark>`
      }
      if (piece.href !== undefined && isWebUrl(piece.href)) {
        html = `<a href="${esc(piece.href.trim())}" rel="noopener noreferrer">${html}</a>`
      }
      return html + piece.ending.map(marker).join('')
    })
    .join('')
}

function marker({ number, claim }: ReportClaim): string {
  const label = `Claim ${number}: ${statusStyles[claim.status].label}`
  return `<sup class="marker v-${claim.status}"><a id="marker-${number}" href="#claim-${number}" aria-label="${esc(label)}">${number}</a></sup>`
}

function entries(claims: ReportClaim[]): string {
  return [
    '<section class="claims" aria-labelledby="claims-title">',
    '<h2 id="claims-title">Claims</h2>',
    claims.length ? '<ol class="entries">' : '<p>No claims in this report.</p>',
    ...claims.map(entry),
    claims.length ? '</ol>' : '',
    '</section>'
  ].join('\n')
}

function entry({ number, claim, notes, sources }: ReportClaim): string {
  const facts: string[] = []
  if (claim.claimant) facts.push(`<div><dt>Claimant</dt><dd>${esc(claim.claimant)}</dd></div>`)
  if (claim.tags.length) facts.push(`<div><dt>Tags</dt><dd>${claim.tags.map(esc).join(', ')}</dd></div>`)
  const heading = claim.orphaned
    ? `Claim ${number}`
    : `<a href="#marker-${number}" title="Back to the claim in the article">Claim ${number}</a>`
  return [
    `<li class="entry v-${claim.status}" id="claim-${number}">`,
    `<h3>${heading} ${badge(claim.status)}</h3>`,
    `<blockquote class="quote" dir="auto">${esc(claim.quote.exact)}</blockquote>`,
    claim.orphaned ? '<p class="orphan">These words are no longer in the article’s current text.</p>' : '',
    facts.length ? `<dl class="facts">${facts.join('')}</dl>` : '',
    notes.length ? `<h4>Notes</h4>\n<ul class="notes">\n${notes.map(note).join('\n')}\n</ul>` : '',
    sources.length ? `<h4>Sources</h4>\n<ul class="sources">\n${sources.map(source).join('\n')}\n</ul>` : '',
    claim.orphaned ? '' : `<p class="backlink"><a href="#marker-${number}">Back to the article</a></p>`,
    '</li>'
  ]
    .filter(Boolean)
    .join('\n')
}

function note(n: Note): string {
  const paragraphs = n.body
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => `<p dir="auto">${paragraph.split(/\r?\n/).map(linkify).join('<br>')}</p>`)
  return `<li class="note"><p class="note-meta">${esc(n.author)}, ${esc(formatTime(n.createdAt))}</p>${paragraphs.join('')}</li>`
}

/** Escapes a line of a note, turning the http(s) addresses in it into links. */
function linkify(line: string): string {
  return noteParts(line)
    .map((part) => (part.href ? link(part.href, part.href) : esc(part.text)))
    .join('')
}

function source(s: Source): string {
  const title = s.title?.trim() || s.url
  const parts = [
    `<span class="stance stance-${s.stance}">${stanceLabels[s.stance]}</span>`,
    link(s.url, title),
    title !== s.url || !isWebUrl(s.url) ? `<span class="url">${esc(s.url)}</span>` : '',
    s.excerpt ? `<blockquote class="excerpt">${esc(s.excerpt)}</blockquote>` : '',
    s.accessedAt ? `<span class="accessed">Accessed ${esc(formatTime(s.accessedAt))}</span>` : ''
  ]
  return `<li class="source">${parts.filter(Boolean).join(' ')}</li>`
}

const verdictColours = statuses.map((s) => `.v-${s} { --verdict: ${statusStyles[s].colour}; }`).join('\n')

const STYLES = `${verdictColours}
:root { color-scheme: light; }
body { font: 16px/1.55 Georgia, "Noto Serif", serif; color: #1d1d1b; background: #fff; max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem; }
h1, h2, h3, h4, .kicker, .meta, .counts, .badge, .marker, .report-footer, .note-meta, .stance { font-family: system-ui, "Segoe UI", "Noto Sans", sans-serif; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .8rem; color: #5b5b57; margin: 0; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: .2rem 0 1rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid #d8d8d2; padding-bottom: .25rem; margin-top: 2.2rem; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; font-size: .9rem; margin: 0; }
.meta div { display: contents; }
.meta dt { color: #5b5b57; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.bar { display: block; width: 100%; height: 1rem; border: 1px solid #bdbdb6; margin: .5rem 0 1rem; }
.counts { border-collapse: collapse; font-size: .9rem; }
.counts td, .counts th { padding: .2rem .8rem .2rem 0; text-align: left; }
.counts .number { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; background: var(--verdict); border-radius: .25rem; padding: 0 .4rem; font-size: .85rem; font-weight: 600; }
mark.claim { background: var(--verdict); color: inherit; padding: 0 .05em; }
mark.overlap { box-shadow: inset 0 -.18em 0 rgba(0, 0, 0, .35); }
.marker { font-size: .7em; line-height: 0; }
.marker a { background: var(--verdict); border: 1px solid #8b8b84; border-radius: .6em; padding: 0 .3em; color: #1d1d1b; text-decoration: none; font-weight: 700; }
.article-body blockquote { border-left: 3px solid #d8d8d2; margin-left: 0; padding-left: 1rem; color: #3b3b38; }
.entries { padding-left: 0; list-style: none; }
.entry { border: 1px solid #d8d8d2; border-left: .4rem solid var(--verdict); border-radius: .3rem; padding: .6rem 1rem; margin: 0 0 1rem; }
.entry h3 { font-size: 1.05rem; margin: 0 0 .4rem; display: flex; gap: .6rem; align-items: center; }
.entry h4 { font-size: .9rem; margin: .8rem 0 .2rem; color: #5b5b57; }
.quote { margin: 0; font-style: italic; }
.orphan { color: #8a3b12; font-size: .9rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; font-size: .9rem; margin: .5rem 0 0; }
.facts div { display: contents; }
.facts dt { color: #5b5b57; }
.facts dd { margin: 0; }
.notes, .sources { padding-left: 1.1rem; margin: 0; }
.note p { margin: .15rem 0; }
.note-meta { font-size: .8rem; color: #5b5b57; }
.stance { font-size: .75rem; font-weight: 700; text-transform: uppercase; border-radius: .2rem; padding: 0 .3rem; border: 1px solid currentColor; }
.stance-supports { color: #1e6b2c; }
.stance-refutes { color: #a3221a; }
.stance-context { color: #4a4a46; }
.url { font-size: .8rem; color: #5b5b57; overflow-wrap: anywhere; }
.excerpt { margin: .2rem 0; font-size: .9rem; color: #3b3b38; }
.accessed { font-size: .8rem; color: #5b5b57; }
.backlink { font-size: .8rem; margin: .5rem 0 0; }
a { color: #1a4f9c; }
.report-footer { margin-top: 2.5rem; font-size: .8rem; color: #5b5b57; }
@media print {
  body { max-width: none; margin: 0; font-size: 10.5pt; }
  @page { margin: 16mm 14mm; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .entry { break-inside: avoid; page-break-inside: avoid; }
  mark.claim, .badge, .marker a, .entry, .bar { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; }
  .backlink { display: none; }
}
`
