-- Team library schema 1: the event log every Factmark library pushes to and pulls from.
-- Run by the database's owner through `factmark team init`, in one transaction.
-- Rights are PostgreSQL's: the group roles factmark_analyst and factmark_editor.

DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'factmark_analyst') THEN
    CREATE ROLE factmark_analyst NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'factmark_editor') THEN
    CREATE ROLE factmark_editor NOLOGIN;
  END IF;
END $$;
GRANT factmark_analyst TO factmark_editor;

CREATE SCHEMA factmark;
REVOKE ALL ON SCHEMA factmark FROM PUBLIC;
GRANT USAGE ON SCHEMA factmark TO factmark_analyst;

-- Which application and schema version this database holds.
CREATE TABLE factmark.meta (
  app       text NOT NULL CHECK (app = 'factmark'),
  version   integer NOT NULL
);
INSERT INTO factmark.meta VALUES ('factmark', 1);
GRANT SELECT ON factmark.meta TO factmark_analyst;

-- Document versions, immutable and named by the SHA-256 of their content (see
-- src/main/team/versions.ts): a document's text travels once, however many events name it.
CREATE TABLE factmark.versions (
  hash      text PRIMARY KEY,
  text      text NOT NULL,
  content   text NOT NULL,
  author    name NOT NULL DEFAULT current_user,
  CHECK (hash = encode(sha256(convert_to(text || content, 'UTF8')), 'hex'))
);
GRANT SELECT ON factmark.versions TO factmark_analyst;
GRANT INSERT (hash, text, content) ON factmark.versions TO factmark_analyst;

-- The events: immutable, in the order the server received them. The author is the role
-- that inserted the row (a column no one may write; its default is current_user).
CREATE TABLE factmark.events (
  seq       bigserial PRIMARY KEY,
  id        uuid NOT NULL UNIQUE,
  author    name NOT NULL DEFAULT current_user,
  hlc       bigint NOT NULL,
  entity    text NOT NULL CHECK (entity IN ('documents', 'claims', 'claim_tags', 'notes', 'sources')),
  key       text NOT NULL,
  parent    text,
  op        text NOT NULL CHECK (op IN ('upsert', 'delete')),
  data      jsonb,
  old       jsonb,
  received  timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT ON factmark.events TO factmark_analyst;
-- No UPDATE, no DELETE, and no author: the log is append-only and signed by the server.
GRANT INSERT (id, hlc, entity, key, parent, op, data, old) ON factmark.events TO factmark_analyst;
GRANT USAGE ON SEQUENCE factmark.events_seq_seq TO factmark_analyst;

-- Row-level security as a second lock: a row may only be written under its own author.
ALTER TABLE factmark.events ENABLE ROW LEVEL SECURITY;
CREATE POLICY events_read ON factmark.events FOR SELECT USING (true);
CREATE POLICY events_own ON factmark.events FOR INSERT WITH CHECK (author = current_user);

-- Inserts are serialised, so sequence numbers become visible in order and a reader's
-- cursor never steps over a row still being committed.
CREATE FUNCTION factmark.serialise_inserts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7462014);
  RETURN NULL;
END $$;
CREATE TRIGGER events_in_order BEFORE INSERT ON factmark.events
  FOR EACH STATEMENT EXECUTE FUNCTION factmark.serialise_inserts();

-- Sign-off: only an editor may approve a verdict, and only in their own name.
CREATE FUNCTION factmark.check_sign_off() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  field text;
BEGIN
  IF NEW.entity = 'claims' AND NEW.op = 'upsert' THEN
    FOREACH field IN ARRAY ARRAY['approved_status', 'approved_by', 'approved_at'] LOOP
      IF (NEW.data -> field) IS DISTINCT FROM (CASE WHEN NEW.old IS NULL THEN 'null'::jsonb ELSE NEW.old -> field END) THEN
        IF NOT pg_has_role(current_user, 'factmark_editor', 'MEMBER') THEN
          RAISE EXCEPTION 'only an editor can approve a verdict (% is not in factmark_editor)', current_user
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF (NEW.data ->> 'approved_by') IS NOT NULL AND NEW.data ->> 'approved_by' <> current_user THEN
          RAISE EXCEPTION 'a verdict can only be approved in the approver''s own name (%)', current_user
            USING ERRCODE = 'insufficient_privilege';
        END IF;
      END IF;
    END LOOP;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER events_sign_off BEFORE INSERT ON factmark.events
  FOR EACH ROW EXECUTE FUNCTION factmark.check_sign_off();

-- Live updates: listeners pull when told; the payload is the newest sequence number.
CREATE FUNCTION factmark.announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('factmark_events', '');
  RETURN NULL;
END $$;
CREATE TRIGGER events_announce AFTER INSERT ON factmark.events
  FOR EACH STATEMENT EXECUTE FUNCTION factmark.announce();
