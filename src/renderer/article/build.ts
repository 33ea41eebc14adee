/** Builds the ProseMirror document for an article's blocks. */
import type { Node } from 'prosemirror-model'
import type { Block, BlockLanguage, Inline } from '../../shared/article'
import { articleSchema as schema } from './schema'

function inlineNodes(content: Inline[]): Node[] {
  return content
    .filter((inline) => inline.text.length > 0)
    .map((inline) => schema.text(inline.text, inline.href ? [schema.marks.link!.create({ href: inline.href })] : []))
}

function language({ lang, dir }: BlockLanguage): { lang: string | null; dir: string | null } {
  return { lang: lang ?? null, dir: dir ?? null }
}

function blockNode(block: Block): Node {
  switch (block.type) {
    case 'heading':
      return schema.nodes.heading!.create({ level: block.level, ...language(block) }, inlineNodes(block.content))
    case 'paragraph':
      return schema.nodes.paragraph!.create(language(block), inlineNodes(block.content))
    case 'blockquote':
      return schema.nodes.blockquote!.create(null, block.content.map(blockNode))
    case 'list':
      return schema.nodes[block.ordered ? 'ordered_list' : 'bullet_list']!.create(
        null,
        block.items.map((item) => schema.nodes.list_item!.create(null, item.map(blockNode)))
      )
  }
}

export function articleDoc(blocks: readonly Block[]): Node {
  return schema.nodes.doc!.create(null, blocks.map(blockNode))
}
