/** The records the API hands to the renderer. Times are ISO 8601 strings in UTC. */
import type { Block } from './article'
import type { TextPositionSelector, TextQuoteSelector } from './selector'
import type { Status } from './status'

export interface DocumentSummary {
  id: string
  title: string
  publisher: string | null
  importedAt: string
  claimCount: number
  /** How many of the document's claims carry each verdict. */
  statusCounts: Partial<Record<Status, number>>
}

export interface DocumentMetadata {
  title: string
  sourceUrl: string | null
  publisher: string | null
  author: string | null
  publishedAt: string | null
  /** BCP 47 language tag, when known: drives sentence segmentation. */
  language: string | null
}

export interface ArticleDocument extends DocumentMetadata {
  id: string
  importedAt: string
  /** The canonical plain text (see article.ts). */
  text: string
  content: Block[]
}

export interface Claim {
  id: string
  documentId: string
  quote: TextQuoteSelector
  position: TextPositionSelector
  status: Status
  claimant: string | null
  tags: string[]
  /** True when the claim could not be placed in the current text. */
  orphaned: boolean
  createdAt: string
  updatedAt: string
}

export const stances = ['supports', 'refutes', 'context'] as const
export type Stance = (typeof stances)[number]

/** A verification note on a claim. */
export interface Note {
  id: string
  claimId: string
  author: string
  body: string
  createdAt: string
  updatedAt: string
}

/** A piece of evidence for or against a claim. */
export interface Source {
  id: string
  claimId: string
  url: string
  title: string | null
  /** The passage that bears on the claim. */
  excerpt: string | null
  stance: Stance
  accessedAt: string | null
  createdAt: string
}

export type HistoryAction =
  | 'created'
  | 'status_changed'
  | 'claimant_changed'
  | 'tags_changed'
  | 'note_added'
  | 'note_edited'
  | 'note_deleted'
  | 'source_added'
  | 'source_removed'
  | 'reanchored'
  | 'orphaned'
  | 'deleted'

/** One append-only row of a claim's history: who changed what, and when. */
export interface HistoryEntry {
  seq: number
  claimId: string
  documentId: string
  at: string
  author: string
  action: HistoryAction
  detail: Record<string, unknown>
}

/** One automatic backup of the library, in <data dir>/backups/. */
export interface Backup {
  /** The file name, e.g. factmark-2026-11-27T14-05-09-123Z.sqlite; names sort by time. */
  name: string
  createdAt: string
  bytes: number
}

/** What restoring a backup did: which backup is now the library, and where the replaced library was kept. */
export interface RestoredBackup {
  restored: string
  /** The library as it was just before, kept as a backup of its own (so a restore can be undone). */
  keptAs: string | null
}
