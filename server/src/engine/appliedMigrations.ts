/**
 * A versioned migration file (golang-migrate `0003_x.up.sql`, goose and dbmate `20240101120000_x.sql`,
 * Flyway `V3__x.sql`): the runner applies each version once and records it (many checksum it), so
 * an applied migration is history. Its old names stay as written; a schema change is a new
 * migration. A repeatable Flyway migration (`R__x.sql`) runs again when it changes, and a schema
 * snapshot (`schema.sql`) is the current schema: both are judged like any SQL.
 */
const VERSIONED = /^(?:\d+_[^/]*|[VU]\d+(?:[._]\d+)*__[^/]*)\.sql$/i;

export const APPLIED_MIGRATION = 'a versioned migration file is history: change the schema in a new migration';

export function isVersionedMigration(path: string | undefined): boolean {
  if (!path) return false;
  return VERSIONED.test(path.slice(path.lastIndexOf('/') + 1));
}
