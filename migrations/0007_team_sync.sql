-- Team library (issue 14): the local half of syncing with a PostgreSQL team library.
-- Nothing here does anything until the library joins a team (sync_state.recording = 1):
-- a library without a team writes exactly what it wrote before.

-- Sign-off: the verdict an editor approved, who (their PostgreSQL role) and when. A claim
-- is approved while approved_status equals its status; any later verdict is proposed again.
ALTER TABLE claims ADD COLUMN approved_status TEXT;
ALTER TABLE claims ADD COLUMN approved_by TEXT;
ALTER TABLE claims ADD COLUMN approved_at TEXT;

-- One row: the team library this library syncs with, and the hybrid logical clock.
CREATE TABLE sync_state (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  -- postgres://role@host:port/database — never a password (those come from PGPASSWORD or ~/.pgpass).
  url           TEXT,
  -- The PostgreSQL role this library signs in as; the server stamps it on every event.
  role          TEXT,
  editor        INTEGER NOT NULL DEFAULT 0 CHECK (editor IN (0, 1)),
  -- 1 while changes are recorded as events (joined, and not applying others' events).
  recording     INTEGER NOT NULL DEFAULT 0 CHECK (recording IN (0, 1)),
  -- Hybrid logical clock: milliseconds × 1024 + a counter; never goes back, and moves
  -- past every clock it sees in others' events.
  hlc           INTEGER NOT NULL DEFAULT 0,
  -- The last server sequence number pulled and applied.
  cursor        INTEGER NOT NULL DEFAULT 0,
  last_sync     TEXT,
  last_error    TEXT
) STRICT;
INSERT INTO sync_state (id) VALUES (1);

-- Every event this library knows, its own and the team's: the log that rows are computed
-- from. Own events wait here with pushed = 0 until the server has them (the outbox).
CREATE TABLE sync_events (
  id            TEXT PRIMARY KEY,
  hlc           INTEGER NOT NULL,
  author        TEXT NOT NULL,
  -- The table and row: documents, claims, claim_tags, notes, sources.
  entity        TEXT NOT NULL,
  key           TEXT NOT NULL,
  -- The row it belongs to (a claim's document, a note's claim): applied after it.
  parent        TEXT,
  op            TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
  -- The row after the change, and before it (updates): the fields that differ are the change.
  data          TEXT CHECK (data IS NULL OR json_valid(data)),
  old           TEXT CHECK (old IS NULL OR json_valid(old)),
  pushed        INTEGER NOT NULL DEFAULT 0 CHECK (pushed IN (0, 1))
) STRICT;
CREATE INDEX sync_events_by_row ON sync_events (entity, key, hlc, id);
CREATE INDEX sync_events_by_parent ON sync_events (parent);
CREATE INDEX sync_events_outbox ON sync_events (pushed) WHERE pushed = 0;

-- Rows whose events say they exist but whose parent is not here yet (out-of-order delivery,
-- or a claim deleted elsewhere): retried after every pull.
CREATE TABLE sync_pending (
  entity        TEXT NOT NULL,
  key           TEXT NOT NULL,
  PRIMARY KEY (entity, key)
) STRICT, WITHOUT ROWID;

-- Values that lost to a later one written without having seen them ("changed by X while
-- you were offline"). Recomputed with the row, so every replica shows the same ones.
CREATE TABLE sync_conflicts (
  -- The event whose value won over a value it had not seen.
  event_id      TEXT NOT NULL,
  field         TEXT NOT NULL,
  claim_id      TEXT NOT NULL,
  kept          TEXT,
  kept_by       TEXT NOT NULL,
  lost          TEXT,
  lost_by       TEXT NOT NULL,
  PRIMARY KEY (event_id, field)
) STRICT;
CREATE INDEX sync_conflicts_by_claim ON sync_conflicts (claim_id);

-- Triggers: each change to a replicated row becomes an event, stamped with the clock.
-- Generated from the column lists (one trigger per table and kind); a migration that adds
-- a replicated column must recreate the table's triggers and the sync_rows view.
CREATE TRIGGER sync_documents_insert AFTER INSERT ON documents WHEN (SELECT recording FROM sync_state) = 1
BEGIN
  UPDATE sync_state SET hlc = max(hlc + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1024);
  INSERT INTO sync_events (id, hlc, author, entity, key, parent, op, data, old)
  SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), hlc, role, 'documents', NEW.id, NULL, 'upsert',
    json_object('id', NEW.id, 'title', NEW.title, 'source_url', NEW.source_url, 'publisher', NEW.publisher, 'author', NEW.author, 'published_at', NEW.published_at, 'language', NEW.language, 'imported_at', NEW.imported_at, 'text', NEW.text, 'content', NEW.content, 'origin', NEW.origin, 'version', NEW.version),
    NULL
  FROM sync_state;
END;

CREATE TRIGGER sync_documents_update AFTER UPDATE ON documents WHEN (SELECT recording FROM sync_state) = 1
BEGIN
  UPDATE sync_state SET hlc = max(hlc + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1024);
  INSERT INTO sync_events (id, hlc, author, entity, key, parent, op, data, old)
  SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), hlc, role, 'documents', NEW.id, NULL, 'upsert',
    json_object('id', NEW.id, 'title', NEW.title, 'source_url', NEW.source_url, 'publisher', NEW.publisher, 'author', NEW.author, 'published_at', NEW.published_at, 'language', NEW.language, 'imported_at', NEW.imported_at, 'text', NEW.text, 'content', NEW.content, 'origin', NEW.origin, 'version', NEW.version),
    json_object('id', OLD.id, 'title', OLD.title, 'source_url', OLD.source_url, 'publisher', OLD.publisher, 'author', OLD.author, 'published_at', OLD.published_at, 'language', OLD.language, 'imported_at', OLD.imported_at, 'text', OLD.text, 'content', OLD.content, 'origin', OLD.origin, 'version', OLD.version)
  FROM sync_state;
END;

CREATE TRIGGER sync_documents_delete AFTER DELETE ON documents WHEN (SELECT recording FROM sync_state) = 1
BEGIN
  UPDATE sync_state SET hlc = max(hlc + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1024);
  INSERT INTO sync_events (id, hlc, author, entity, key, parent, op, data, old)
  SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), hlc, role, 'documents', OLD.id, NULL, 'delete',
    NULL,
    NULL
  FROM sync_state;
END;

CREATE TRIGGER sync_claims_insert AFTER INSERT ON claims WHEN (SELECT recording FROM sync_state) = 1
BEGIN
  UPDATE sync_state SET hlc = max(hlc + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1024);
  INSERT INTO sync_events (id, hlc, author, entity, key, parent, op, data, old)
  SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), hlc, role, 'claims', NEW.id, NEW.document_id, 'upsert',
    json_object('id', NEW.id, 'document_id', NEW.document_id, 'exact', NEW.exact, 'prefix', NEW.prefix, 'suffix', NEW.suffix, 'start_offset', NEW.start_offset, 'end_offset', NEW.end_offset, 'status', NEW.status, 'claimant', NEW.claimant, 'orphaned', NEW.orphaned, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'approved_status', NEW.approved_status, 'approved_by', NEW.approved_by, 'approved_at', NEW.approved_at),
    NULL
  FROM sync_state;
END;

CREATE TRIGGER sync_claims_update AFTER UPDATE ON claims WHEN (SELECT recording FROM sync_state) = 1
BEGIN
  UPDATE sync_state SET hlc = max(hlc + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1024);
  INSERT INTO sync_events (id, hlc, author, entity, key, parent, op, data, old)
  SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), hlc, role, 'claims', NEW.id, NEW.document_id, 'upsert',
    json_object('id', NEW.id, 'document_id', NEW.document_id, 'exact', NEW.exact, 'prefix', NEW.prefix, 'suffix', NEW.suffix, 'start_offset', NEW.start_offset, 'end_offset', NEW.end_offset, 'status', NEW.status, 'claimant', NEW.claimant, 'orphaned', NEW.orphaned, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'approved_status', NEW.approved_status, 'approved_by', NEW.approved_by, 'approved_at', NEW.approved_at),
    json_object('id', OLD.id, 'document_id', OLD.document_id, 'exact', OLD.exact, 'prefix', OLD.prefix, 'suffix', OLD.suffix, 'start_offset', OLD.start_offset, 'end_offset', OLD.end_offset, 'status', OLD.status, 'claimant', OLD.claimant, 'orphaned', OLD.orphaned, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'approved_status', OLD.approved_status, 'approved_by', OLD.approved_by, 'approved_at', OLD.approved_at)
  FROM sync_state;
END;

CREATE TRIGGER sync_claims_delete AFTER DELETE ON claims WHEN (SELECT recording FROM sync_state) = 1
BEGIN
  UPDATE sync_state SET hlc = max(hlc + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1024);
  INSERT INTO sync_events (id, hlc, author, entity, key, parent, op, data, old)
  SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), hlc, role, 'claims', OLD.id, OLD.document_id, 'delete',
    NULL,
    NULL
  FROM sync_state;
END;

CREATE TRIGGER sync_claim_tags_insert AFTER INSERT ON claim_tags WHEN (SELECT recording FROM sync_state) = 1
BEGIN
  UPDATE sync_state SET hlc = max(hlc + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1024);
  INSERT INTO sync_events (id, hlc, author, entity, key, parent, op, data, old)
  SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), hlc, role, 'claim_tags', json_array(NEW.claim_id, NEW.tag), NEW.claim_id, 'upsert',
    json_object('claim_id', NEW.claim_id, 'tag', NEW.tag),
    NULL
  FROM sync_state;
END;

CREATE TRIGGER sync_claim_tags_update AFTER UPDATE ON claim_tags WHEN (SELECT recording FROM sync_state) = 1
BEGIN
  UPDATE sync_state SET hlc = max(hlc + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1024);
  INSERT INTO sync_events (id, hlc, author, entity, key, parent, op, data, old)
  SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), hlc, role, 'claim_tags', json_array(NEW.claim_id, NEW.tag), NEW.claim_id, 'upsert',
    json_object('claim_id', NEW.claim_id, 'tag', NEW.tag),
    json_object('claim_id', OLD.claim_id, 'tag', OLD.tag)
  FROM sync_state;
END;

CREATE TRIGGER sync_claim_tags_delete AFTER DELETE ON claim_tags WHEN (SELECT recording FROM sync_state) = 1
BEGIN
  UPDATE sync_state SET hlc = max(hlc + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1024);
  INSERT INTO sync_events (id, hlc, author, entity, key, parent, op, data, old)
  SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), hlc, role, 'claim_tags', json_array(OLD.claim_id, OLD.tag), OLD.claim_id, 'delete',
    NULL,
    NULL
  FROM sync_state;
END;

CREATE TRIGGER sync_notes_insert AFTER INSERT ON notes WHEN (SELECT recording FROM sync_state) = 1
BEGIN
  UPDATE sync_state SET hlc = max(hlc + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1024);
  INSERT INTO sync_events (id, hlc, author, entity, key, parent, op, data, old)
  SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), hlc, role, 'notes', NEW.id, NEW.claim_id, 'upsert',
    json_object('id', NEW.id, 'claim_id', NEW.claim_id, 'author', NEW.author, 'body', NEW.body, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
    NULL
  FROM sync_state;
END;

CREATE TRIGGER sync_notes_update AFTER UPDATE ON notes WHEN (SELECT recording FROM sync_state) = 1
BEGIN
  UPDATE sync_state SET hlc = max(hlc + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1024);
  INSERT INTO sync_events (id, hlc, author, entity, key, parent, op, data, old)
  SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), hlc, role, 'notes', NEW.id, NEW.claim_id, 'upsert',
    json_object('id', NEW.id, 'claim_id', NEW.claim_id, 'author', NEW.author, 'body', NEW.body, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
    json_object('id', OLD.id, 'claim_id', OLD.claim_id, 'author', OLD.author, 'body', OLD.body, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at)
  FROM sync_state;
END;

CREATE TRIGGER sync_notes_delete AFTER DELETE ON notes WHEN (SELECT recording FROM sync_state) = 1
BEGIN
  UPDATE sync_state SET hlc = max(hlc + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1024);
  INSERT INTO sync_events (id, hlc, author, entity, key, parent, op, data, old)
  SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), hlc, role, 'notes', OLD.id, OLD.claim_id, 'delete',
    NULL,
    NULL
  FROM sync_state;
END;

CREATE TRIGGER sync_sources_insert AFTER INSERT ON sources WHEN (SELECT recording FROM sync_state) = 1
BEGIN
  UPDATE sync_state SET hlc = max(hlc + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1024);
  INSERT INTO sync_events (id, hlc, author, entity, key, parent, op, data, old)
  SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), hlc, role, 'sources', NEW.id, NEW.claim_id, 'upsert',
    json_object('id', NEW.id, 'claim_id', NEW.claim_id, 'url', NEW.url, 'title', NEW.title, 'excerpt', NEW.excerpt, 'stance', NEW.stance, 'accessed_at', NEW.accessed_at, 'created_at', NEW.created_at),
    NULL
  FROM sync_state;
END;

CREATE TRIGGER sync_sources_update AFTER UPDATE ON sources WHEN (SELECT recording FROM sync_state) = 1
BEGIN
  UPDATE sync_state SET hlc = max(hlc + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1024);
  INSERT INTO sync_events (id, hlc, author, entity, key, parent, op, data, old)
  SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), hlc, role, 'sources', NEW.id, NEW.claim_id, 'upsert',
    json_object('id', NEW.id, 'claim_id', NEW.claim_id, 'url', NEW.url, 'title', NEW.title, 'excerpt', NEW.excerpt, 'stance', NEW.stance, 'accessed_at', NEW.accessed_at, 'created_at', NEW.created_at),
    json_object('id', OLD.id, 'claim_id', OLD.claim_id, 'url', OLD.url, 'title', OLD.title, 'excerpt', OLD.excerpt, 'stance', OLD.stance, 'accessed_at', OLD.accessed_at, 'created_at', OLD.created_at)
  FROM sync_state;
END;

CREATE TRIGGER sync_sources_delete AFTER DELETE ON sources WHEN (SELECT recording FROM sync_state) = 1
BEGIN
  UPDATE sync_state SET hlc = max(hlc + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1024);
  INSERT INTO sync_events (id, hlc, author, entity, key, parent, op, data, old)
  SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), hlc, role, 'sources', OLD.id, OLD.claim_id, 'delete',
    NULL,
    NULL
  FROM sync_state;
END;


-- Every replicated row as an event would carry it: what joining a team library sends first.
CREATE VIEW sync_rows AS
SELECT 'documents' AS entity, id AS key, NULL AS parent, json_object('id', documents.id, 'title', documents.title, 'source_url', documents.source_url, 'publisher', documents.publisher, 'author', documents.author, 'published_at', documents.published_at, 'language', documents.language, 'imported_at', documents.imported_at, 'text', documents.text, 'content', documents.content, 'origin', documents.origin, 'version', documents.version) AS data FROM documents
UNION ALL
SELECT 'claims' AS entity, id AS key, document_id AS parent, json_object('id', claims.id, 'document_id', claims.document_id, 'exact', claims.exact, 'prefix', claims.prefix, 'suffix', claims.suffix, 'start_offset', claims.start_offset, 'end_offset', claims.end_offset, 'status', claims.status, 'claimant', claims.claimant, 'orphaned', claims.orphaned, 'created_at', claims.created_at, 'updated_at', claims.updated_at, 'approved_status', claims.approved_status, 'approved_by', claims.approved_by, 'approved_at', claims.approved_at) AS data FROM claims
UNION ALL
SELECT 'claim_tags' AS entity, json_array(claim_id, tag) AS key, claim_id AS parent, json_object('claim_id', claim_tags.claim_id, 'tag', claim_tags.tag) AS data FROM claim_tags
UNION ALL
SELECT 'notes' AS entity, id AS key, claim_id AS parent, json_object('id', notes.id, 'claim_id', notes.claim_id, 'author', notes.author, 'body', notes.body, 'created_at', notes.created_at, 'updated_at', notes.updated_at) AS data FROM notes
UNION ALL
SELECT 'sources' AS entity, id AS key, claim_id AS parent, json_object('id', sources.id, 'claim_id', sources.claim_id, 'url', sources.url, 'title', sources.title, 'excerpt', sources.excerpt, 'stance', sources.stance, 'accessed_at', sources.accessed_at, 'created_at', sources.created_at) AS data FROM sources;

