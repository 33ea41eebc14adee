/**
 * The ProseMirror schema for articles: headings, paragraphs, lists, block
 * quotes and links, matching src/shared/article.ts. Every textblock holds
 * plain inline text, so positions inside a textblock count UTF-16 units of
 * its text one for one.
 */
import { Schema, type Node } from 'prosemirror-model'

/** A block's language and direction as the page declared them (article.ts); else the browser finds the direction. */
function languageAttrs(node: Node): Record<string, string> {
  const { lang, dir } = node.attrs as { lang: string | null; dir: string | null }
  return { dir: dir ?? 'auto', ...(lang ? { lang } : {}) }
}

export const articleSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: {
      group: 'block',
      content: 'text*',
      marks: 'link',
      attrs: { lang: { default: null }, dir: { default: null } },
      toDOM: (node) => ['p', languageAttrs(node), 0]
    },
    heading: {
      group: 'block',
      content: 'text*',
      marks: 'link',
      attrs: { level: { default: 1 }, lang: { default: null }, dir: { default: null } },
      toDOM: (node) => [`h${node.attrs.level as number}`, languageAttrs(node), 0]
    },
    blockquote: {
      group: 'block',
      content: 'block+',
      toDOM: () => ['blockquote', 0]
    },
    bullet_list: {
      group: 'block',
      content: 'list_item+',
      toDOM: () => ['ul', 0]
    },
    ordered_list: {
      group: 'block',
      content: 'list_item+',
      toDOM: () => ['ol', 0]
    },
    list_item: {
      content: 'block+',
      toDOM: () => ['li', 0]
    },
    text: {}
  },
  marks: {
    link: {
      attrs: { href: {} },
      inclusive: false,
      // Links in an article are shown, not followed: a click marks or selects text.
      toDOM: (mark) => ['a', { href: mark.attrs.href as string, rel: 'noopener noreferrer nofollow', target: '_blank' }, 0]
    }
  }
})
