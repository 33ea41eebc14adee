-- factmark: rebuilds-tables
-- Verdicts and stances are validated by the shared field schemas
-- (src/shared/fields.ts) on every write path: the API, the JSON-LD import,
-- sync. Copies of those vocabularies in CHECK constraints meant a new verdict
-- needed a table rebuild; this is that rebuild, once, for claims (status) and
-- sources (stance). Every other column and constraint is as it was.
-- The runner switches foreign keys off for it (dropping claims would
-- otherwise cascade into notes, sources and tags), then checks foreign keys
-- and integrity before it commits.

CREATE TABLE claims_rebuilt (
  id            TEXT PRIMARY KEY,
  document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  -- W3C TextQuoteSelector
  exact         TEXT NOT NULL CHECK (length(exact) > 0),
  prefix        TEXT NOT NULL,
  suffix        TEXT NOT NULL,
  -- W3C TextPositionSelector (end exclusive)
  start_offset  INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset    INTEGER NOT NULL CHECK (end_offset > start_offset),
  -- One of src/shared/status.ts's statuses.
  status        TEXT NOT NULL DEFAULT 'unverified',
  claimant      TEXT,
  -- 1 when re-anchoring could not place the claim in the current text.
  orphaned      INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
INSERT INTO claims_rebuilt (id, document_id, exact, prefix, suffix, start_offset, end_offset, status, claimant, orphaned, created_at, updated_at)
  SELECT id, document_id, exact, prefix, suffix, start_offset, end_offset, status, claimant, orphaned, created_at, updated_at FROM claims;
DROP TABLE claims;
ALTER TABLE claims_rebuilt RENAME TO claims;
CREATE INDEX claims_by_document ON claims (document_id, start_offset, end_offset);

CREATE TABLE sources_rebuilt (
  id            TEXT PRIMARY KEY,
  claim_id      TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  url           TEXT NOT NULL,
  title         TEXT,
  excerpt       TEXT,
  -- One of src/shared/model.ts's stances.
  stance        TEXT NOT NULL,
  accessed_at   TEXT,
  created_at    TEXT NOT NULL
) STRICT;
INSERT INTO sources_rebuilt (id, claim_id, url, title, excerpt, stance, accessed_at, created_at)
  SELECT id, claim_id, url, title, excerpt, stance, accessed_at, created_at FROM sources;
DROP TABLE sources;
ALTER TABLE sources_rebuilt RENAME TO sources;
CREATE INDEX sources_by_claim ON sources (claim_id, created_at);

-- Dropping a table drops its triggers: the search index's (0002), as they were.
CREATE TRIGGER claims_search_ai AFTER INSERT ON claims BEGIN
  INSERT INTO search_items (kind, item_id, document_id, claim_id, body) VALUES ('claim', new.id, new.document_id, new.id, new.exact);
END;
CREATE TRIGGER claims_search_au AFTER UPDATE OF exact ON claims BEGIN
  UPDATE search_items SET body = new.exact WHERE item_id = new.id;
END;
CREATE TRIGGER claims_search_ad AFTER DELETE ON claims BEGIN
  DELETE FROM search_items WHERE item_id = old.id;
END;

CREATE TRIGGER sources_search_ai AFTER INSERT ON sources
WHEN coalesce(new.title, '') <> '' OR coalesce(new.excerpt, '') <> '' BEGIN
  INSERT INTO search_items (kind, item_id, document_id, claim_id, body)
  SELECT 'source', new.id, c.document_id, new.claim_id, trim(coalesce(new.title, '') || char(10) || coalesce(new.excerpt, ''))
  FROM claims c WHERE c.id = new.claim_id;
END;
CREATE TRIGGER sources_search_au AFTER UPDATE OF title, excerpt ON sources BEGIN
  DELETE FROM search_items WHERE item_id = old.id;
  INSERT INTO search_items (kind, item_id, document_id, claim_id, body)
  SELECT 'source', new.id, c.document_id, new.claim_id, trim(coalesce(new.title, '') || char(10) || coalesce(new.excerpt, ''))
  FROM claims c WHERE c.id = new.claim_id AND (coalesce(new.title, '') <> '' OR coalesce(new.excerpt, '') <> '');
END;
CREATE TRIGGER sources_search_ad AFTER DELETE ON sources BEGIN
  DELETE FROM search_items WHERE item_id = old.id;
END;
