/**
 * The one normalisation of text at the boundary: everything a document
 * stores (its canonical text, its content, its title and metadata) passes
 * through here, once, before it is written.
 *
 * Code units that cannot be stored or shown faithfully are replaced, one
 * U+FFFD REPLACEMENT CHARACTER per UTF-16 code unit, so no offset ever moves:
 * - lone surrogates (SQLite's UTF-8 and JSON readers would each turn them
 *   into something different, and the text and the drawn content would
 *   disagree on every offset after them);
 * - NUL and the other C0 controls except tab, line feed and carriage return;
 * - non-characters (U+FDD0–U+FDEF and the last two code points of every
 *   plane: U+FFFE, U+FFFF, U+1FFFE… U+10FFFF — those two units each).
 * Valid surrogate pairs (emoji, CJK extensions) are kept as they are.
 */
import { articleText, capDepth, type Block, type Inline } from './article'

const UNSTORABLE = new RegExp(
  [
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])', // a high surrogate with no low one after it
    '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]', // a low surrogate with no high one before it
    '[\\uD83F\\uD87F\\uD8BF\\uD8FF\\uD93F\\uD97F\\uD9BF\\uD9FF\\uDA3F\\uDA7F\\uDABF\\uDAFF\\uDB3F\\uDB7F\\uDBBF\\uDBFF][\\uDFFE\\uDFFF]',
    '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF]'
  ].join('|'),
  'g'
)

/** The text with every unstorable code unit replaced by U+FFFD: same length, same offsets. */
export function normaliseText(text: string): string {
  return text.replace(UNSTORABLE, (units) => '\uFFFD'.repeat(units.length))
}

export interface NormalisedArticle {
  content: Block[]
  /** The canonical text of `content`, which it always agrees with. */
  text: string
}

/**
 * An article as it is stored: nesting capped (article.ts), every run of text
 * normalised, and the canonical text computed from the result, so the text
 * claims count in and the content the reader draws are one and the same.
 */
export function normaliseArticle(blocks: readonly Block[]): NormalisedArticle {
  const content = capDepth(blocks).map(normaliseBlock)
  return { content, text: articleText(content) }
}

// Recursion here is bounded: capDepth has already limited the depth.
function normaliseBlock(block: Block): Block {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return { ...block, content: block.content.map(normaliseInline) }
    case 'blockquote':
      return { ...block, content: block.content.map(normaliseBlock) }
    case 'list':
      return { ...block, items: block.items.map((item) => item.map(normaliseBlock)) }
  }
}

function normaliseInline(inline: Inline): Inline {
  const text = normaliseText(inline.text)
  return inline.href === undefined ? { text } : { text, href: normaliseText(inline.href) }
}
