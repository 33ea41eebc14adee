/**
 * Turns imported text, pages, Word files and PDFs into an article: its
 * blocks, canonical text, title and whatever metadata the source carries.
 * The reader of each file format is in `readers.ts`.
 */
import { limits } from '../../shared/api'
import { blockText, textBlocks, type Block } from '../../shared/article'
import { FactmarkError } from '../../shared/errors'
import type { ImportFormat } from '../../shared/import/formats'
import { normaliseArticle } from '../../shared/normalise'
import { markdownBlocks } from './markdown'
import type { FoundMetadata } from './metadata'
import { extractPage, fragmentBlocks } from './page'
import { plainTextBlocks } from './plaintext'

export type TextFormat = 'text' | 'markdown'
/** How a document came in; stored in documents.origin. */
export type Origin = ImportFormat | 'url'

export interface ParsedArticle {
  title: string
  content: Block[]
  text: string
  origin: Origin
  /** What the source said about itself; fields it did not say are absent. */
  metadata: FoundMetadata
}

export function parseText(
  source: string,
  format: TextFormat,
  title?: string,
  fallbackTitle = 'Untitled article',
  what = 'The text'
): ParsedArticle {
  if (source.trim() === '') throw new FactmarkError('invalid_input', `${what} is empty: there is no article to import.`)
  const content = format === 'markdown' ? markdownBlocks(source) : plainTextBlocks(source)
  return articleOf(content, { origin: format, metadata: {}, title, fallbackTitle, what })
}

/** HTML pasted from the clipboard: the selection as the analyst copied it, sanitised. */
export function parseHtml(html: string, title?: string): ParsedArticle {
  if (html.trim() === '') throw new FactmarkError('invalid_input', 'The pasted HTML is empty: there is no article to import.')
  return articleOf(fragmentBlocks(html), { origin: 'html', metadata: {}, title, what: 'The pasted HTML' })
}

/** A web page (fetched by the main process), its article extracted. */
export function parsePage(html: string, url: string, title?: string): ParsedArticle {
  const { content, metadata } = extractPage(html, url)
  return articleOf(content, { origin: 'url', metadata: { sourceUrl: url, ...metadata }, title, what: url })
}

export interface ArticleOptions {
  origin: Origin
  metadata: FoundMetadata
  title?: string
  fallbackTitle?: string
  what: string
}

export function articleOf(blocks: Block[], options: ArticleOptions): ParsedArticle {
  // The boundary: what is stored is normalised and depth-capped once, here.
  const { content, text } = normaliseArticle(blocks)
  if (text.trim() === '') throw new FactmarkError('invalid_input', `${options.what} has no readable text.`)
  const title =
    options.title?.trim() || options.metadata.title || guessTitle(content) || options.fallbackTitle || 'Untitled article'
  return { title: title.slice(0, limits.titleLength), content, text, origin: options.origin, metadata: options.metadata }
}

/** A leading heading, or a short first line, names the article. */
function guessTitle(content: Block[]): string | null {
  const first = content[0]
  if (first?.type === 'heading') return blockText(first)
  const firstText = textBlocks(content)[0]
  if (firstText && content.length > 1) {
    const line = blockText(firstText)
    if (line.length <= 120 && !/[.!?]$/.test(line)) return line
  }
  return null
}
