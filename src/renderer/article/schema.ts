/**
 * The ProseMirror schema for articles: headings, paragraphs, lists, block
 * quotes and links, matching src/shared/article.ts. Every textblock holds
 * plain inline text, so positions inside a textblock count UTF-16 units of
 * its text one for one.
 */
import { Schema } from 'prosemirror-model'

export const articleSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: {
      group: 'block',
      content: 'text*',
      marks: 'link',
      toDOM: () => ['p', { dir: 'auto' }, 0]
    },
    heading: {
      group: 'block',
      content: 'text*',
      marks: 'link',
      attrs: { level: { default: 1 } },
      toDOM: (node) => [`h${node.attrs.level as number}`, { dir: 'auto' }, 0]
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
