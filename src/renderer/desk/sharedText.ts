/**
 * The open document's words are held once. JSON gives every claim its own
 * copy of its quote (and prefix, suffix and document id), and every block its
 * own copy of its text; at 10,000 claims these copies are most of the page's
 * memory. Here they become slices of the document's text (which V8 stores as
 * a reference into it) wherever they are the same characters.
 */
import { BLOCK_SEPARATOR, textBlocks } from '../../shared/article'
import type { ArticleDocument, Claim } from '../../shared/model'

/** The document's blocks with their text as slices of `document.text` (changed in place: the document is fresh from the API). */
export function shareDocumentText(document: ArticleDocument): ArticleDocument {
  let offset = 0
  textBlocks(document.content).forEach((block, i) => {
    if (i > 0) offset += BLOCK_SEPARATOR.length
    for (const inline of block.content) {
      inline.text = same(document.text, offset, inline.text)
      offset += inline.text.length
    }
  })
  return document
}

/** The claim with its quote as slices of the text, and the document's id shared (changed in place: the claim is fresh from the API). */
export function shareClaimText(claim: Claim, document: { id: string; text: string }): Claim {
  if (claim.documentId === document.id) claim.documentId = document.id
  if (claim.updatedAt === claim.createdAt) claim.updatedAt = claim.createdAt
  if (claim.orphaned) return claim
  const { start, end } = claim.position
  const { quote } = claim
  quote.exact = same(document.text, start, quote.exact)
  quote.prefix = same(document.text, start - quote.prefix.length, quote.prefix)
  quote.suffix = same(document.text, end, quote.suffix)
  return claim
}

/** `text.slice(at, at + copy.length)` when it equals the copy, else the copy. */
function same(text: string, at: number, copy: string): string {
  if (at < 0) return copy
  const slice = text.slice(at, at + copy.length)
  return slice === copy ? slice : copy
}
