/**
 * How deep a page's elements nest, measured on its text before any parser
 * builds a tree of it. linkedom's parser (htmlparser2) keeps its stack of
 * open elements with Array.unshift, so its work grows with the square of the
 * depth: 10,000 nested elements take 0.8 s to parse on a small machine,
 * 100,000 take 50 s, past the reader's time limit. This scan is linear (a
 * stack of its own, pushed and popped at its end) and stops at the first
 * element past the limit, so such a page is refused at once, with a message,
 * instead of being stopped by the reader's timer.
 *
 * It follows HTML's parsing closely enough to count what the parser will
 * build: void elements never open, the text of raw-text elements (script,
 * style…) is skipped, a paragraph or list item is closed by the next one
 * (as htmlparser2 closes them), and an end tag closes the nearest open
 * element of its name among the innermost few (a stray end tag is ignored).
 */

/** Far beyond any real page (the deepest of 181 real news pages nests 51 elements) and still quick to parse. */
export const MAX_PAGE_DEPTH = 20_000

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'])
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'plaintext'])

/** Open elements an opening tag closes first (the common cases of htmlparser2's openImpliesClose). */
const CLOSES: Record<string, Set<string>> = {}
const PARAGRAPH = new Set(['p'])
for (const name of ['p', 'div', 'ul', 'ol', 'dl', 'table', 'blockquote', 'pre', 'section', 'article', 'aside', 'header', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'main', 'nav', 'figure', 'figcaption', 'address', 'fieldset', 'details']) {
  CLOSES[name] = PARAGRAPH
}
CLOSES.li = new Set(['li'])
CLOSES.dt = CLOSES.dd = new Set(['dt', 'dd'])
CLOSES.option = new Set(['option'])
CLOSES.tr = new Set(['tr', 'td', 'th'])
CLOSES.td = CLOSES.th = new Set(['td', 'th'])

/** How far down the stack an end tag looks for its element. */
const END_TAG_REACH = 128

const TAG = /<(\/?)([a-zA-Z][^\s/>]*)|<!--/g
const rawTextEnd: Record<string, RegExp> = {}

/** The depth of the deepest element, or the first depth past `limit` (the scan stops there). */
export function nestingDepth(html: string, limit = MAX_PAGE_DEPTH): number {
  const open: string[] = []
  let deepest = 0
  TAG.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = TAG.exec(html))) {
    if (match[0] === '<!--') {
      const end = html.indexOf('-->', TAG.lastIndex)
      if (end < 0) break
      TAG.lastIndex = end + 3
      continue
    }
    const name = match[2]!.toLowerCase()
    const end = tagEnd(html, TAG.lastIndex)
    if (end < 0) break
    TAG.lastIndex = end + 1
    if (match[1]) {
      const top = open.length - 1
      for (let i = top; i >= 0 && i > top - END_TAG_REACH; i--) {
        if (open[i] === name) {
          open.length = i
          break
        }
      }
      continue
    }
    const closes = CLOSES[name]
    while (closes && open.length && closes.has(open[open.length - 1]!)) open.pop()
    if (VOID.has(name)) continue
    if (RAW_TEXT.has(name)) {
      const close = (rawTextEnd[name] ??= new RegExp(`</${name}`, 'gi'))
      close.lastIndex = TAG.lastIndex
      if (!close.exec(html)) break
      TAG.lastIndex = close.lastIndex - name.length - 2
      continue
    }
    open.push(name)
    if (open.length > deepest) {
      deepest = open.length
      if (deepest > limit) return deepest
    }
  }
  return deepest
}

/** The `>` that ends a tag whose name ends at `from`, past quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let afterEquals = false
  for (let i = from; i < html.length; i++) {
    const c = html[i]!
    if (c === '>') return i
    if ((c === '"' || c === "'") && afterEquals) {
      const close = html.indexOf(c, i + 1)
      if (close < 0) return -1
      i = close
      afterEquals = false
    } else if (c === '=') afterEquals = true
    else if (c !== ' ' && c !== '\n' && c !== '\t' && c !== '\r') afterEquals = false
  }
  return -1
}
