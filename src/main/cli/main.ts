/**
 * The `factmark` command: the library from a terminal or a script, on the
 * same data directory as the app. Output is tab-separated lines (or JSON with
 * --json); errors go to stderr as one line starting "factmark: "; the exit
 * code says what happened (EXIT below), so scripts can rely on it.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { limits, type OperationName, type OperationResult } from '../../shared/api'
import { FactmarkError, type ErrorCode } from '../../shared/errors'
import type { ArticleDocument, Claim, DocumentSummary, PriorMatch, ReadinessEntry, ReportFile, RestoredBackup } from '../../shared/model'
import { isClaimReviewFeed } from '../../shared/assist/claimReviewFeed'
import { rankSentences } from '../../shared/assist/worthiness'
import { importableNames } from '../../shared/import/formats'
import { offsetConverter } from '../../shared/report/codepoints'
import { isPublicFormat, reportFormats, type ReportFormat } from '../../shared/report/formats'
import { statuses } from '../../shared/status'
import { resolveDataDir } from '../store/datadir'
import { dispatchAsync } from '../operations/dispatch'
import { openLibrary, type Library } from '../library/library'
import { readArticleFile } from '../import/worker'
import { importFactCheckFeed } from '../service/priorFactChecks'
import { serviceContext } from '../operations/service'
import { listBackups, listBackupsInDetail, restoreBackup } from '../store/backup'
import { needsLibrary, runTeam, TEAM_USAGE, teamUsageError } from './team'

export const EXIT = {
  ok: 0,
  /** The command line is wrong: unknown command or option, missing argument. */
  usage: 1,
  /** The input is bad or something it names is missing: a file, a document, Chromium for PDF. */
  badInput: 2,
  /** The library cannot be opened: damaged, or made by a newer Factmark. */
  library: 3,
  /** Anything else: a bug; the message says what failed. */
  internal: 4
} as const

export const USAGE = `Usage: factmark [--data-dir DIR] <command> [options]

Commands:
  import FILE...                 Import articles and Factmark exports (${importableNames}).
                                 Prints one line per document: ID<TAB>TITLE<TAB>FILE
                                 A ClaimReview feed (.jsonld/.json: ClaimReview, array, ItemList, DataFeed)
                                 adds prior fact-checks: FILE<TAB>imported N<TAB>updated N<TAB>rejected N,
                                 each rejected item on standard error with its reason.
  matches (--query TEXT | --queries FILE) [--limit N]
                                 The prior fact-checks closest to each query (FILE: one per line), best
                                 first: QUERY<TAB>SCORE<TAB>RATING<TAB>URL<TAB>CLAIM (QUERY: 0-based line).
                                 --json: {"query", "url", "claimReviewed", "rating", "score"} per line.
  list                           The documents, newest first: ID<TAB>CLAIMS<TAB>IMPORTED<TAB>TITLE
  list --document ID             A document's claims: NUMBER<TAB>VERDICT<TAB>START-END<TAB>QUOTE
  export --document ID --format FORMAT --out FILE [--verdicts V,V...] [--internal] [--allow-incomplete]
                                 Write a report; FORMAT is ${reportFormats.join('|')};
                                 --out - writes to standard output. Prints the file written.
                                 A public report (html, pdf, md, claimreview) is refused while
                                 the readiness check lists anything; the list goes to stderr.
  suggest FILE [--limit N]       The sentences of FILE (any importable format) most worth checking,
                                 best first: SCORE<TAB>START-END<TAB>SENTENCE (offsets in code points
                                 of the document's text). FILE is read, not imported.
  backup list                    The backups, newest first: NAME<TAB>CREATED<TAB>BYTES<TAB>CLAIMS<TAB>PINNED
                                 (PINNED says why a backup is never deleted, or -)
  backup restore NAME|newest     Replace the library with a backup. Refused while the app or the host
                                 has the library open. The library as it was is kept as a pinned
                                 backup, so this can be undone. Works on a damaged library too.
${TEAM_USAGE}Options:
  --data-dir DIR                 The library's folder (default: FACTMARK_DATA_DIR, then the app's).
  --json                         list, team status: print JSON instead of lines; suggest: one JSON object per line.
  --limit N                      suggest: at most N sentences.
  --url URL                      team grant: the team library's address.
  --verdicts V,V...              export: only claims with these verdicts (${statuses.join(', ')}).
  --internal                     export: the internal working report (every note; INTERNAL on each page).
  --allow-incomplete             export: publish although the readiness check lists problems.
  --help                         This text.

Exit codes: 0 done; 1 usage error; 2 bad input or not found (file, document, Chromium
for PDF); 3 the library cannot be opened; 4 unexpected failure.
`

export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  /** Raw bytes to standard output (export --out -). */
  stdoutBytes(bytes: Uint8Array): void
  env: NodeJS.ProcessEnv
}

class UsageError extends Error {}

const exitFor = (code: ErrorCode): number => (code === 'internal' ? EXIT.internal : EXIT.badInput)

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    io.stderr(`factmark: ${(error as Error).message}\n\n${USAGE}`)
    return EXIT.usage
  }
  const { values, positionals } = parsed
  const [command, ...rest] = positionals
  if (values.help || command === 'help') {
    io.stdout(USAGE)
    return EXIT.ok
  }
  try {
    checkUsage(command, rest, values)
  } catch (error) {
    io.stderr(`factmark: ${(error as Error).message}\nRun "factmark --help" for usage.\n`)
    return EXIT.usage
  }

  // Reads a file, never the library: it need not exist.
  if (command === 'suggest') return runWithoutLibrary(() => suggest(rest[0]!, values, io), io)
  if (command === 'team' && !needsLibrary(rest, values.url)) return runWithoutLibrary(() => team(rest, values, undefined, io), io)

  const dataDir = resolveDataDir(argv, io.env)
  // Backups need no open library: they work beside the app, and on a damaged library.
  if (command === 'backup') return runWithoutLibrary(async () => backup(dataDir, rest, io), io)
  let library: Library
  try {
    library = openLibrary(dataDir, { program: 'the factmark command' })
  } catch (error) {
    const damaged = error instanceof FactmarkError && error.code === 'conflict' && /damaged/.test(error.message)
    const hint = damaged ? ' It was left as it is: start Factmark to recover it, or run "factmark backup restore newest".' : ''
    io.stderr(`factmark: cannot open the library: ${(error as Error).message}${hint}\n`)
    return EXIT.library
  }
  try {
    const call = async <K extends OperationName>(name: K, input: unknown): Promise<Awaited<OperationResult<K>>> => {
      const outcome = await dispatchAsync(library.service, name, input)
      if (!outcome.ok) throw new FactmarkError(outcome.error.code, outcome.error.message)
      return outcome.value as Awaited<OperationResult<K>>
    }
    switch (command) {
      case 'import':
        return await importFiles(rest, call, library, io)
      case 'matches':
        return await matches(values, call, io)
      case 'list':
        return await list(values, call, io)
      case 'team':
        return await team(rest, values, library, io)
      default:
        return await exportReport(values, call, io)
    }
  } catch (error) {
    return reportFailure(error, io)
  } finally {
    library.close()
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      'data-dir': { type: 'string' },
      document: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      verdicts: { type: 'string' },
      internal: { type: 'boolean' },
      'allow-incomplete': { type: 'boolean' },
      url: { type: 'string' },
      json: { type: 'boolean' },
      limit: { type: 'string' },
      query: { type: 'string' },
      queries: { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    }
  })
}

type Values = ReturnType<typeof parse>['values']
type Call = <K extends OperationName>(name: K, input: unknown) => Promise<Awaited<OperationResult<K>>>

/** The value of --limit: a whole number of at least 1, or undefined. */
function limitOf(values: Values): number | undefined {
  if (values.limit === undefined) return undefined
  const limit = Number(values.limit)
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number of at least 1 (got "${values.limit}")`)
  return limit
}

function checkUsage(command: string | undefined, rest: string[], values: Values): void {
  if (!command) throw new UsageError('no command given')
  if (command === 'import') {
    if (rest.length === 0) throw new UsageError('import needs at least one FILE')
  } else if (command === 'list') {
    if (rest.length) throw new UsageError(`list takes no arguments, only --document ID (got "${rest[0]}")`)
  } else if (command === 'export') {
    if (rest.length) throw new UsageError(`export takes no arguments (got "${rest[0]}")`)
    for (const flag of ['document', 'format', 'out'] as const) {
      if (!values[flag]) throw new UsageError(`export needs --${flag}`)
    }
  } else if (command === 'matches') {
    if (rest.length) throw new UsageError(`matches takes no arguments (got "${rest[0]}")`)
    if ((values.query === undefined) === (values.queries === undefined)) throw new UsageError('matches needs --query TEXT or --queries FILE')
    limitOf(values)
  } else if (command === 'suggest') {
    if (rest.length !== 1) throw new UsageError('suggest needs exactly one FILE')
    limitOf(values)
  } else if (command === 'backup') {
    const [action, name, extra] = rest
    if (action === 'list' && name === undefined) return
    if (action === 'restore' && name && extra === undefined) return
    throw new UsageError('backup takes "list" or "restore NAME|newest"')
  } else if (command === 'team') {
    const problem = teamUsageError(rest)
    if (problem) throw new UsageError(problem)
  } else {
    throw new UsageError(`unknown command "${command}"`)
  }
}

/** `team …`: init and grant --url work on the server alone, without a library. */
async function team(rest: string[], values: Values, library: Library | undefined, io: CliIo): Promise<number> {
  await runTeam(rest, { ...(values.url && { url: values.url }), ...(values.json && { json: true }) }, library?.db, io.stdout)
  return EXIT.ok
}

function backup(dataDir: string, [action, name]: string[], io: CliIo): number {
  if (action === 'list') {
    for (const b of listBackupsInDetail(dataDir)) io.stdout(`${b.name}\t${b.createdAt}\t${b.bytes}\t${b.claims ?? '?'}\t${b.pinned ?? '-'}\n`)
    return EXIT.ok
  }
  const chosen = name === 'newest' ? listBackups(dataDir)[0]?.name : name
  if (!chosen) throw new FactmarkError('not_found', 'There is no backup to restore.')
  const restored: RestoredBackup = restoreBackup(dataDir, chosen)
  io.stdout(`restored\t${restored.restored}\tkept the replaced library as\t${restored.keptAs ?? '-'}\n`)
  return EXIT.ok
}

async function importFiles(files: string[], call: Call, library: Library, io: CliIo): Promise<number> {
  let failed = 0
  for (const file of files) {
    try {
      const bytes = readInput(file)
      const fileName = basename(file)
      if (/\.json(?:ld)?$/iu.test(fileName) && isClaimReviewFeed(bytes.toString('utf8', 0, 1_000_000))) {
        importFeed(file, bytes, library, io)
        continue
      }
      const document: ArticleDocument = await call('importDocument', { source: { kind: 'file', fileName, data: bytes.toString('base64') } })
      io.stdout(`${document.id}\t${oneLine(document.title)}\t${file}\n`)
    } catch (error) {
      if (!(error instanceof FactmarkError)) throw error
      failed++
      io.stderr(`factmark: ${file}: ${error.message}\n`)
    }
  }
  return failed ? EXIT.badInput : EXIT.ok
}

/**
 * A ClaimReview feed: prior fact-checks, with progress on standard error for
 * large feeds (the service's own import, called directly so it can report).
 * Prints FILE<TAB>imported N<TAB>updated N<TAB>rejected N, and each rejected item on standard error.
 */
function importFeed(file: string, bytes: Buffer, library: Library, io: CliIo): void {
  const text = bytes.toString('utf8')
  if (text.length > limits.feedBytes) throw new FactmarkError('too_large', `${file} is larger than ${limits.feedBytes / 1024 / 1024} MB`)
  let shown = 0
  const progress = (done: number, total: number) => {
    if (total >= 5000 && (done - shown >= 10_000 || done === total)) {
      shown = done
      io.stderr(`factmark: ${file}: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} fact-checks\n`)
    }
  }
  const result = library.db.transaction(() => importFactCheckFeed(serviceContext(library.db), text, progress)).immediate()
  for (const r of result.rejected) io.stderr(`factmark: ${file}: item ${r.item} left out: ${r.reason}\n`)
  io.stdout(`${file}\timported ${result.imported}\tupdated ${result.updated}\trejected ${result.rejected.length}\n`)
}

/** The prior fact-checks closest to each query, best first. */
async function matches(values: Values, call: Call, io: CliIo): Promise<number> {
  const queries = values.query !== undefined ? [values.query] : readInput(values.queries!).toString('utf8').split(/\r?\n/u)
  const limit = limitOf(values) ?? 5
  for (const [index, query] of queries.entries()) {
    if (!query.trim()) continue
    const found: PriorMatch[] = await call('matchPriorFactChecks', { query, limit })
    for (const m of found) {
      io.stdout(
        values.json
          ? `${JSON.stringify({ query: index, url: m.url, claimReviewed: m.claimReviewed, rating: m.rating, score: m.score })}\n`
          : `${index}\t${m.score.toFixed(4)}\t${oneLine(m.rating ?? '-')}\t${m.url}\t${oneLine(m.claimReviewed)}\n`
      )
    }
  }
  return EXIT.ok
}

/** A failed command's error line and exit code. */
function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof FactmarkError) {
    io.stderr(`factmark: ${error.message}\n`)
    return exitFor(error.code)
  }
  io.stderr(`factmark: unexpected failure: ${(error as Error).message}\n`)
  return EXIT.internal
}

/** Runs a command that needs no library, with the same error lines and exit codes. */
async function runWithoutLibrary(run: () => Promise<number>, io: CliIo): Promise<number> {
  try {
    return await run()
  } catch (error) {
    return reportFailure(error, io)
  }
}

async function suggest(file: string, values: Values, io: CliIo): Promise<number> {
  const article = await readArticleFile(basename(file), readInput(file))
  const { text } = article
  const offsets = offsetConverter(text)
  const ranked = rankSentences(text, article.metadata.language)
  for (const s of ranked.slice(0, limitOf(values) ?? ranked.length)) {
    const start = offsets.toCodePoints(s.start)
    const end = offsets.toCodePoints(s.end)
    const score = Number(s.score.toFixed(4))
    io.stdout(values.json ? `${JSON.stringify({ start, end, text: s.text, score })}\n` : `${score.toFixed(4)}\t${start}-${end}\t${oneLine(s.text)}\n`)
  }
  return EXIT.ok
}

/** A file's bytes, or a not-found error naming it. */
function readInput(file: string): Buffer {
  try {
    return readFileSync(file)
  } catch (error) {
    throw new FactmarkError('not_found', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
}

async function list(values: Values, call: Call, io: CliIo): Promise<number> {
  if (values.document) {
    const claims: Claim[] = await call('listClaims', { documentId: values.document })
    if (values.json) io.stdout(JSON.stringify(claims, null, 2) + '\n')
    else
      claims.forEach((claim, index) =>
        io.stdout(`${index + 1}\t${claim.status}${claim.orphaned ? ' (orphan)' : ''}\t${claim.position.start}-${claim.position.end}\t${oneLine(claim.quote.exact)}\n`)
      )
    return EXIT.ok
  }
  const documents: DocumentSummary[] = await call('listDocuments', {})
  if (values.json) io.stdout(JSON.stringify(documents, null, 2) + '\n')
  else for (const d of documents) io.stdout(`${d.id}\t${d.claimCount}\t${d.importedAt}\t${oneLine(d.title)}\n`)
  return EXIT.ok
}

async function exportReport(values: Values, call: Call, io: CliIo): Promise<number> {
  const verdicts = values.verdicts
    ?.split(',')
    .map((v) => v.trim())
    .filter(Boolean)
  const chosen = { documentId: values.document, ...(verdicts && { statuses: verdicts }) }
  if (isReportFormat(values.format) && isPublicFormat(values.format) && !values.internal && !values['allow-incomplete']) {
    // The same check as the export dialog's: each entry on its own line, pointing at its claim.
    const blocking: ReadinessEntry[] = await call('checkReadiness', chosen)
    if (blocking.length) {
      io.stderr(`factmark: this report is not ready to publish:\n${blocking.map((e) => `  ${e.message}\n`).join('')}`)
      io.stderr('Fix these, or export with --allow-incomplete to include the incomplete claims knowingly (or --internal for a working report).\n')
      return EXIT.badInput
    }
  }
  const file: ReportFile = await call('exportReport', {
    ...chosen,
    format: values.format,
    ...(values.internal && { internal: true }),
    ...(values['allow-incomplete'] && { allowIncomplete: true })
  })
  const bytes = file.encoding === 'base64' ? Buffer.from(file.data, 'base64') : Buffer.from(file.data, 'utf8')
  if (values.out === '-') {
    io.stdoutBytes(bytes)
    return EXIT.ok
  }
  const out = resolve(values.out!)
  // Written beside the target and renamed over it: a failed export never leaves half a file.
  const partial = join(dirname(out), `.${basename(out)}.${process.pid}.partial`)
  try {
    writeFileSync(partial, bytes)
    renameSync(partial, out)
  } catch (error) {
    rmSync(partial, { force: true })
    throw new FactmarkError('not_found', `cannot write ${values.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  io.stdout(`${out}\n`)
  return EXIT.ok
}

const isReportFormat = (format: string | undefined): format is ReportFormat => (reportFormats as readonly unknown[]).includes(format)

/** A title or quote on one line of tab-separated output. */
const oneLine = (text: string): string => text.replace(/[\t\r\n]+/g, ' ')
