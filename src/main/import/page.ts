/**
 * A saved or fetched web page: its metadata, then its article, extracted
 * from the page furniture (navigation, ads, comments) by Mozilla's
 * Readability, then sanitised into article blocks (html.ts).
 */
import { Readability } from '@mozilla/readability'
import type { Block, BlockLanguage } from '../../shared/article'
import { ELEMENT_NODE, parseDocument, type DomDocument, type DomNode } from './dom'
import { removeCaptionsAndBylines, withoutFurnitureLines } from './furniture'
import { declaredLanguage, htmlBlocks } from './html'
import { removeNamedAds, withoutPromotions } from './promo'
import { authorName, knownFields, pageMetadata, type FoundMetadata } from './metadata'

export interface ExtractedPage {
  content: Block[]
  metadata: FoundMetadata
}

/**
 * Readability's work grows faster than the page; beyond these sizes (far
 * beyond any news article) the page's <article>, <main> or body is
 * sanitised as it is instead, which stays linear. Depth matters most: on
 * 1,000 nested <div>s Readability takes seconds per hundred levels (400
 * levels: 4.5 s, 800: 12.7 s), while the deepest of the 181 real pages of
 * the extraction benchmark nests 51 elements deep (median 17).
 */
const READABILITY_LIMIT = 4 * 1024 * 1024
const READABILITY_ELEMENTS = 30_000
const READABILITY_DEPTH = 100

/**
 * The article of a whole page. Falls back to the page's body when Readability finds no article.
 *
 * The headline stays out of the article, as Readability leaves it: it is the
 * document's title, which the reader and every report show above the
 * article. (It was once put back as a first heading; the reader then showed
 * it twice, and the extraction benchmark counted it as text that is not the
 * article: F1 0.943 with it, 0.955 without.)
 */
export function extractPage(html: string, pageUrl?: string): ExtractedPage {
  const document = parseDocument(html)
  const metadata = knownFields(pageMetadata(document, pageUrl))
  const baseUrl = metadata.sourceUrl ?? pageUrl
  // Readability's article is cut from the page: the language it inherits from <html> and <body> comes along.
  const root = document.documentElement ? declaredLanguage(document.documentElement, {}) : {}
  const language = document.body ? declaredLanguage(document.body, root) : root
  removeNamedAds(document)
  const byline = removeCaptionsAndBylines(document)
  const article = html.length <= READABILITY_LIMIT && elementDepth(document) <= READABILITY_DEPTH ? readability(document) : null
  let content = article?.content ? articleBlocks(article.content, baseUrl, language) : []
  if (content.length === 0) {
    const page = parseDocument(html)
    removeNamedAds(page)
    removeCaptionsAndBylines(page)
    content = articleBlocks(page.querySelector('article') ?? page.querySelector('main') ?? page.body ?? emptyNode, baseUrl, language)
  }
  const found = knownFields({
    ...metadata,
    title: metadata.title ?? article?.title ?? undefined,
    author: metadata.author ?? authorName(article?.byline ?? byline),
    publisher: metadata.publisher ?? article?.siteName ?? undefined
  })
  return { content: withoutFurnitureLines(content, found.title), metadata: found }
}

/** The blocks of an article's element, without promotions. */
function articleBlocks(root: DomNode, baseUrl: string | undefined, language: BlockLanguage): Block[] {
  return withoutPromotions(htmlBlocks(root, baseUrl, language))
}

interface ReadArticle {
  content: DomNode | null
  title?: string | null
  byline?: string | null
  siteName?: string | null
}

function readability(document: DomDocument): ReadArticle | null {
  try {
    const reader = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
      serializer: (node) => node as unknown as DomNode,
      // Otherwise Readability's defaults: charThreshold 200 (once set here) kept a 773-character
      // "printed from" footer instead of a 9.5k-character article that the default finds.
      maxElemsToParse: READABILITY_ELEMENTS
    })
    return reader.parse() as ReadArticle | null
  } catch {
    // Readability gives up on some pages; the sanitised body is the fallback.
    return null
  }
}

/** How deep the page's elements nest, counted with a stack of its own. */
function elementDepth(document: DomDocument): number {
  let deepest = 0
  const stack: [DomNode, number][] = document.documentElement ? [[document.documentElement, 1]] : []
  while (stack.length) {
    const [node, depth] = stack.pop()!
    deepest = Math.max(deepest, depth)
    const children = node.childNodes
    for (let i = 0; i < children.length; i++) if (children[i]!.nodeType === ELEMENT_NODE) stack.push([children[i]!, depth + 1])
  }
  return deepest
}

/** A fragment (pasted HTML, a Word file's HTML): sanitised as it is, nothing extracted. */
export function fragmentBlocks(html: string): Block[] {
  const document: DomDocument = parseDocument(html)
  return htmlBlocks(document.body ?? emptyNode)
}

const emptyNode: DomNode = { nodeType: 1, nodeName: 'DIV', childNodes: [], textContent: '' }
