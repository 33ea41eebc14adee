/**
 * Suggestions: the sentences of a document most worth checking, from the
 * shipped check-worthiness model. Dismissals are remembered per document;
 * accepting one makes it a claim whose history records the suggestion's score.
 */
import { rankSentences, type ScoredSentence } from '../../shared/assist/worthiness'
import { FactmarkError } from '../../shared/errors'
import type { Claim } from '../../shared/model'
import { createClaim } from './claims'
import type { ServiceContext } from './context'

function documentText({ db }: ServiceContext, documentId: string): { text: string; language: string | null } {
  const row = db.prepare('SELECT text, language FROM documents WHERE id = ?').get(documentId) as { text: string; language: string | null } | undefined
  if (!row) throw new FactmarkError('not_found', `There is no document with id ${documentId}.`)
  return row
}

/**
 * The document's sentences, best first, without those dismissed or already
 * marked as claims (a claim on the same span).
 */
export function listSuggestions(context: ServiceContext, input: { documentId: string; limit?: number }): ScoredSentence[] {
  const { text, language } = documentText(context, input.documentId)
  const dismissed = new Set(
    (context.db.prepare('SELECT sentence FROM suggestion_dismissals WHERE document_id = ?').all(input.documentId) as { sentence: string }[]).map(
      (row) => row.sentence
    )
  )
  const claimed = new Set(
    (context.db.prepare('SELECT start_offset, end_offset FROM claims WHERE document_id = ?').all(input.documentId) as {
      start_offset: number
      end_offset: number
    }[]).map((row) => `${row.start_offset}:${row.end_offset}`)
  )
  const open = rankSentences(text, language).filter((s) => !dismissed.has(s.text) && !claimed.has(`${s.start}:${s.end}`))
  return input.limit === undefined ? open : open.slice(0, input.limit)
}

/** The suggestion at exactly this span; throws when the span is not one of the document's sentences. */
function suggestionAt(context: ServiceContext, documentId: string, span: { start: number; end: number }): ScoredSentence {
  const { text, language } = documentText(context, documentId)
  const found = rankSentences(text, language).find((s) => s.start === span.start && s.end === span.end)
  if (!found) throw new FactmarkError('invalid_input', `${span.start}–${span.end} is not a sentence of the document: suggestions are whole sentences.`)
  return found
}

/** Makes a suggestion a claim; its history says it came from a suggestion, with the score. */
export function acceptSuggestion(context: ServiceContext, input: { documentId: string; start: number; end: number }): Claim {
  const suggestion = suggestionAt(context, input.documentId, input)
  return createClaim(context, input, { suggestion: { score: Number(suggestion.score.toFixed(4)) } })
}

/** Hides a suggestion in this document from now on. */
export function dismissSuggestion(context: ServiceContext, input: { documentId: string; start: number; end: number }): { sentence: string } {
  const suggestion = suggestionAt(context, input.documentId, input)
  context.db
    .prepare('INSERT OR IGNORE INTO suggestion_dismissals (document_id, sentence, dismissed_at, author) VALUES (?, ?, ?, ?)')
    .run(input.documentId, suggestion.text, context.now(), context.author())
  return { sentence: suggestion.text }
}
