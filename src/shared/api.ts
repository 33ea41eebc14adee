/**
 * The one API contract. Every operation is named here once, with the schema
 * its input must satisfy and the type of its result. The main-side service
 * implements this table; the Electron IPC binding and the HTTP browser host
 * are both generated from it, so an operation cannot exist on one transport
 * only. Inputs are validated on the main side: the renderer is untrusted.
 */
import { z } from 'zod'
import { singleLine } from './article'
import { fieldLimits, fields } from './fields'
import { articleBytes } from './import/formats'
import type {
  ArticleDocument,
  Backup,
  Claim,
  Claimant,
  ClaimDetail,
  DocumentSummary,
  HistoryEntry,
  NewVersionResult,
  Note,
  ReadinessEntry,
  ReportFile,
  RestoredBackup,
  SearchHit,
  Settings,
  Source,
  Suggestion,
  TeamStatus,
  ClaimMatches,
  FeedImportResult,
  PriorFactCheck,
  PriorMatch
} from './model'
import { paperSizes } from './model'
import { reportFormats } from './report/formats'
import type { RatingScale } from './scale'
import { statuses } from './status'

/** The publishing organisation; null removes it. */
const organisationInput = z
  .strictObject({
    name: fields.organisationName,
    url: fields.organisationUrl.nullable(),
    /** PNG or JPEG bytes, base64; at most 1 MB. */
    logo: fields.logo.nullable()
  })
  .nullable()

/** One verdict's public label and definition; null goes back to the default, a field left out is unchanged. */
const ratingInput = z.strictObject({
  status: fields.status,
  label: fields.ratingLabel.nullable().optional(),
  definition: fields.ratingDefinition.nullable().optional()
})

const paperSizeInput = z.enum(paperSizes, { message: `paperSize must be one of ${paperSizes.join(', ')} (or null: from the locale)` }).nullable()

/** Phantom marker that carries an operation's result type. */
const returns = <T>(): T => undefined as unknown as T

/**
 * Marks an operation that only reads: it runs in a deferred transaction, a
 * consistent snapshot that never takes SQLite's write lock, so it answers
 * while another connection (an import, the `factmark` command) writes.
 */
const reads = true as const

/** An operation that answers at once for some inputs and must wait for others. */
type MaybePromise<T> = T | Promise<T>

/** Limits, named once so the schemas and the messages agree. */
export const limits = {
  /** Largest article import, in bytes of the file or UTF-8 of pasted text (a format's own limit: src/shared/import/formats.ts). */
  importBytes: articleBytes,
  /** Longest wait for a page fetched from a URL, in milliseconds. */
  fetchTimeoutMs: 20_000,
  /** Most text a .docx may unpack to: a zip bomb stops here. */
  unpackedBytes: 100 * 1024 * 1024,
  urlLength: fieldLimits.urlLength,
  metadataLength: fieldLimits.metadataLength,
  titleLength: fieldLimits.titleLength,
  fileNameLength: 255,
  /** Largest ClaimReview feed: 100,000 reviews make about 60 MB. */
  feedBytes: 256 * 1024 * 1024
}

const id = (what: string) => z.uuid({ message: `${what} must be a UUID` })
const offset = (what: string) =>
  z
    .number({ message: `${what} must be a number` })
    .int({ message: `${what} must be a whole number` })
    .nonnegative({ message: `${what} must not be negative` })

const verdictFilter = z
  .array(z.enum(statuses, { message: `statuses must be among ${statuses.join(', ')}` }))
  .max(statuses.length)
  .optional()

/** Where a document's text comes from: pasted text or HTML, a file, or a web page. */
export const importSource = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('text'),
    text: z.string().max(limits.importBytes, { message: 'The text is larger than 25 MB' }),
    format: z.enum(['text', 'markdown'])
  }),
  z.strictObject({ kind: z.literal('html'), html: z.string().max(limits.importBytes, { message: 'The HTML is larger than 25 MB' }) }),
  z.strictObject({
    kind: z.literal('file'),
    fileName: z.string().min(1, { message: 'fileName is empty' }).max(limits.fileNameLength),
    /** The file's bytes, base64-encoded. */
    data: z.base64({ message: 'data must be base64' })
  }),
  z.strictObject({ kind: z.literal('url'), url: fields.documentAddress })
])
export type ImportSource = z.output<typeof importSource>

/** A claim's words to match against what was checked before. */
const matchQuery = z
  .string({ message: 'query must be text' })
  .trim()
  .min(1, { message: 'The query is empty' })
  .max(5000, { message: 'The query is longer than 5000 characters' })

export const api = {
  /** The library: every document, newest first. */
  listDocuments: {
    reads,
    input: z.strictObject({}),
    result: returns<DocumentSummary[]>()
  },
  getDocument: {
    reads,
    input: z.strictObject({ documentId: id('documentId') }),
    result: returns<ArticleDocument>()
  },
  /**
   * A new document from pasted text (plain or Markdown) or HTML, a file (its
   * format follows its name: see src/shared/import/formats.ts) or a web page.
   * A Factmark JSON-LD export comes in with its claims, notes and sources,
   * re-anchored in its text. `title`, when given, names an article (an
   * export keeps its own). Plain text and a JSON-LD export are read at once;
   * anything else waits for the reader's worker, so its call answers a promise.
   */
  importDocument: {
    input: z.strictObject({
      source: importSource,
      title: z.string().max(limits.titleLength).transform(singleLine).optional()
    }),
    result: returns<MaybePromise<ArticleDocument>>()
  },
  /**
   * The other documents whose text is exactly this one's, oldest first: the
   * desk offers to open one of them when the same text is imported again.
   */
  findSameText: {
    reads,
    input: z.strictObject({ documentId: id('documentId') }),
    result: returns<Pick<DocumentSummary, 'id' | 'title' | 'importedAt'>[]>()
  },
  /** A document's claims in text order. */
  listClaims: {
    reads,
    input: z.strictObject({ documentId: id('documentId') }),
    result: returns<Claim[]>()
  },
  /** Marks a span of a document's canonical text as a claim. */
  createClaim: {
    input: z.strictObject({
      documentId: id('documentId'),
      start: offset('start'),
      end: offset('end')
    }),
    result: returns<Claim>()
  },
  // ── reports ──
  /**
   * A document's report in one format, with only the claims whose verdict is
   * in `statuses` (all claims when absent). PDF is printed from the HTML
   * report and comes back base64-encoded; it needs Chromium (or the desktop app).
   */
  exportReport: {
    reads,
    input: z.strictObject({
      documentId: id('documentId'),
      format: z.enum(reportFormats, { message: `format must be one of ${reportFormats.join(', ')}` }),
      statuses: verdictFilter,
      /** The internal working report: every note, and INTERNAL on every page. Public reports carry only public notes. */
      internal: z.boolean().optional(),
      /** A public export is refused while the readiness check lists anything, unless the editor includes it knowingly. */
      allowIncomplete: z.boolean().optional()
    }),
    result: returns<Promise<ReportFile>>()
  },
  /** What blocks publishing a document's report (the claims as `statuses` filters them): empty when it is ready. */
  checkReadiness: {
    reads,
    input: z.strictObject({ documentId: id('documentId'), statuses: verdictFilter }),
    result: returns<ReadinessEntry[]>()
  },

  // ── workflow ──
  /** One claim with its notes, sources and history: what the claim card shows. */
  getClaimDetail: {
    reads,
    input: z.strictObject({ claimId: id('claimId') }),
    result: returns<ClaimDetail>()
  },
  /** Changes a claim's verdict, claimant or tags; each change is a history row. */
  updateClaim: {
    input: z.strictObject({
      claimId: id('claimId'),
      status: fields.status.optional(),
      /** Empty or null clears it. */
      claimant: fields.claimant.nullable().optional(),
      tags: fields.tags.optional(),
      /** The public explanation of the verdict; plain text, links allowed. Empty clears it. */
      rationale: fields.rationale.optional()
    }),
    result: returns<Claim>()
  },
  /** Deletes a claim with its notes and sources; `restoreClaim` brings it back (undo). */
  deleteClaim: {
    input: z.strictObject({ claimId: id('claimId') }),
    result: returns<{ claimId: string }>()
  },
  /** Restores a deleted claim, same id, from the record its deletion left in the history. */
  restoreClaim: {
    input: z.strictObject({ claimId: id('claimId') }),
    result: returns<Claim>()
  },
  addNote: {
    input: z.strictObject({ claimId: id('claimId'), body: fields.note }),
    result: returns<Note>()
  },
  editNote: {
    input: z.strictObject({ noteId: id('noteId'), body: fields.note }),
    result: returns<Note>()
  },
  /** Makes a note public (printed in public reports) or internal again. */
  setNotePublic: {
    input: z.strictObject({ noteId: id('noteId'), public: fields.notePublic }),
    result: returns<Note>()
  },
  deleteNote: {
    input: z.strictObject({ noteId: id('noteId') }),
    result: returns<{ noteId: string }>()
  },
  addSource: {
    input: z.strictObject({
      claimId: id('claimId'),
      url: fields.sourceUrl,
      title: fields.sourceTitle.nullable().optional(),
      excerpt: fields.excerpt.nullable().optional(),
      stance: fields.stance,
      /** The day the analyst read the source, YYYY-MM-DD. */
      accessedAt: fields.accessedAt.nullable().optional()
    }),
    result: returns<Source>()
  },
  removeSource: {
    input: z.strictObject({ sourceId: id('sourceId') }),
    result: returns<{ sourceId: string }>()
  },
  /** A claim's history, oldest first. */
  listHistory: {
    reads,
    input: z.strictObject({ claimId: id('claimId') }),
    result: returns<HistoryEntry[]>()
  },
  /** Every tag in use, most used first: for autocomplete. */
  listTags: {
    reads,
    input: z.strictObject({}),
    result: returns<{ tag: string; count: number }[]>()
  },
  /** Everyone on record as making claims, by name: for autocomplete. */
  listClaimants: {
    reads,
    input: z.strictObject({}),
    result: returns<Claimant[]>()
  },
  /** Adds a claimant to the registry, or sets their role or affiliation (null clears it). */
  saveClaimant: {
    input: z.strictObject({
      name: fields.claimantName,
      role: fields.claimantRole.nullable().optional()
    }),
    result: returns<Claimant>()
  },
  getSettings: {
    reads,
    input: z.strictObject({}),
    result: returns<Settings>()
  },
  /** The analyst's full name; null removes it, and the app asks again. */
  setSettings: {
    input: z.strictObject({
      analystName: fields.analystName.nullable()
    }),
    result: returns<Settings>()
  },
  /** The publishing organisation; null removes it. */
  setOrganisation: {
    input: z.strictObject({
      organisation: organisationInput
    }),
    result: returns<Settings>()
  },
  setReportSettings: {
    input: z.strictObject({
      paperSize: paperSizeInput
    }),
    result: returns<Settings>()
  },
  /** The desk's label and definition for every verdict. */
  getRatingScale: {
    reads,
    input: z.strictObject({}),
    result: returns<RatingScale>()
  },
  /** Renames a verdict for readers or defines it; null goes back to the default. The verdict's meaning (its code) stays. */
  setRating: {
    input: ratingInput,
    result: returns<RatingScale>()
  },
  /**
   * The Publishing dialog in one call, so in one transaction: this document's
   * conclusion and publication, the organisation, the rating scale and the
   * PDF's paper. A refusal of any part saves none of it.
   */
  savePublishing: {
    input: z.strictObject({
      documentId: id('documentId'),
      conclusion: fields.conclusion,
      publicationUrl: fields.publicationUrl.nullable(),
      publicationDate: fields.publicationDate.nullable(),
      organisation: organisationInput,
      ratings: z.array(ratingInput).max(statuses.length),
      paperSize: paperSizeInput
    }),
    result: returns<{ document: ArticleDocument; settings: Settings; scale: RatingScale }>()
  },
  /** The editor's conclusion and the fact-check's publication address and date; a field left out is unchanged, null clears it. */
  updatePublication: {
    input: z.strictObject({
      documentId: id('documentId'),
      conclusion: fields.conclusion.optional(),
      publicationUrl: fields.publicationUrl.nullable().optional(),
      publicationDate: fields.publicationDate.nullable().optional()
    }),
    result: returns<ArticleDocument>()
  },
  /** Deletes a document with its claims, notes and sources; nothing else. */
  deleteDocument: {
    input: z.strictObject({ documentId: id('documentId') }),
    result: returns<{ documentId: string }>()
  },
  /** Full-text search over every document's text, claim quotes, notes and sources. */
  search: {
    reads,
    input: z.strictObject({
      query: fields.searchQuery,
      limit: z.number().int().min(1).max(200).optional()
    }),
    result: returns<SearchHit[]>()
  },

  // ── import ──
  /**
   * A newer version of a document (a corrected article) replaces its text;
   * every claim is placed again, and those that cannot be are kept as orphans.
   */
  importNewVersion: {
    input: z.strictObject({ documentId: id('documentId'), source: importSource }),
    result: returns<MaybePromise<NewVersionResult>>()
  },
  /** Attaches a claim (an orphan, usually) to a new span of its document's text. */
  reattachClaim: {
    input: z.strictObject({ claimId: id('claimId'), start: offset('start'), end: offset('end') }),
    result: returns<Claim>()
  },
  /** Corrects a document's metadata; a field left out is unchanged, null clears it. */
  updateMetadata: {
    input: z.strictObject({
      documentId: id('documentId'),
      title: fields.title.optional(),
      sourceUrl: fields.documentAddress.nullable().optional(),
      publisher: fields.publisher.nullable().optional(),
      author: fields.author.nullable().optional(),
      publishedAt: fields.publishedAt.nullable().optional(),
      language: fields.language.nullable().optional()
    }),
    result: returns<ArticleDocument>()
  },

  // ── claim assist ──
  /** A document's sentences most worth checking, best first, without dismissed or already marked ones. */
  listSuggestions: {
    reads,
    input: z.strictObject({ documentId: id('documentId'), limit: z.number().int().min(1).max(10_000).optional() }),
    result: returns<Suggestion[]>()
  },
  /** Marks a suggested sentence as a claim; its history records the suggestion's score. */
  acceptSuggestion: {
    input: z.strictObject({ documentId: id('documentId'), start: offset('start'), end: offset('end') }),
    result: returns<Claim>()
  },
  /** Hides a suggested sentence in this document from now on. */
  dismissSuggestion: {
    input: z.strictObject({ documentId: id('documentId'), start: offset('start'), end: offset('end') }),
    result: returns<{ sentence: string }>()
  },

  /**
   * A ClaimReview feed (one ClaimReview, an array, an ItemList, a DataFeed, or
   * the Fact Check Tools API's claims) as prior fact-checks: the valid items are
   * imported, each other one is listed with its reason.
   */
  importFactChecks: {
    input: z.strictObject({
      fileName: z.string().min(1, { message: 'fileName is empty' }).max(limits.fileNameLength),
      text: z.string().max(limits.feedBytes, { message: 'The feed is larger than 256 MB' })
    }),
    result: returns<FeedImportResult>()
  },
  /** The prior fact-checks closest to a text, best first, with a score (0–1). */
  matchPriorFactChecks: {
    reads,
    input: z.strictObject({ query: matchQuery, limit: z.number().int().min(1).max(50).optional() }),
    result: returns<PriorMatch[]>()
  },
  /** For a claim's card: the closest prior fact-checks and the library's other claims that have a verdict. */
  claimMatches: {
    reads,
    input: z.strictObject({ claimId: id('claimId'), limit: z.number().int().min(1).max(50).optional() }),
    result: returns<ClaimMatches>()
  },
  /** Every prior fact-check (newest review first), or those matching the words of `query`; a page at a time. */
  listPriorFactChecks: {
    reads,
    input: z.strictObject({
      query: z.string().trim().max(1000, { message: 'The search is longer than 1000 characters' }).optional(),
      limit: z.number().int().min(1).max(500).optional(),
      offset: z.number().int().min(0).optional()
    }),
    result: returns<{ total: number; items: PriorFactCheck[] }>()
  },

  // ── backups ──
  /** The automatic backups of the library, newest first. */
  listBackups: {
    reads,
    input: z.strictObject({}),
    result: returns<Backup[]>()
  },
  /**
   * Replaces the library with one of its backups. The library as it was is
   * kept as the newest backup, so a restore can be undone the same way.
   */
  restoreBackup: {
    input: z.strictObject({
      name: z
        .string()
        .max(100)
        .regex(/^factmark-[0-9TZ-]+\.sqlite$/, { message: 'name must be the name of a backup, as listBackups gives it' })
    }),
    result: returns<RestoredBackup>()
  },

  // ── team library (issue 14) ──
  /** The link to the team library: joined or not, connected, changes waiting, last sync, conflicts. */
  getTeamStatus: {
    reads,
    input: z.strictObject({}),
    result: returns<TeamStatus>()
  },
  /**
   * Joins the team library at a postgres:// address. A password given here is
   * used for this run only and never stored (else PGPASSWORD or ~/.pgpass).
   */
  connectTeam: {
    input: z.strictObject({
      url: z.string().trim().min(1, { message: 'The team library needs an address: postgres://role@host:port/database' }).max(limits.urlLength),
      password: z.string().max(1000).optional()
    }),
    result: returns<Promise<TeamStatus>>()
  },
  /** Pushes this library's changes and pulls the team's, now. */
  syncTeam: {
    input: z.strictObject({}),
    result: returns<Promise<TeamStatus>>()
  },
  /** An editor's sign-off on a claim's verdict (refused for analysts, here and by the server). */
  approveClaim: {
    input: z.strictObject({ claimId: id('claimId') }),
    result: returns<Claim>()
  }
}

export type Api = typeof api
export type OperationName = keyof Api
export type OperationInput<K extends OperationName> = z.input<Api[K]['input']>
export type OperationResult<K extends OperationName> = Api[K]['result']

export const operationNames = Object.keys(api) as OperationName[]

/** The operations marked `reads`: they never write. */
export type ReadOperation = { [K in OperationName]: Api[K] extends { reads: true } ? K : never }[OperationName]

export function isReadOperation(name: OperationName): name is ReadOperation {
  return 'reads' in api[name]
}

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(api, name)
}

/** The client's view of the API, whichever transport carries it. */
export type ApiClient = {
  [K in OperationName]: (input: OperationInput<K>) => Promise<Awaited<OperationResult<K>>>
}

/**
 * The main side's implementation of the contract. Most operations answer at
 * once; those that must wait (a fetch, a PDF or .docx parser, printing) say
 * so in their result type, as a promise.
 */
export type ApiHandlers = {
  [K in OperationName]: (input: z.output<Api[K]['input']>) => OperationResult<K>
}
