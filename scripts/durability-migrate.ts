/**
 * For scripts/durability.mjs: opens the library in the data directory given
 * as its argument with one more migration than ships (a test-only one, slow
 * enough to be killed midway: a new table of 300,000 rows and a change to
 * every document), prints "migrating" before and "migrated" after.
 * Run with `vite-node scripts/durability-migrate.ts DIR`.
 */
import { openLibrary } from '../src/main/library/library'
import { bundledMigrations, type Migration } from '../src/main/store/migrations'

/** Never shipped: only this script applies it, to copies of a library. */
export const durabilityMigration: Migration = {
  version: Math.max(...bundledMigrations.map((m) => m.version)) + 1,
  name: 'durability_test',
  sql: `CREATE TABLE durability_test (n INTEGER NOT NULL);
INSERT INTO durability_test (n) WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c LIMIT 300000) SELECT n FROM c;
UPDATE documents SET title = title || ' (migrated)';`
}

process.stdout.write('migrating\n')
openLibrary(process.argv[2]!, { migrations: [...bundledMigrations, durabilityMigration], program: 'the durability test’s migration' }).close()
process.stdout.write('migrated\n')
