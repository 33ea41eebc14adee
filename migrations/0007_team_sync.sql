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

-- The triggers that turn each change of a replicated row into an event are made by
-- src/main/team/triggers.ts when the library joins a team (and again at each start, so
-- columns that later migrations add travel too): a library without a team has none.
