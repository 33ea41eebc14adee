-- Issue 11: stable claim numbers, a claimant registry, tags without case.

-- A claim's number in its document: given when it is made, never reused or shifted.
-- documents.claim_counter is the last number given; it only grows, so the number of
-- a deleted claim is never given again (its restore brings the same number back).
ALTER TABLE documents ADD COLUMN claim_counter INTEGER NOT NULL DEFAULT 0;
ALTER TABLE claims ADD COLUMN number INTEGER CHECK (number > 0);

-- Existing claims are numbered in text order.
UPDATE claims SET number = r.n
FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY document_id ORDER BY start_offset, end_offset, created_at, id) AS n FROM claims) AS r
WHERE r.id = claims.id;
UPDATE documents SET claim_counter = (SELECT coalesce(max(number), 0) FROM claims WHERE document_id = documents.id);
CREATE UNIQUE INDEX claims_number ON claims (document_id, number);

-- Every writer (marking, the JSON-LD import, restore) gets the next number from here,
-- unless it brings the claim's own (a restore does); the counter never falls behind a number given.
CREATE TRIGGER claims_numbered AFTER INSERT ON claims
BEGIN
  UPDATE documents SET claim_counter = max(claim_counter + (NEW.number IS NULL), coalesce(NEW.number, 0)) WHERE id = NEW.document_id;
  UPDATE claims SET number = (SELECT claim_counter FROM documents WHERE id = NEW.document_id) WHERE id = NEW.id AND NEW.number IS NULL;
END;

-- Claimants: who made claims, reused across documents (autocomplete), with a role or affiliation.
CREATE TABLE claimants (
  name          TEXT PRIMARY KEY COLLATE NOCASE CHECK (length(trim(name)) > 0),
  role          TEXT,
  created_at    TEXT NOT NULL
) STRICT;
INSERT OR IGNORE INTO claimants (name, role, created_at)
  SELECT claimant, NULL, min(created_at) FROM claims WHERE claimant IS NOT NULL AND length(trim(claimant)) > 0
  GROUP BY claimant ORDER BY min(created_at);

-- Tags are one tag whatever their case: "Jobs" and "jobs" become the spelling used first.
DELETE FROM claim_tags AS t
WHERE EXISTS (SELECT 1 FROM claim_tags u WHERE u.claim_id = t.claim_id AND lower(u.tag) = lower(t.tag) AND u.tag < t.tag);
UPDATE claim_tags SET tag = s.spelling
FROM (
  SELECT key, spelling FROM (
    SELECT lower(t.tag) AS key, t.tag AS spelling,
           ROW_NUMBER() OVER (PARTITION BY lower(t.tag) ORDER BY c.created_at, t.tag) AS n
    FROM claim_tags t JOIN claims c ON c.id = t.claim_id
  ) WHERE n = 1
) AS s
WHERE s.key = lower(claim_tags.tag) AND claim_tags.tag <> s.spelling;
