/**
 * New versions of a document, and keeping its claims on their words.
 *
 * Importing a newer version (a corrected article) replaces the text and
 * bumps the document's version; every claim is placed again from its
 * selectors (src/shared/anchor.ts). A claim that is found gets its new
 * position and quote; one that is not becomes an orphan, keeping its old
 * quote so the analyst can re-attach it. Each change is written to the
 * claim's history.
 */
import { placeQuotes, type Anchoring } from '../../shared/anchor'
import { FactmarkError } from '../../shared/errors'
import type { Claim, NewVersionResult } from '../../shared/model'
import { quoteSelector, type TextPositionSelector } from '../../shared/selector'
import type { ParsedArticle } from '../import/article'
import { claimSpan, getClaim, listClaims } from './claims'
import type { ServiceContext } from './context'
import { getDocument, requireDocument } from './documents'
import { recordHistory } from './history'

export function importNewVersion(context: ServiceContext, documentId: string, article: ParsedArticle): NewVersionResult {
  const { db } = context
  const current = db.prepare('SELECT text, content, version FROM documents WHERE id = ?').get(documentId) as
    | { text: string; content: string; version: number }
    | undefined
  if (!current) throw new FactmarkError('not_found', `There is no document with id ${documentId}.`)
  const content = JSON.stringify(article.content)
  if (current.text === article.text && current.content === content) {
    throw new FactmarkError('conflict', 'The new version is the same as the current one; nothing was changed.')
  }
  const version = current.version + 1
  const { metadata } = article
  // What the analyst set (or an earlier version brought) stays; the new version only fills gaps.
  db.prepare(
    `UPDATE documents SET text = @text, content = @content, origin = @origin, version = @version,
       source_url = coalesce(source_url, @sourceUrl), publisher = coalesce(publisher, @publisher),
       author = coalesce(author, @author), published_at = coalesce(published_at, @publishedAt),
       language = coalesce(language, @language)
     WHERE id = @id`
  ).run({
    id: documentId,
    text: article.text,
    content,
    origin: article.origin,
    version,
    sourceUrl: metadata.sourceUrl ?? null,
    publisher: metadata.publisher ?? null,
    author: metadata.author ?? null,
    publishedAt: metadata.publishedAt ?? null,
    language: metadata.language ?? null
  })

  const claims = listClaims(context, documentId)
  const placements = placeQuotes(article.text, claims)
  const placed = { exact: 0, moved: 0, approximate: 0, orphaned: 0 }
  claims.forEach((claim, i) => {
    const placement = placements[i]!
    placed[placement.kind === 'orphan' ? 'orphaned' : placement.kind]++
    replace(context, claim, placement, article.text, version)
  })
  return { document: getDocument(context, documentId), claims: listClaims(context, documentId), placed }
}

/** Writes one claim's new place (or its orphaning) and the history row that says so. */
function replace(context: ServiceContext, claim: Claim, placement: Anchoring, text: string, version: number): void {
  const from = { start: claim.position.start, end: claim.position.end, exact: claim.quote.exact }
  if (placement.kind === 'orphan') {
    if (claim.orphaned) return
    context.db.prepare('UPDATE claims SET orphaned = 1, updated_at = ? WHERE id = ?').run(context.now(), claim.id)
    recordHistory(context, claim, 'orphaned', { version, from })
    return
  }
  const quote = quoteSelector(text, placement)
  const unchanged =
    !claim.orphaned &&
    placement.start === claim.position.start &&
    placement.end === claim.position.end &&
    quote.exact === claim.quote.exact
  setPlace(context, claim.id, placement, quote)
  if (unchanged) return
  recordHistory(context, claim, 'reanchored', {
    version,
    how: placement.kind,
    ...(placement.kind === 'approximate' ? { score: Math.round(placement.score * 1000) / 1000 } : {}),
    from,
    to: { start: placement.start, end: placement.end, exact: quote.exact }
  })
}

function setPlace(
  context: ServiceContext,
  claimId: string,
  span: TextPositionSelector,
  quote: { exact: string; prefix: string; suffix: string }
): void {
  context.db
    .prepare(
      `UPDATE claims SET exact = ?, prefix = ?, suffix = ?, start_offset = ?, end_offset = ?, orphaned = 0, updated_at = ?
       WHERE id = ?`
    )
    .run(quote.exact, quote.prefix, quote.suffix, span.start, span.end, context.now(), claimId)
}

/** Attaches a claim to a new span of its document: how an analyst rescues an orphan. */
export function reattachClaim(context: ServiceContext, input: { claimId: string; start: number; end: number }): Claim {
  const claim = getClaim(context, input.claimId)
  const { text } = requireDocument(context, claim.documentId)
  const span = claimSpan(text, input)
  const quote = quoteSelector(text, span)
  setPlace(context, claim.id, span, quote)
  recordHistory(context, claim, 'reanchored', {
    how: 'reattached',
    wasOrphaned: claim.orphaned,
    from: { start: claim.position.start, end: claim.position.end, exact: claim.quote.exact },
    to: { start: span.start, end: span.end, exact: quote.exact }
  })
  return getClaim(context, claim.id)
}
