-- Claim assist (issue 13).

-- Suggestions the analyst dismissed, per document, by the sentence's text:
-- a new version of the document keeps them dismissed where the sentence stays.
CREATE TABLE suggestion_dismissals (
  document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence      TEXT NOT NULL,
  dismissed_at  TEXT NOT NULL,
  author        TEXT NOT NULL,
  PRIMARY KEY (document_id, sentence)
) STRICT;

-- Fact-checks published elsewhere (ClaimReview feeds), to find what was
-- checked before. One row per reviewed claim and address.
CREATE TABLE prior_fact_checks (
  id              INTEGER PRIMARY KEY,
  url             TEXT NOT NULL CHECK (url LIKE 'http://%' OR url LIKE 'https://%'),
  claim_reviewed  TEXT NOT NULL,
  -- The review's headline, when the feed gives one.
  title           TEXT,
  rating          TEXT,
  publisher       TEXT,
  claimant        TEXT,
  reviewed_at     TEXT,
  language        TEXT,
  imported_at     TEXT NOT NULL,
  -- Words for matching (lower-cased; Han text as character pairs), made by
  -- src/shared/assist/matching.ts: FTS5 indexes these, not the raw text.
  terms           TEXT NOT NULL,
  UNIQUE (url, claim_reviewed)
) STRICT;

CREATE VIRTUAL TABLE prior_fact_check_index USING fts5(
  terms,
  content = 'prior_fact_checks',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER prior_fact_checks_ai AFTER INSERT ON prior_fact_checks BEGIN
  INSERT INTO prior_fact_check_index (rowid, terms) VALUES (new.id, new.terms);
END;
CREATE TRIGGER prior_fact_checks_ad AFTER DELETE ON prior_fact_checks BEGIN
  INSERT INTO prior_fact_check_index (prior_fact_check_index, rowid, terms) VALUES ('delete', old.id, old.terms);
END;
CREATE TRIGGER prior_fact_checks_au AFTER UPDATE ON prior_fact_checks BEGIN
  INSERT INTO prior_fact_check_index (prior_fact_check_index, rowid, terms) VALUES ('delete', old.id, old.terms);
  INSERT INTO prior_fact_check_index (rowid, terms) VALUES (new.id, new.terms);
END;
