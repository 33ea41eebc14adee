-- Schema v1: the whole mission's data, not just the first slice.
-- Times are ISO 8601 text in UTC. Ids are UUIDs (text), stable across exports.
-- Offsets count UTF-16 code units of documents.text (see src/shared/article.ts).

CREATE TABLE documents (
  id            TEXT PRIMARY KEY,
  title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
  source_url    TEXT,
  publisher     TEXT,
  author        TEXT,
  published_at  TEXT,
  language      TEXT,
  imported_at   TEXT NOT NULL,
  -- The canonical plain text that claim offsets count in.
  text          TEXT NOT NULL CHECK (length(trim(text)) > 0),
  -- The article's structure (src/shared/article.ts Block[]) as JSON.
  content       TEXT NOT NULL CHECK (json_valid(content)),
  -- How the document came in: text, markdown, html, docx, pdf, url, jsonld.
  origin        TEXT NOT NULL,
  -- Bumped when a newer version of the article replaces the text.
  version       INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE claims (
  id            TEXT PRIMARY KEY,
  document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  -- W3C TextQuoteSelector
  exact         TEXT NOT NULL CHECK (length(exact) > 0),
  prefix        TEXT NOT NULL,
  suffix        TEXT NOT NULL,
  -- W3C TextPositionSelector (end exclusive)
  start_offset  INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset    INTEGER NOT NULL CHECK (end_offset > start_offset),
  status        TEXT NOT NULL DEFAULT 'unverified' CHECK (status IN
                  ('unverified','in_progress','verified','disputed','false','misleading','unverifiable')),
  claimant      TEXT,
  -- 1 when re-anchoring could not place the claim in the current text.
  orphaned      INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX claims_by_document ON claims (document_id, start_offset, end_offset);

CREATE TABLE claim_tags (
  claim_id      TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  tag           TEXT NOT NULL CHECK (length(trim(tag)) > 0),
  PRIMARY KEY (claim_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX claim_tags_by_tag ON claim_tags (tag);

CREATE TABLE notes (
  id            TEXT PRIMARY KEY,
  claim_id      TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  author        TEXT NOT NULL,
  body          TEXT NOT NULL CHECK (length(trim(body)) > 0),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX notes_by_claim ON notes (claim_id, created_at);

CREATE TABLE sources (
  id            TEXT PRIMARY KEY,
  claim_id      TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  url           TEXT NOT NULL,
  title         TEXT,
  excerpt       TEXT,
  stance        TEXT NOT NULL CHECK (stance IN ('supports', 'refutes', 'context')),
  accessed_at   TEXT,
  created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX sources_by_claim ON sources (claim_id, created_at);

-- Append-only audit trail. No foreign key: the record of a claim outlives it.
CREATE TABLE claim_history (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  claim_id      TEXT NOT NULL,
  document_id   TEXT NOT NULL,
  at            TEXT NOT NULL,
  author        TEXT NOT NULL,
  -- created, status_changed, claimant_changed, tags_changed, note_added,
  -- note_edited, note_deleted, source_added, source_removed, reanchored,
  -- orphaned, deleted
  action        TEXT NOT NULL,
  -- What changed, as JSON: e.g. {"from":"unverified","to":"disputed"}.
  detail        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
) STRICT;
CREATE INDEX claim_history_by_claim ON claim_history (claim_id, seq);

CREATE TRIGGER claim_history_no_update BEFORE UPDATE ON claim_history
BEGIN SELECT RAISE(ABORT, 'claim history is append-only'); END;
CREATE TRIGGER claim_history_no_delete BEFORE DELETE ON claim_history
BEGIN SELECT RAISE(ABORT, 'claim history is append-only'); END;

-- Analyst settings (name, preferences): key → JSON value.
CREATE TABLE settings (
  key           TEXT PRIMARY KEY,
  value         TEXT NOT NULL CHECK (json_valid(value))
) STRICT;
