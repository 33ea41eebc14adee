-- Claim numbers, counted in a row of their own. Migration 0004 kept a document's
-- last claim number in documents.claim_counter, so every new claim rewrote the
-- document's row — its whole text and content. Importing 30,000 claims took 19 s
-- and 100,000 more than ten minutes (it grew with the square of the size). The
-- counter now lives in claim_counters; documents.claim_counter is no longer
-- written (dropping the column would rebuild the documents table for nothing).
CREATE TABLE claim_counters (
  document_id  TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  counter      INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO claim_counters (document_id, counter) SELECT id, claim_counter FROM documents;

-- The same rule as 0004's: the next number, unless the claim brings its own (a
-- restore does); the counter never falls behind a number given.
DROP TRIGGER claims_numbered;
CREATE TRIGGER claims_numbered AFTER INSERT ON claims
BEGIN
  INSERT INTO claim_counters (document_id, counter) VALUES (NEW.document_id, coalesce(NEW.number, 1))
    ON CONFLICT (document_id) DO UPDATE SET counter = max(counter + (NEW.number IS NULL), coalesce(NEW.number, 0));
  UPDATE claims SET number = (SELECT counter FROM claim_counters WHERE document_id = NEW.document_id) WHERE id = NEW.id AND NEW.number IS NULL;
END;
