/**
 * The annotated report as one self-contained HTML file: styles inline, no
 * scripts, a Content-Security-Policy that forbids every request, and every
 * piece of text from the article, notes, sources, profile and scale escaped.
 * Only http(s) addresses become links. It is also the page the PDF is
 * printed from.
 *
 * A public report carries the editor's conclusion, each claim's verdict,
 * rationale and sources, the notes made public and the "How we rate"
 * definitions; the internal working report adds every note and says
 * INTERNAL on every page.
 */
import type { BlockLanguage } from '../article'
import { stanceLabels, type Note, type Organisation, type Source } from '../model'
import { noteParts } from '../links'
import { finalVerdicts } from '../scale'
import { statusStyles, statuses, type Status } from '../status'
import { formatDate, isWebUrl, reportClaims, reportFacts, scaleOf, verdictCounts, visibleNotes, type ReportClaim, type ReportData } from './data'
import { escapeHtml as esc } from './escape'
import { ownLanguage, scriptOf } from './script'
import { segmentArticle, type Piece, type SegmentedBlock } from './segments'

/** Forbids every fetch: no scripts, no images but data:, no fonts, no frames, no forms. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/

/** What every part of the page needs to know. */
interface Page {
  data: ReportData
  language: string
  label: (status: Status) => string
}

export function renderHtml(data: ReportData): string {
  const claims = reportClaims(data)
  const { document } = data
  const language = document.language && LANGUAGE_TAG.test(document.language) ? document.language : 'en'
  const scale = scaleOf(data)
  const page: Page = { data, language, label: (status) => scale[status].label }
  return [
    '<!DOCTYPE html>',
    `<html lang="${esc(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(REPORT_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Factmark">',
    `<title>${data.internal ? 'INTERNAL — ' : ''}Fact-check: ${esc(document.title)}</title>`,
    `<style>\n${STYLES}</style>`,
    '</head>',
    '<body>',
    // The watermark, fixed, is printed on every page; the banner opens the header.
    data.internal ? '<div class="watermark" aria-hidden="true">INTERNAL</div>' : '',
    header(page),
    '<main>',
    conclusion(page),
    summary(page, claims),
    '<section class="article" aria-labelledby="article-title">',
    '<h2 id="article-title">The article</h2>',
    '<div class="article-body">',
    blocks(page, segmentArticle(document.content, claims)),
    '</div>',
    '</section>',
    entries(page, claims),
    howWeRate(page),
    '</main>',
    `<footer class="report-footer">${footer(data)}</footer>`,
    '</body>',
    '</html>',
    ''
  ]
    .filter(Boolean)
    .join('\n')
}

function link(url: string, text: string): string {
  return isWebUrl(url) ? `<a href="${esc(url.trim())}" rel="noopener noreferrer">${esc(text)}</a>` : esc(text)
}

/** The organisation's logo: a PNG or JPEG the profile checked, as a data: URL (the CSP allows nothing else). */
function logo(organisation: Organisation | null | undefined): string {
  const picture = organisation?.logo
  if (!picture || !/^image\/(png|jpeg)$/.test(picture.mediaType) || !/^[A-Za-z0-9+/]+=*$/.test(picture.data)) return ''
  return `<img class="logo" src="data:${picture.mediaType};base64,${picture.data}" alt="${esc(organisation.name)}">`
}

function header({ data }: Page): string {
  const facts = reportFacts(data).map(({ term, text, href }) => `<div><dt>${esc(term)}</dt><dd>${href ? link(href, text) : esc(text)}</dd></div>`)
  if (data.includeStatuses) {
    const shown = statuses.filter((s) => data.includeStatuses!.includes(s)).map((s) => scaleOf(data)[s].label)
    facts.push(`<div><dt>Verdicts shown</dt><dd>${esc(shown.length ? shown.join(', ') : 'none')}</dd></div>`)
  }
  return [
    '<header class="report-header">',
    data.internal ? '<p class="internal" role="note">INTERNAL — working report with the desk’s notes; not for publication</p>' : '',
    logo(data.organisation),
    `<p class="kicker">${data.internal ? 'Internal working report' : 'Fact-check'}</p>`,
    `<h1 dir="auto">${esc(data.document.title)}</h1>`,
    '<dl class="meta">',
    ...facts,
    '</dl>',
    '</header>'
  ]
    .filter(Boolean)
    .join('\n')
}

function conclusion({ data, language }: Page): string {
  const text = data.document.conclusion.trim()
  if (!text) return ''
  return ['<section class="conclusion" aria-labelledby="conclusion-title">', '<h2 id="conclusion-title">Our conclusion</h2>', prose(text, language), '</section>'].join('\n')
}

function summary({ label }: Page, claims: ReportClaim[]): string {
  const counts = verdictCounts(claims).filter((c) => c.count > 0)
  const total = claims.length
  let x = 0
  const rects = counts.map(({ status, count }) => {
    const width = (count / total) * 100
    const rect = `<rect x="${x.toFixed(2)}" y="0" width="${width.toFixed(2)}" height="8" fill="${statusStyles[status].colour}"/>`
    x += width
    return rect
  })
  const described = counts.map(({ status, count }) => `${label(status)} ${count}`).join(', ')
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
    ...verdictCounts(claims).map(({ status, count }) => `<tr><td>${badge(status, label)}</td><td class="number">${count}</td></tr>`),
    '</tbody>',
    '</table>',
    '</section>'
  ].join('\n')
}

function badge(status: Status, label: Page['label']): string {
  return `<span class="badge v-${status}"><span aria-hidden="true">${esc(statusStyles[status].icon)}</span> ${esc(label(status))}</span>`
}

/** lang and dir for text in another script than the document's; dir="auto" otherwise. */
/** What the page declared for the block (article.ts) wins; a guess from its letters otherwise. */
function languageAttributes(declared: BlockLanguage, text: string, language: string): string {
  const lang = declared.lang ?? ownLanguage(text, language)
  const dir = declared.dir ?? (lang ? scriptOf(text).dir : null)
  return `${lang ? ` lang="${esc(lang)}"` : ''} dir="${dir ?? 'auto'}"`
}

function blocks(page: Page, list: SegmentedBlock[]): string {
  return list
    .map((block) => {
      switch (block.type) {
        case 'heading': {
          // The report's own headings are h1 and h2: the article's sit below them.
          const level = Math.min(block.level + 2, 6)
          return `<h${level}${languageAttributes(block, textOf(block.pieces), page.language)}>${pieces(page, block.pieces)}</h${level}>`
        }
        case 'paragraph':
          return `<p${languageAttributes(block, textOf(block.pieces), page.language)}>${pieces(page, block.pieces)}</p>`
        case 'blockquote':
          return `<blockquote>\n${blocks(page, block.content)}\n</blockquote>`
        case 'list': {
          const tag = block.ordered ? 'ol' : 'ul'
          return `<${tag}>\n${block.items.map((item) => `<li>${blocks(page, item)}</li>`).join('\n')}\n</${tag}>`
        }
      }
    })
    .join('\n')
}

const textOf = (list: Piece[]): string => list.map((piece) => piece.text).join('')

function pieces(page: Page, list: Piece[]): string {
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
      return html + piece.ending.map((claim) => marker(page, claim)).join('')
    })
    .join('')
}

function marker({ label }: Page, { number, claim }: ReportClaim): string {
  const name = `Claim ${number}: ${label(claim.status)}`
  return `<sup class="marker v-${claim.status}"><a id="marker-${number}" href="#claim-${number}" aria-label="${esc(name)}">${number}</a></sup>`
}

function entries(page: Page, claims: ReportClaim[]): string {
  return [
    '<section class="claims" aria-labelledby="claims-title">',
    '<h2 id="claims-title">The claims</h2>',
    claims.length ? '<ol class="entries">' : '<p>No claims in this report.</p>',
    ...claims.map((claim) => entry(page, claim)),
    claims.length ? '</ol>' : '',
    '</section>'
  ].join('\n')
}

function entry(page: Page, { number, claim, notes, sources }: ReportClaim): string {
  const { data, language, label } = page
  const facts: string[] = []
  if (claim.claimant) facts.push(`<div><dt>Claimant</dt><dd dir="auto">${esc(claim.claimant)}</dd></div>`)
  if (claim.tags.length) facts.push(`<div><dt>Tags</dt><dd>${claim.tags.map(esc).join(', ')}</dd></div>`)
  const heading = claim.orphaned
    ? `Claim ${number}`
    : `<a href="#marker-${number}" title="Back to the claim in the article">Claim ${number}</a>`
  const shown = visibleNotes(data, notes)
  const upright = scriptOf(claim.quote.exact).upright ? ' upright' : ''
  return [
    `<li class="entry v-${claim.status}" id="claim-${number}">`,
    `<h3>${heading} ${badge(claim.status, label)}</h3>`,
    `<blockquote class="quote${upright}"${languageAttributes({}, claim.quote.exact, language)}>${esc(claim.quote.exact)}</blockquote>`,
    claim.orphaned ? '<p class="orphan">These words are no longer in the article’s current text.</p>' : '',
    facts.length ? `<dl class="facts">${facts.join('')}</dl>` : '',
    claim.rationale.trim() ? `<h4>Why ${esc(label(claim.status))}</h4>\n<div class="rationale">${prose(claim.rationale, language)}</div>` : '',
    shown.length
      ? `<h4>${data.internal ? 'Notes' : 'Notes from the desk'}</h4>\n<ul class="notes">\n${shown.map((n) => note(page, n)).join('\n')}\n</ul>`
      : '',
    sources.length ? `<h4>Sources</h4>\n<ul class="sources">\n${sources.map(source).join('\n')}\n</ul>` : '',
    claim.orphaned ? '' : `<p class="backlink"><a href="#marker-${number}">Back to the article</a></p>`,
    '</li>'
  ]
    .filter(Boolean)
    .join('\n')
}

/** Plain text as paragraphs: blank lines part them, line breaks stay, http(s) addresses become links. Never markup. */
function prose(text: string, language: string): string {
  return text
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => `<p${languageAttributes({}, paragraph, language)}>${paragraph.split(/\r?\n/).map(linkify).join('<br>')}</p>`)
    .join('')
}

function note({ data, language }: Page, n: Note): string {
  const visibility = data.internal ? (n.public ? ' · public' : ' · internal') : ''
  return `<li class="note"><p class="note-meta"><bdi>${esc(n.author)}</bdi>, ${esc(formatDate(n.createdAt))}${visibility}</p>${prose(n.body, language)}</li>`
}

/** Escapes a line of text, turning the http(s) addresses in it into links. */
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
    s.excerpt ? `<blockquote class="excerpt" dir="auto">${esc(s.excerpt)}</blockquote>` : '',
    s.accessedAt ? `<span class="accessed">Accessed ${esc(formatDate(s.accessedAt))}</span>` : ''
  ]
  return `<li class="source">${parts.filter(Boolean).join(' ')}</li>`
}

/** The scale's definitions: what each verdict a reader may meet means. */
function howWeRate({ data, language, label }: Page): string {
  const scale = scaleOf(data)
  const shown = data.internal ? statuses : finalVerdicts
  return [
    '<section class="scale" aria-labelledby="scale-title">',
    '<h2 id="scale-title">How we rate</h2>',
    '<dl class="definitions">',
    ...shown.map((status) => `<div><dt>${badge(status, label)}</dt><dd>${prose(scale[status].definition, language) || esc('—')}</dd></div>`),
    '</dl>',
    '</section>'
  ].join('\n')
}

function footer({ analyst, organisation, generatedAt }: ReportData): string {
  const by = organisation?.name ? `${esc(organisation.name)}; fact-checked by ${esc(analyst)}` : `fact-checked by ${esc(analyst)}`
  return `Made with Factmark: ${by}, ${esc(formatDate(generatedAt))}.`
}

const verdictColours = statuses.map((s) => `.v-${s} { --verdict: ${statusStyles[s].colour}; }`).join('\n')

const STYLES = `${verdictColours}
:root { color-scheme: light; }
body { font: 16px/1.55 Georgia, "Noto Serif", serif; color: #1d1d1b; background: #fff; max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem; }
h1, h2, h3, h4, .kicker, .meta, .internal, .counts, .badge, .marker, .report-footer, .note-meta, .stance { font-family: system-ui, "Segoe UI", "Noto Sans", sans-serif; }
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
/* Arabic-script and CJK text has no italic: slanting it only hurts. */
.quote.upright { font-style: normal; }
.logo { display: block; max-height: 3.5rem; max-width: 14rem; margin-bottom: .6rem; }
.internal { background: #a3221a; color: #fff; font: 700 .9rem system-ui, "Noto Sans", sans-serif; padding: .4rem .8rem; border-radius: .25rem; letter-spacing: .04em; }
.watermark { display: none; }
.conclusion { background: #f4f4ef; border-left: .3rem solid #1a4f9c; padding: .2rem 1rem; }
.conclusion h2 { border: 0; margin-top: .6rem; }
.rationale p { margin: .15rem 0; }
.definitions div { margin: 0 0 .6rem; }
.definitions dt { margin: 0 0 .15rem; }
.definitions dd { margin: 0; }
.definitions dd p { margin: 0; }
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
  /* An entry may break across pages, but its heading never stands alone at a page's foot. */
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  h3, .quote, .source, .note p, .definitions div { break-inside: avoid; }
  .watermark { display: block; position: fixed; top: 40%; left: 0; right: 0; text-align: center; font: 700 72pt system-ui, sans-serif; color: rgba(163, 34, 26, .12); transform: rotate(-30deg); z-index: -1; }
  mark.claim, .badge, .marker a, .entry, .bar, .internal, .watermark, .conclusion { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; }
  .backlink { display: none; }
}
`
