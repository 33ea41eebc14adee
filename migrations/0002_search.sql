-- Full-text search over every document's text, claim quotes, notes and
-- source titles and excerpts. One row per searchable thing in search_items
-- (an explicit INTEGER PRIMARY KEY, so VACUUM cannot renumber it), indexed by
-- an external-content FTS5 table with the trigram tokenizer: it finds any
-- substring of three characters or more, so Chinese and Persian text is found
-- without word segmentation. Triggers keep both in step with the data.

CREATE TABLE search_items (
  id            INTEGER PRIMARY KEY,
  -- document, claim, note, source
  kind          TEXT NOT NULL CHECK (kind IN ('document', 'claim', 'note', 'source')),
  -- The id of the document, claim, note or source this row indexes.
  item_id       TEXT NOT NULL UNIQUE,
  document_id   TEXT NOT NULL,
  claim_id      TEXT,
  body          TEXT NOT NULL
) STRICT;
CREATE INDEX search_items_by_document ON search_items (document_id);

CREATE VIRTUAL TABLE search_index USING fts5(
  body,
  content = 'search_items',
  content_rowid = 'id',
  tokenize = 'trigram'
);

-- search_items → search_index (the external-content pattern from the FTS5 docs).
CREATE TRIGGER search_items_ai AFTER INSERT ON search_items BEGIN
  INSERT INTO search_index (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER search_items_ad AFTER DELETE ON search_items BEGIN
  INSERT INTO search_index (search_index, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER search_items_au AFTER UPDATE ON search_items BEGIN
  INSERT INTO search_index (search_index, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO search_index (rowid, body) VALUES (new.id, new.body);
END;

-- documents
CREATE TRIGGER documents_search_ai AFTER INSERT ON documents BEGIN
  INSERT INTO search_items (kind, item_id, document_id, body) VALUES ('document', new.id, new.id, new.text);
END;
CREATE TRIGGER documents_search_au AFTER UPDATE OF text ON documents BEGIN
  UPDATE search_items SET body = new.text WHERE item_id = new.id;
END;
CREATE TRIGGER documents_search_ad AFTER DELETE ON documents BEGIN
  DELETE FROM search_items WHERE document_id = old.id;
END;

-- claims
CREATE TRIGGER claims_search_ai AFTER INSERT ON claims BEGIN
  INSERT INTO search_items (kind, item_id, document_id, claim_id, body) VALUES ('claim', new.id, new.document_id, new.id, new.exact);
END;
CREATE TRIGGER claims_search_au AFTER UPDATE OF exact ON claims BEGIN
  UPDATE search_items SET body = new.exact WHERE item_id = new.id;
END;
CREATE TRIGGER claims_search_ad AFTER DELETE ON claims BEGIN
  DELETE FROM search_items WHERE item_id = old.id;
END;

-- notes
CREATE TRIGGER notes_search_ai AFTER INSERT ON notes BEGIN
  INSERT INTO search_items (kind, item_id, document_id, claim_id, body)
  SELECT 'note', new.id, c.document_id, new.claim_id, new.body FROM claims c WHERE c.id = new.claim_id;
END;
CREATE TRIGGER notes_search_au AFTER UPDATE OF body ON notes BEGIN
  UPDATE search_items SET body = new.body WHERE item_id = new.id;
END;
CREATE TRIGGER notes_search_ad AFTER DELETE ON notes BEGIN
  DELETE FROM search_items WHERE item_id = old.id;
END;

-- sources: the title and the excerpt, when there is either.
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

-- What the library already holds.
INSERT INTO search_items (kind, item_id, document_id, body) SELECT 'document', id, id, text FROM documents;
INSERT INTO search_items (kind, item_id, document_id, claim_id, body) SELECT 'claim', id, document_id, id, exact FROM claims;
INSERT INTO search_items (kind, item_id, document_id, claim_id, body)
  SELECT 'note', n.id, c.document_id, n.claim_id, n.body FROM notes n JOIN claims c ON c.id = n.claim_id;
INSERT INTO search_items (kind, item_id, document_id, claim_id, body)
  SELECT 'source', s.id, c.document_id, s.claim_id, trim(coalesce(s.title, '') || char(10) || coalesce(s.excerpt, ''))
  FROM sources s JOIN claims c ON c.id = s.claim_id
  WHERE coalesce(s.title, '') <> '' OR coalesce(s.excerpt, '') <> '';
