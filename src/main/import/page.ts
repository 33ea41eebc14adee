/**
 * A saved or fetched web page: its metadata, then its article, extracted
 * from the page furniture (navigation, ads, comments) by Mozilla's
 * Readability, then sanitised into article blocks (html.ts).
 */
import { Readability } from '@mozilla/readability'
import type { Block } from '../../shared/article'
import { parseDocument, type DomDocument, type DomNode } from './dom'
import { htmlBlocks } from './html'
import { authorName, knownFields, pageMetadata, type FoundMetadata } from './metadata'

export interface ExtractedPage {
  content: Block[]
  metadata: FoundMetadata
}

/** The article of a whole page. Falls back to the page's body when Readability finds no article. */
export function extractPage(html: string, pageUrl?: string): ExtractedPage {
  const document = parseDocument(html)
  const metadata = knownFields(pageMetadata(document, pageUrl))
  const baseUrl = metadata.sourceUrl ?? pageUrl
  const article = readability(document)
  let content = article?.content ? htmlBlocks(article.content, baseUrl) : []
  if (content.length === 0) content = htmlBlocks(parseDocument(html).body ?? emptyNode, baseUrl)
  return {
    content,
    metadata: knownFields({
      ...metadata,
      title: metadata.title ?? article?.title ?? undefined,
      author: metadata.author ?? authorName(article?.byline),
      publisher: metadata.publisher ?? article?.siteName ?? undefined
    })
  }
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
      charThreshold: 200
    })
    return reader.parse() as ReadArticle | null
  } catch {
    // Readability gives up on some pages; the sanitised body is the fallback.
    return null
  }
}

/** A fragment (pasted HTML, a Word file's HTML): sanitised as it is, nothing extracted. */
export function fragmentBlocks(html: string): Block[] {
  const document: DomDocument = parseDocument(html)
  return htmlBlocks(document.body ?? emptyNode)
}

const emptyNode: DomNode = { nodeType: 1, nodeName: 'DIV', childNodes: [], textContent: '' }
