/**
 * An article's structure, and its canonical plain text.
 *
 * The canonical text is what every claim offset counts in. It is the text of
 * the article's text blocks (headings and paragraphs, wherever they sit in
 * lists and quotes), in document order, joined by BLOCK_SEPARATOR. Offsets are
 * UTF-16 code units, as JavaScript strings and ProseMirror count them; the W3C
 * exports convert to code points at the edge.
 */

export const BLOCK_SEPARATOR = '\n\n'

/** A run of text, optionally a link. Text never contains a line break. */
export interface Inline {
  text: string
  href?: string
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'blockquote'; content: Block[] }
  | { type: 'list'; ordered: boolean; items: Block[][] }

export type TextBlock = Extract<Block, { content: Inline[] }>

/** The text blocks of an article, in document order. */
export function textBlocks(blocks: readonly Block[]): TextBlock[] {
  const out: TextBlock[] = []
  const walk = (list: readonly Block[]): void => {
    for (const block of list) {
      if (block.type === 'blockquote') walk(block.content)
      else if (block.type === 'list') for (const item of block.items) walk(item)
      else out.push(block)
    }
  }
  walk(blocks)
  return out
}

export function blockText(block: TextBlock): string {
  return block.content.map((inline) => inline.text).join('')
}

/** The canonical plain text of an article. */
export function articleText(blocks: readonly Block[]): string {
  return textBlocks(blocks).map(blockText).join(BLOCK_SEPARATOR)
}

/** One line of plain text (a title, a name): control characters dropped, white space folded. */
export function singleLine(text: string): string {
  return foldWhitespace(text.replace(/[\p{Cc}\p{Cf}]/gu, (c) => (/\s/.test(c) ? ' ' : ''))).trim()
}

/** Folds runs of white space (line breaks included) into one space. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ')
}
