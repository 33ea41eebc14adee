/**
 * The sanitiser: untrusted HTML (a saved page's article, pasted HTML, a Word
 * file's HTML) becomes article blocks, and nothing else survives.
 *
 * It is an allow-list by construction: the output is the Block model of
 * src/shared/article.ts, which can only hold headings, paragraphs, lists,
 * block quotes, plain text and http(s)/mailto link targets. No element,
 * attribute, style or URL of the input is ever copied, so scripts, event
 * handlers, iframes, objects, SVG, CSS and javascript:/data: URLs cannot
 * reach the renderer. Elements whose text is not article text (script,
 * style, SVG, form controls…) are dropped with their content.
 */
import { foldWhitespace, languageTag, MAX_BLOCK_DEPTH, type Block, type BlockLanguage, type Inline } from '../../shared/article'
import { ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode } from './dom'
import { safeLinkTarget } from './links'

/** Dropped with everything inside them. */
const DROPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'APPLET', 'PARAM',
  'SVG', 'MATH', 'CANVAS', 'VIDEO', 'AUDIO', 'SOURCE', 'TRACK', 'PICTURE', 'IMG', 'MAP', 'AREA', 'BUTTON', 'INPUT',
  'SELECT', 'OPTION', 'TEXTAREA', 'HEAD', 'TITLE', 'META', 'LINK', 'BASE', 'NAV', 'DIALOG', 'PORTAL', 'XMP',
  'PLAINTEXT', 'NOEMBED', 'NOFRAMES'
])

/** Elements that start and end a block of their own. */
const BLOCKS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'FIGURE', 'FIGCAPTION', 'ADDRESS', 'PRE',
  'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TD', 'TH', 'CAPTION', 'DL', 'DT', 'DD', 'HR', 'CENTER', 'DETAILS',
  'SUMMARY', 'FORM', 'FIELDSET', 'LEGEND', 'BODY', 'HTML', 'HGROUP'
])

const HEADINGS: Record<string, 1 | 2 | 3 | 4 | 5 | 6> = { H1: 1, H2: 2, H3: 3, H4: 4, H5: 5, H6: 6 }

/**
 * How many elements deep the reader follows a page's structure. Deeper than
 * this (no real page is; hostile ones are), a subtree's text is read flat,
 * without recursion, so no nesting can overflow the stack.
 */
const MAX_ELEMENT_DEPTH = 256

/** The characters an article's text may not hold: controls other than white space, and NUL. */
const CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g

/**
 * The article blocks of a DOM subtree. Relative links resolve against
 * `baseUrl`; those that do not resolve to http(s) or mailto become plain text.
 * `language` is what the subtree inherits from the page; a block records
 * its language only where it differs from the page's own (the document's
 * language), and its direction wherever one is declared.
 */
export function htmlBlocks(root: DomNode, baseUrl?: string, language: BlockLanguage = {}): Block[] {
  const reader = new BlockReader({ baseUrl, pageLang: language.lang }, undefined, language)
  reader.children(root)
  return reader.finish()
}

class BlockReader {
  private blocks: Block[] = []
  private runs: Inline[] = []
  private heading: 1 | 2 | 3 | 4 | 5 | 6 | null = null
  /** The language of the first text of the block being read. */
  private blockLanguage: BlockLanguage | null = null

  finish(): Block[] {
    this.flush()
    return this.blocks
  }

  constructor(
    private readonly page: { baseUrl: string | undefined; pageLang: string | undefined },
    /** How deep in elements and in quotes and lists this reader starts. */
    private readonly depth = { elements: 0, blocks: 1 },
    /** The language and direction in effect where the reader is. */
    private language: BlockLanguage = {}
  ) {}

  children(node: DomNode, href?: string, elements = this.depth.elements): void {
    const list = node.childNodes
    for (let i = 0; i < list.length; i++) this.node(list[i]!, href, elements + 1)
  }

  private node(node: DomNode, href?: string, elements = this.depth.elements): void {
    if (node.nodeType !== ELEMENT_NODE) return this.read(node, href, elements)
    const outer = this.language
    this.language = declaredLanguage(node as DomElement, outer)
    try {
      this.read(node, href, elements)
    } finally {
      this.language = outer
    }
  }

  private text(run: Inline): void {
    if (!this.runs.length) this.blockLanguage = this.language
    this.runs.push(run)
  }

  private read(node: DomNode, href: string | undefined, elements: number): void {
    if (node.nodeType === TEXT_NODE) {
      const text = (node.textContent ?? '').replace(CONTROLS, '')
      if (text) this.text(href ? { text, href } : { text })
      return
    }
    if (node.nodeType !== ELEMENT_NODE) return
    const element = node as DomElement
    const name = element.nodeName.toUpperCase()
    if (DROPPED.has(name) || element.getAttribute('hidden') !== null || element.getAttribute('aria-hidden') === 'true') return
    if (name === 'BR') {
      this.runs.push({ text: ' ' })
      return
    }
    if (elements >= MAX_ELEMENT_DEPTH) return this.flat(element, href)
    if (name === 'A') {
      const target = element.getAttribute('href')
      this.children(element, (target !== null && safeLinkTarget(target, this.page.baseUrl)) || href, elements)
      return
    }
    const level = HEADINGS[name]
    if (level) {
      this.flush()
      this.heading = level
      this.children(element, undefined, elements)
      this.flush()
      return
    }
    // Quotes and lists deeper than the article model holds are read as plain blocks.
    const nests = this.depth.blocks < MAX_BLOCK_DEPTH
    if (nests && (name === 'UL' || name === 'OL')) return this.list(element, name === 'OL', elements)
    if (nests && name === 'BLOCKQUOTE') {
      const content = this.nested(element, elements)
      if (content.length) this.blocks.push({ type: 'blockquote', content })
      return
    }
    if (name === 'PRE') return this.preformatted(element)
    if (BLOCKS.has(name) || name === 'UL' || name === 'OL' || name === 'LI' || name === 'BLOCKQUOTE') {
      this.flush()
      this.children(element, href, elements)
      this.flush()
      return
    }
    // Anything else (span, em, strong, time, abbr, unknown or custom elements): its text, inline.
    this.children(element, href, elements)
  }

  /** Reads a subtree into blocks of its own (a quote's content, a list item), one level deeper. */
  private nested(element: DomNode, elements: number): Block[] {
    this.flush()
    const inner = new BlockReader(this.page, { elements, blocks: this.depth.blocks + 1 }, this.language)
    inner.children(element)
    return inner.finish()
  }

  /**
   * A subtree too deep to follow: its text, read with a stack instead of
   * recursion; block elements still break paragraphs, links are kept as text.
   */
  private flat(root: DomElement, href?: string): void {
    const stack: (DomNode | null)[] = [root]
    while (stack.length) {
      const node = stack.pop()
      // null marks the end of a block element.
      if (node === null || node === undefined) {
        this.flush()
        continue
      }
      if (node.nodeType === TEXT_NODE) {
        const text = (node.textContent ?? '').replace(CONTROLS, '')
        if (text) this.text(href ? { text, href } : { text })
        continue
      }
      if (node.nodeType !== ELEMENT_NODE) continue
      const element = node as DomElement
      const name = element.nodeName.toUpperCase()
      if (DROPPED.has(name) || element.getAttribute('hidden') !== null || element.getAttribute('aria-hidden') === 'true') continue
      const block = BLOCKS.has(name) || name in HEADINGS || /^(UL|OL|LI|BLOCKQUOTE)$/.test(name)
      if (block) {
        this.flush()
        stack.push(null)
      }
      const list = element.childNodes
      for (let i = list.length - 1; i >= 0; i--) stack.push(list[i]!)
    }
  }

  private list(element: DomElement, ordered: boolean, elements: number): void {
    this.flush()
    const items: Block[][] = []
    const loose = new BlockReader(this.page, { elements, blocks: this.depth.blocks + 1 }, this.language)
    const list = element.childNodes
    for (let i = 0; i < list.length; i++) {
      const child = list[i]!
      if (child.nodeType === ELEMENT_NODE && child.nodeName.toUpperCase() === 'LI') {
        const looseBlocks = loose.finish()
        if (looseBlocks.length) items.push(looseBlocks)
        loose.blocks = []
        const item = this.nested(child, elements + 1)
        if (item.length) items.push(item)
      } else loose.node(child, undefined, elements + 1)
    }
    const rest = loose.finish()
    if (rest.length) items.push(rest)
    if (items.length) this.blocks.push({ type: 'list', ordered, items })
  }

  /** Preformatted text keeps its paragraphs (blank-line separated); lines within them fold. */
  private preformatted(element: DomElement): void {
    this.flush()
    for (const chunk of (element.textContent ?? '').replace(CONTROLS, '').split(/\r?\n[ \t]*\r?\n/)) {
      this.text({ text: chunk })
      this.flush()
    }
  }

  /** Ends the current paragraph or heading: folds its white space and keeps it if it has text. */
  private flush(): void {
    const content = normaliseRuns(this.runs)
    this.runs = []
    const level = this.heading
    this.heading = null
    if (!content.length) {
      this.blockLanguage = null
      return
    }
    const { lang, dir } = this.blockLanguage ?? this.language
    this.blockLanguage = null
    const language: BlockLanguage = {}
    if (lang && lang !== this.page.pageLang) language.lang = lang
    if (dir) language.dir = dir
    this.blocks.push({ ...(level ? { type: 'heading', level, content } : { type: 'paragraph', content }), ...language })
  }
}

/** Folds white space across runs, trims the ends, and joins neighbours with the same link. */
export function normaliseRuns(runs: readonly Inline[]): Inline[] {
  const out: Inline[] = []
  let endsInSpace = true
  for (const run of runs) {
    let text = foldWhitespace(run.text)
    if (endsInSpace) text = text.replace(/^ /, '')
    if (!text) continue
    endsInSpace = text.endsWith(' ')
    const last = out[out.length - 1]
    if (last && last.href === run.href) last.text += text
    else out.push(run.href ? { text, href: run.href } : { text })
  }
  const last = out[out.length - 1]
  if (last) {
    last.text = last.text.replace(/ $/, '')
    if (!last.text) out.pop()
  }
  return out
}

/** The language and direction an element declares, over those it inherits. */
export function declaredLanguage(element: DomElement, inherited: BlockLanguage): BlockLanguage {
  const lang = element.getAttribute('lang')
  const dir = element.getAttribute('dir')?.trim().toLowerCase()
  if (lang === null && dir !== 'ltr' && dir !== 'rtl') return inherited
  const out: BlockLanguage = { ...inherited }
  // lang="" says "unknown": the inherited language no longer applies.
  if (lang !== null) {
    const tag = languageTag(lang)
    if (tag) out.lang = tag
    else delete out.lang
  }
  if (dir === 'ltr' || dir === 'rtl') out.dir = dir
  return out
}
