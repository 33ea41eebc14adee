-- Claim assist, at scale. A counter that moves whenever prior fact-checks change, so
-- the in-memory recall index (src/main/service/priorFactChecks.ts) knows when
-- to rebuild — also after another process (the CLI) imported a feed.
CREATE TABLE prior_fact_checks_version (
  only     INTEGER PRIMARY KEY CHECK (only = 1),
  version  INTEGER NOT NULL
) STRICT;
INSERT INTO prior_fact_checks_version (only, version) VALUES (1, 0);

CREATE TRIGGER prior_fact_checks_version_ai AFTER INSERT ON prior_fact_checks BEGIN
  UPDATE prior_fact_checks_version SET version = version + 1;
END;
CREATE TRIGGER prior_fact_checks_version_ad AFTER DELETE ON prior_fact_checks BEGIN
  UPDATE prior_fact_checks_version SET version = version + 1;
END;
CREATE TRIGGER prior_fact_checks_version_au AFTER UPDATE ON prior_fact_checks BEGIN
  UPDATE prior_fact_checks_version SET version = version + 1;
END;

-- New prior fact-checks enter the search index in one statement after a
-- feed's rows (src/main/service/priorFactChecks.ts), not row by row: a
-- 100,000-item feed imports 2–3× faster. Updates and deletes keep their triggers.
DROP TRIGGER prior_fact_checks_ai;
