/**
 * Page furniture that Readability leaves inside an article, removed by
 * rules each measured on the extraction benchmark (bench/extraction.bench.ts,
 * 181 real pages; F1 gained over the pages, checked on both halves of them
 * so that no rule is fitted to a few pages) and each tested in
 * faithful.test.ts:
 *
 * 1. Captions: `<figcaption>` and short elements named `caption` or
 *    `credit`. Factmark keeps no images, so a caption describes a picture
 *    the reader never shows ("Photo: AP", "Image 1 of 9"). Gain: +0.008 F1;
 *    44 pages better, 2 worse by under 0.002.
 * 2. Bylines: short elements named `byline`. The author is kept as the
 *    document's metadata instead (Readability's byline). Gain: +0.0015 F1;
 *    21 pages better, none worse.
 * 3. Credit lines: a paragraph of at most 120 characters that credits a
 *    picture ("Photo: …", "Image credit: …", "(Image: © …)", "Image 3 of
 *    9"), where no caption element marked it. Gain: +0.001 F1; 18 better, 1 worse.
 * 4. Date lines: a paragraph of at most 90 characters that is a date or a
 *    time and little else ("Updated 1:39 am EST, Wednesday, November 20,
 *    2019", "PUBLISHED: 10:48, Tue, Nov 19, 2019"): at most two words that
 *    are not date words. The date is kept as the document's metadata. A
 *    line with an @ is an embedded post's signature and stays. Gain:
 *    +0.002 F1; 27 pages better, 1 worse by 0.003.
 * 5. Address lines: a paragraph that is only a web address, as pages print
 *    their own address for sharing or printing (a linked one is already a
 *    link-only paragraph, promo.ts). Gain: +0.001 F1; 9 better, none worse.
 * 6. The headline again: a top-level paragraph or heading whose text is the
 *    document's title, which the reader and the reports show above the
 *    article (Readability drops such headings only when they are h1/h2).
 *    Gain: +0.0007 F1; 10 better, none worse.
 *
 * Elements are named by a word of their class or id, words split on `-`
 * and `_` ("article-caption" is one, "captioned-video" is not), and only
 * when short: under 600 characters and under half the page's text, so a
 * container that merely has such a name is never taken with its article.
 */
import { blockText, type Block } from '../../shared/article'
import type { DomDocument, DomElement } from './dom'

const NAMED_TEXT_LIMIT = 600

/** Removes the short elements whose class or id has one of `words` (the page's own containers excepted); answers them. */
export function removeNamed(document: DomDocument, words: ReadonlySet<string>): DomElement[] {
  const named = document.querySelectorAll('[class], [id]')
  const pageText = (document.body?.textContent ?? '').length
  const doomed: DomElement[] = []
  for (let i = 0; i < named.length; i++) {
    const element = named[i]!
    if (/^(HTML|BODY|MAIN|ARTICLE)$/i.test(element.nodeName)) continue
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.toLowerCase().split(/[\s_-]+/)
    if (!names.some((word) => words.has(word))) continue
    const length = (element.textContent ?? '').length
    if (length < NAMED_TEXT_LIMIT && length < pageText / 2) doomed.push(element)
  }
  for (const element of doomed) element.remove()
  return doomed
}

const CAPTION_WORDS = new Set(['caption', 'credit'])
const BYLINE_WORDS = new Set(['byline'])

/** Rules 1 and 2, on the page before extraction. Answers the first byline's text, for the document's author. */
export function removeCaptionsAndBylines(document: DomDocument): string | undefined {
  const captions = document.querySelectorAll('figcaption')
  for (let i = captions.length - 1; i >= 0; i--) captions[i]!.remove()
  removeNamed(document, CAPTION_WORDS)
  return removeNamed(document, BYLINE_WORDS)[0]?.textContent?.trim() || undefined
}

const CREDIT_LENGTH = 120
const CREDIT = /^\(?\s*((photo|image|picture|video)s?( credit)?|credits?)\s*(:|by\b|©)|^image \d+ of\b|^©/i

const DATE_LINE_LENGTH = 90
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\\.?'
const TIME = /\b\d{1,2}:\d\d\b|\b\d{1,2}\.\d\d\s*[ap]\.?m\b/i
const DAY_AND_MONTH = new RegExp(`\\b${MONTH}\\s+\\d{1,2}\\b|\\b\\d{1,2}(st|nd|rd|th)?\\s+${MONTH}\\b`, 'i')
const NUMERIC_DATE = /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/
const DATE_WORDS = new RegExp(
  `\\b(${MONTH}|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|` +
    'am|pm|a\\.m|p\\.m|est|edt|cst|cdt|pst|pdt|et|gmt|utc|bst|cet|updated|published|posted|modified|first|last|original|on|at|by|th|st|nd|rd)\\b',
  'gi'
)
const OTHER_WORDS_IN_DATE_LINE = 2

function isDateLine(text: string): boolean {
  if (text.length > DATE_LINE_LENGTH || text.includes('@')) return false
  if (!TIME.test(text) && !DAY_AND_MONTH.test(text) && !NUMERIC_DATE.test(text)) return false
  const others = text.replace(DATE_WORDS, ' ').replace(/[^\p{L}]+/gu, ' ').trim()
  return (others ? others.split(' ').length : 0) <= OTHER_WORDS_IN_DATE_LINE
}

const ADDRESS = /^https?:\/\/\S+$/i

/** Rules 3 to 6, on the article's top-level blocks. */
export function withoutFurnitureLines(blocks: readonly Block[], title: string | undefined): Block[] {
  const headline = title && folded(title)
  const kept = blocks.filter((block) => {
    if (block.type !== 'paragraph' && block.type !== 'heading') return true
    const text = blockText(block).trim()
    if (headline && folded(text) === headline) return false
    if (block.type === 'heading') return true
    return !((text.length <= CREDIT_LENGTH && CREDIT.test(text)) || isDateLine(text) || ADDRESS.test(text))
  })
  // A page that is nothing but such lines keeps them: they are all it says.
  return kept.length ? kept : [...blocks]
}

const folded = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase()
