-- Publishing (issue 12): who publishes, how the desk rates, what readers see.

-- The organisation that publishes the fact-checks: one row, absent until set.
CREATE TABLE organisation (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
  web_address   TEXT,
  -- PNG or JPEG, at most 1 MB (checked by the shared field rules).
  logo          BLOB,
  logo_type     TEXT,
  CHECK ((logo IS NULL) = (logo_type IS NULL))
) STRICT;

-- The desk's own words for each verdict. A verdict without a row uses the
-- default label and definition (src/shared/scale.ts); the verdict codes stay.
CREATE TABLE rating_scale (
  status        TEXT PRIMARY KEY,
  label         TEXT NOT NULL CHECK (length(trim(label)) > 0),
  definition    TEXT NOT NULL
) STRICT;

-- The public explanation of a verdict, separate from the desk's notes.
ALTER TABLE claims ADD COLUMN rationale TEXT NOT NULL DEFAULT '';
-- Who marked the claim: W3C `creator`. Earlier claims take it from their history.
ALTER TABLE claims ADD COLUMN created_by TEXT;
UPDATE claims SET created_by = (
  SELECT author FROM claim_history h WHERE h.claim_id = claims.id AND h.action = 'created' ORDER BY seq LIMIT 1
);

-- Notes are internal unless made public.
ALTER TABLE notes ADD COLUMN public INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0, 1));

-- The editor's summary, and where and when the fact-check is published.
ALTER TABLE documents ADD COLUMN conclusion TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN publication_url TEXT;
ALTER TABLE documents ADD COLUMN publication_date TEXT;
