/**
 * Plain text to article blocks. Paragraphs are separated by blank lines; text
 * with no blank line at all (as pasted from many web pages) has one paragraph
 * per line.
 */
import { foldWhitespace, type Block } from '../../shared/article'

export function splitParagraphs(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n')
  const separator = /\n[ \t]*\n/.test(normalised) ? /\n[ \t]*\n+/ : /\n/
  return normalised
    .split(separator)
    .map((chunk) => foldWhitespace(chunk).trim())
    .filter((chunk) => chunk.length > 0)
}

export function plainTextBlocks(text: string): Block[] {
  return splitParagraphs(text).map((paragraph) => ({ type: 'paragraph', content: [{ text: paragraph }] }))
}
