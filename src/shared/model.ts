/** The records the API hands to the renderer. Times are ISO 8601 strings in UTC. */
import type { Block } from './article'
import type { PriorFactCheckInput, RejectedItem } from './assist/claimReviewFeed'
import type { TextPositionSelector, TextQuoteSelector } from './selector'
import type { LogoType } from './fields'
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

/** What the desk publishes about a document: the editor's summary, and where and when it appears. */
export interface Publication {
  /** The editor's summary of the whole fact-check, plain text; empty when none. */
  conclusion: string
  /** The http(s) address where the fact-check is (or will be) published. */
  publicationUrl: string | null
  /** The day it is published, YYYY-MM-DD; null until known (reports then use the day they are made). */
  publicationDate: string | null
}

export interface ArticleDocument extends DocumentMetadata, Publication {
  id: string
  importedAt: string
  /** The canonical plain text (see article.ts). */
  text: string
  content: Block[]
  /** 1 at import; bumped each time a newer version of the article replaces the text. */
  version: number
}

export interface Claim {
  id: string
  documentId: string
  /** The claim's number in its document: given when it is made, never reused or shifted. */
  number: number
  quote: TextQuoteSelector
  position: TextPositionSelector
  status: Status
  claimant: string | null
  tags: string[]
  /** True when the claim could not be placed in the current text. */
  orphaned: boolean
  /** The public explanation of the verdict (plain text, links allowed); empty when none. */
  rationale: string
  /** Who marked the claim, from the analyst's profile; null when unknown. */
  createdBy: string | null
  createdAt: string
  updatedAt: string
  /** How many notes and sources the claim has: the claims pane shows them, and a verdict without either. */
  noteCount: number
  sourceCount: number
  /** In a team library: the verdict an editor approved, who and when. Approved while it equals `status`. */
  approval?: { status: Status; by: string; at: string } | null
}

/** Someone who makes claims, reused across documents. */
export interface Claimant {
  name: string
  /** Role or affiliation: "Minister of Interior", "New America". */
  role: string | null
}

export const stances = ['supports', 'refutes', 'context'] as const
export type Stance = (typeof stances)[number]

/** How a stance reads, in the app and in reports. */
export const stanceLabels: Record<Stance, string> = { supports: 'Supports', refutes: 'Refutes', context: 'Context' }

/** A verification note on a claim. */
export interface Note {
  id: string
  claimId: string
  author: string
  body: string
  /** Notes are the desk's own; a note made public is printed in public reports beside the rationale. */
  public: boolean
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
  | 'restored'
  | 'rationale_changed'
  | 'note_made_public'
  | 'note_made_internal'
  // Team library: an editor's sign-off, a value that lost to a later one, a claim on the same words as another.
  | 'approved'
  | 'sync_conflict'
  | 'duplicate'

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

/** An exported report, ready to save as a file. */
export interface ReportFile {
  /** A suggested name: the title's words and the format's extension. */
  fileName: string
  mediaType: string
  /** Text formats come as UTF-8 text; PDF as base64. */
  encoding: 'utf8' | 'base64'
  data: string
  /** How many claims passed the verdict filter. */
  claimCount: number
}

/** Everything the claim card shows about one claim. */
export interface ClaimDetail {
  claim: Claim
  notes: Note[]
  sources: Source[]
  history: HistoryEntry[]
}

/**
 * Who signs notes, history rows and reports until the analyst gives a full
 * name: said plainly, never the OS account name ("root"), which only
 * pre-fills the question the app asks on first run.
 */
export const unnamedAnalyst = 'Unnamed analyst'

/** The analyst's settings and the library's profile. */
export interface Settings {
  /** The full name the analyst gave, which signs notes, history rows and reports; null until given (the app asks on first run). */
  analystName: string | null
  /** The OS account name: it only pre-fills the first-run question. */
  accountName: string
  /** The publishing organisation; null until set. */
  organisation: Organisation | null
  report: ReportSettings
  /** The paper the locale gives, used while `report.paperSize` is null. */
  localePaperSize: PaperSize
}

/** The organisation that publishes the fact-checks. */
export interface Organisation {
  name: string
  /** Its http(s) home page. */
  url: string | null
  /** PNG or JPEG, at most 1 MB. */
  logo: { mediaType: LogoType; data: string } | null
}

export const paperSizes = ['a4', 'letter'] as const
export type PaperSize = (typeof paperSizes)[number]

export interface ReportSettings {
  /** The PDF's paper; null follows the locale (Letter in the US and Canada, A4 elsewhere). */
  paperSize: PaperSize | null
}

/** One search hit: where it is, and the words around it. */
export interface SearchHit {
  kind: 'document' | 'claim' | 'note' | 'source'
  documentId: string
  documentTitle: string
  /** The claim a claim, note or source hit belongs to. */
  claimId: string | null
  /** The text around the first match, split so the match can be marked without HTML. */
  snippet: { before: string; match: string; after: string }
  /** For a document hit: the canonical-text offset of the first match. */
  offset: number | null
}

/** What importing a newer version of a document did to its claims. */
export interface NewVersionResult {
  document: ArticleDocument
  claims: Claim[]
  /** How many claims stayed where they were, moved, matched approximately, or became orphans. */
  placed: { exact: number; moved: number; approximate: number; orphaned: number }
}

/** One automatic backup of the library, in <data dir>/backups/. */
export interface Backup {
  /** The file name, e.g. factmark-2026-11-27T14-05-09-123Z.sqlite; names sort by time. */
  name: string
  createdAt: string
  bytes: number
  /** How many claims the backup holds (null where it could not be read, or was not counted). */
  claims: number | null
  /** Why it is never deleted (taken before a restore or a migration), or null. */
  pinned: string | null
}

/** What restoring a backup did: which backup is now the library, and where the replaced library was kept. */
export interface RestoredBackup {
  restored: string
  /** The library as it was just before, kept as a backup of its own (so a restore can be undone). */
  keptAs: string | null
}

/** One thing that blocks publishing a report: what is wrong, and the claim it concerns (if any). */
export interface ReadinessEntry {
  /** Which check found it (readiness.ts): stable, for tests and for the dialog's grouping. */
  check: string
  message: string
  claimId: string | null
  /** The claim's number in the report, as the reader sees it. */
  claimNumber: number | null
}

/** A library's link to its team library (issue 14), as the app and `factmark team status` show it. */
export interface TeamStatus {
  joined: boolean
  /** postgres://role@host:port/database — never with a password. */
  url: string | null
  /** The PostgreSQL role this library signs in as. */
  role: string | null
  /** The role may approve verdicts. */
  editor: boolean
  /** Whether the live link is up; null where no live link runs (the command line). */
  connected: boolean | null
  /** Own changes the team library does not have yet. */
  waiting: number
  lastSync: string | null
  lastError: string | null
  /** Values replaced by someone who had not seen them. */
  conflicts: number
  /** Claims marked on the same words as another claim. */
  duplicates: number
  /** Claims with a verdict that no editor has approved. */
  unapproved: number
  /** Colleagues' changes applied here since the app started: when it grows, the view shows them. */
  received: number
}

/** A sentence worth checking, from the check-worthiness model; offsets in the document's canonical text. */
export interface Suggestion {
  start: number
  end: number
  text: string
  /** 0–1: higher is more worth checking. */
  score: number
}

/** A fact-check published elsewhere (imported from a ClaimReview feed). Every field is plain text. */
export interface PriorFactCheck extends PriorFactCheckInput {
  id: number
}

/** A prior fact-check close to a claim, with how close (0–1). */
export interface PriorMatch extends PriorFactCheck {
  score: number
}

/** One of the library's own claims with a verdict, close to another claim. */
export interface VerdictedClaimMatch {
  claimId: string
  documentId: string
  documentTitle: string
  quote: string
  status: Status
  score: number
}

/** What a ClaimReview feed import did. */
export interface FeedImportResult {
  /** New prior fact-checks. */
  imported: number
  /** Ones already in the library (same address and claim), refreshed. */
  updated: number
  /** Each item left out, by its 0-based position in the feed, with the reason. */
  rejected: RejectedItem[]
}

/** What a claim's card shows of what was checked before. */
export interface ClaimMatches {
  priorFactChecks: PriorMatch[]
  verdictedClaims: VerdictedClaimMatch[]
}
