/**
 * Writes a report's data (a document with claims, tags, notes and sources)
 * straight into a library's tables, as the workflow's operations would have
 * left them. Tests and benchmarks use it to start from a known library.
 */
import type { Database } from 'better-sqlite3'
import type { ReportData } from '../../shared/report/data'

export function insertReportData(db: Database, data: Pick<ReportData, 'document' | 'claims' | 'notes' | 'sources'>): void {
  const { document: d } = data
  db.transaction(() => {
    db.prepare(
      `INSERT INTO documents (id, title, source_url, publisher, author, published_at, language, imported_at, text, content, origin,
                              conclusion, publication_url, publication_date)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'text', ?, ?, ?)`
    ).run(d.id, d.title, d.sourceUrl, d.publisher, d.author, d.publishedAt, d.language, d.importedAt, d.text, JSON.stringify(d.content),
      d.conclusion, d.publicationUrl, d.publicationDate)
    const claim = db.prepare(
      `INSERT INTO claims (id, document_id, number, exact, prefix, suffix, start_offset, end_offset, status, claimant, orphaned, rationale, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    const tag = db.prepare('INSERT INTO claim_tags (claim_id, tag) VALUES (?, ?)')
    for (const c of data.claims) {
      claim.run(c.id, d.id, c.number, c.quote.exact, c.quote.prefix, c.quote.suffix, c.position.start, c.position.end, c.status, c.claimant, c.orphaned ? 1 : 0, c.rationale, c.createdBy, c.createdAt, c.updatedAt)
      for (const t of c.tags) tag.run(c.id, t)
    }
    const note = db.prepare('INSERT INTO notes (id, claim_id, author, body, public, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    for (const n of data.notes) note.run(n.id, n.claimId, n.author, n.body, n.public ? 1 : 0, n.createdAt, n.updatedAt)
    const source = db.prepare(
      'INSERT INTO sources (id, claim_id, url, title, excerpt, stance, accessed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
    )
    for (const s of data.sources) source.run(s.id, s.claimId, s.url, s.title, s.excerpt, s.stance, s.accessedAt, s.createdAt)
  })()
}
