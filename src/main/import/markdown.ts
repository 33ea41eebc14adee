/**
 * A small Markdown reader for articles: ATX headings, paragraphs, block
 * quotes, bullet and numbered lists, and [links](http…). Anything else is kept
 * as text. Raw HTML is never interpreted: it stays visible text.
 */
import { foldWhitespace, MAX_BLOCK_DEPTH, type Block, type Inline } from '../../shared/article'
import { safeLinkTarget } from './links'

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/
const BULLET = /^\s*[-*+]\s+(.*)$/
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/
const QUOTE = /^\s*>\s?(.*)$/

export function markdownBlocks(source: string): Block[] {
  return readBlocks(source.replace(/\r\n?/g, '\n').split('\n'))
}

/** Quotes nest one level per `>`, up to the article model's depth; deeper markers are dropped. */
function readBlocks(lines: string[], depth = 1): Block[] {
  const blocks: Block[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    if (line.trim() === '') {
      i++
      continue
    }
    const heading = HEADING.exec(line)
    if (heading) {
      const content = inlines(heading[2]!)
      if (content.length) blocks.push({ type: 'heading', level: heading[1]!.length as 1, content })
      i++
      continue
    }
    if (QUOTE.test(line)) {
      const quoted: string[] = []
      while (i < lines.length && QUOTE.test(lines[i]!)) quoted.push(QUOTE.exec(lines[i++]!)![1]!)
      if (depth >= MAX_BLOCK_DEPTH) {
        for (const block of readBlocks(quoted.map((quotedLine) => quotedLine.replace(/^(\s*>)+\s?/, '')), depth)) blocks.push(block)
        continue
      }
      const content = readBlocks(quoted, depth + 1)
      if (content.length) blocks.push({ type: 'blockquote', content })
      continue
    }
    const listPattern = BULLET.test(line) ? BULLET : NUMBERED.test(line) ? NUMBERED : null
    if (listPattern) {
      const items: Block[][] = []
      while (i < lines.length && listPattern.test(lines[i]!)) {
        let text = listPattern.exec(lines[i++]!)![1]!
        // Continuation lines indented under the item belong to it.
        while (i < lines.length && /^\s{2,}\S/.test(lines[i]!) && !listPattern.test(lines[i]!)) text += ' ' + lines[i++]!
        const content = inlines(text)
        if (content.length) items.push([{ type: 'paragraph', content }])
      }
      if (items.length) blocks.push({ type: 'list', ordered: listPattern === NUMBERED, items })
      continue
    }
    const paragraph: string[] = []
    while (
      i < lines.length &&
      lines[i]!.trim() !== '' &&
      !HEADING.test(lines[i]!) &&
      !QUOTE.test(lines[i]!) &&
      !(paragraph.length > 0 && (BULLET.test(lines[i]!) || NUMBERED.test(lines[i]!)))
    ) {
      paragraph.push(lines[i++]!)
    }
    const content = inlines(paragraph.join(' '))
    if (content.length) blocks.push({ type: 'paragraph', content })
  }
  return blocks
}

// [text](target "title"); the target may hold one level of balanced parentheses.
const LINK = /\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))+)(?:\s+"[^"]*")?\)/g

/** Inline text with links; emphasis markers are dropped, white space folded. */
export function inlines(source: string): Inline[] {
  const text = foldWhitespace(source).trim()
  const out: Inline[] = []
  let last = 0
  for (const match of text.matchAll(LINK)) {
    push(out, text.slice(last, match.index))
    const href = safeLinkTarget(match[2]!)
    push(out, match[1]!, href ?? undefined)
    last = match.index + match[0].length
  }
  push(out, text.slice(last))
  return out
}

function push(out: Inline[], raw: string, href?: string): void {
  const text = raw.replace(/(\*\*|__|(?<!\w)[*_]|[*_](?!\w)|`)/g, '')
  if (!text) return
  out.push(href ? { text, href } : { text })
}
