/**
 * Turns imported text into an article: its blocks, canonical text and title.
 */
import { articleText, blockText, textBlocks, type Block } from '../../shared/article'
import { FactmarkError } from '../../shared/errors'
import { decodeText } from './decode'
import { markdownBlocks } from './markdown'
import { plainTextBlocks } from './plaintext'

export type TextFormat = 'text' | 'markdown'

export interface ParsedArticle {
  title: string
  content: Block[]
  text: string
  origin: TextFormat
}

const FORMAT_BY_EXTENSION: Record<string, TextFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown'
}

export function formatOfFile(fileName: string): TextFormat {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? ''
  const format = FORMAT_BY_EXTENSION[extension]
  if (!format) {
    throw new FactmarkError(
      'unsupported_file',
      `"${fileName}" is not a file Factmark can import yet; use a .txt or .md file.`
    )
  }
  return format
}

export function parseFile(fileName: string, bytes: Uint8Array): ParsedArticle {
  const format = formatOfFile(fileName)
  const fallbackTitle = fileName.replace(/\.[^.]+$/, '')
  return parseText(decodeText(bytes, fileName), format, undefined, fallbackTitle, `"${fileName}"`)
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
  const text = articleText(content)
  if (text.trim() === '') throw new FactmarkError('invalid_input', `${what} has no readable text.`)
  return { title: title?.trim() || guessTitle(content) || fallbackTitle, content, text, origin: format }
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
