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

/**
 * The language (a BCP 47 tag) and direction a page declared for a block of
 * text (its own `lang`/`dir` or an ancestor's), kept so the reader and the
 * reports show a Persian paragraph in an English page right to left, in
 * Persian. Absent when the page said nothing: the reader then uses dir="auto".
 */
export interface BlockLanguage {
  lang?: string
  dir?: 'ltr' | 'rtl'
}

export type Block =
  | ({ type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; content: Inline[] } & BlockLanguage)
  | ({ type: 'paragraph'; content: Inline[] } & BlockLanguage)
  | { type: 'blockquote'; content: Block[] }
  | { type: 'list'; ordered: boolean; items: Block[][] }

export type TextBlock = Extract<Block, { content: Inline[] }>

/**
 * How deep blocks may nest (quotes in lists in quotes…). Real articles stay
 * within a handful of levels; deeper content is flattened (capDepth), so the
 * stored JSON, the renderer and the reports never recurse without a bound.
 */
export const MAX_BLOCK_DEPTH = 16

/** The text blocks of an article, in document order. Walks with a stack of its own: any depth is safe. */
export function textBlocks(blocks: readonly Block[]): TextBlock[] {
  const out: TextBlock[] = []
  const stack: Block[] = [...blocks].reverse()
  while (stack.length) {
    const block = stack.pop()!
    if (block.type === 'blockquote') pushReversed(stack, block.content)
    else if (block.type === 'list') for (let i = block.items.length - 1; i >= 0; i--) pushReversed(stack, block.items[i]!)
    else out.push(block)
  }
  return out
}

function pushReversed(stack: Block[], list: readonly Block[]): void {
  for (let i = list.length - 1; i >= 0; i--) stack.push(list[i]!)
}

/** How deeply an article's blocks nest: 1 for a flat article. Iterative: any depth is safe. */
export function blockDepth(blocks: readonly Block[]): number {
  let deepest = 0
  const stack: [readonly Block[], number][] = [[blocks, 1]]
  while (stack.length) {
    const [list, depth] = stack.pop()!
    for (const block of list) {
      deepest = Math.max(deepest, depth)
      if (block.type === 'blockquote') stack.push([block.content, depth + 1])
      else if (block.type === 'list') for (const item of block.items) stack.push([item, depth + 1])
    }
  }
  return deepest
}

/**
 * The article with nothing nested deeper than MAX_BLOCK_DEPTH: a quote or
 * list at the last level keeps its text blocks, in order, as plain blocks of
 * that level. The canonical text is unchanged, so no offset moves.
 */
export function capDepth(blocks: readonly Block[], depth = 1): Block[] {
  if (depth >= MAX_BLOCK_DEPTH) return textBlocks(blocks)
  return blocks.map((block): Block => {
    if (block.type === 'blockquote') return { ...block, content: capDepth(block.content, depth + 1) }
    if (block.type === 'list') return { ...block, items: block.items.map((item) => capDepth(item, depth + 1)) }
    return block
  })
}

export function blockText(block: TextBlock): string {
  return block.content.map((inline) => inline.text).join('')
}

/** The canonical plain text of an article. */
export function articleText(blocks: readonly Block[]): string {
  return textBlocks(blocks).map(blockText).join(BLOCK_SEPARATOR)
}

/**
 * One line of plain text (a title, a name): control and format characters,
 * lone surrogates and non-characters dropped, white space folded.
 */
export function singleLine(text: string): string {
  return foldWhitespace(
    text.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Noncharacter_Code_Point}]/gu, (c) => (/\s/.test(c) ? ' ' : ''))
  ).trim()
}

/** Folds runs of white space (line breaks included) into one space. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ')
}

/** A language tag as a page may declare it ("fa", "en-US", OpenGraph's "en_US"), as BCP 47; null when it is none. */
export function languageTag(value: string | null | undefined): string | null {
  const tag = value?.trim().replace(/_/g, '-')
  return tag && tag.length <= 35 && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : null
}
