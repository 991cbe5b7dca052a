import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { type Migration, RETIRED_MIGRATIONS } from './migrations/index.js';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the SQLite file, sets it up for concurrent use and runs `migrations`; refuses a file
 * that has applied a `judged` version none of them is (NewerDatabaseError).
 */
export function openDatabase(path: string, migrations: readonly Migration[], judged: Judged = () => false): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // Waits for another process's write lock instead of failing; the setting writes nothing to the file.
  db.pragma('busy_timeout = 5000');
  // Forward only: a file a newer build has migrated is refused before anything here writes to it.
  try {
    refuseNewer(db, migrations, judged);
  } catch (e) {
    db.close();
    throw e;
  }
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  // Up to 8 MiB of pages kept per connection (SQLite's default is 2 MiB): a school's hot indexes, so a command's
  // lookups read memory rather than the file. 64 MiB bought the write path nothing more and cost a district's
  // status summaries 48 MiB. Pages are only held once read.
  db.pragma('cache_size = -8192');
  // Deleted rows are overwritten with zeros, not only unlinked: "forget me" leaves no byte of them in the file.
  db.pragma('secure_delete = ON');
  // Temporary storage in memory. A savepoint (each command of a shared commit has one, and its writes another) keeps
  // the first copy of every page it changes in a sub-journal, which SQLite keeps in memory only up to 64 KiB and
  // then writes to a temporary file. A shared reflection changes about that many pages: in the write mix, each
  // commit of sixteen commands also wrote a temporary file about 35 times (2.2 writes a command, 17 for a shared
  // reflection), only ever read back to undo a command that failed.
  // Sorts are kept in memory too: a command's are small, and a migration that builds an index over a million rows
  // peaked about 70 MiB higher than on disk. VACUUM's copy of the whole file goes to a file (wipeFreedPages).
  db.pragma('temp_store = MEMORY');
  migrate(db, migrations, judged);
  wipeFreedPages(db);
  return db;
}

/** The meta key that says the file has been vacuumed since it runs with `secure_delete`. */
export const SECURE_DELETE_KEY = 'store.secureDeleteVacuumedAt';

/**
 * Pages freed before `secure_delete` was on may still hold deleted rows: one VACUUM, the first time a file is
 * opened this way, rewrites the file without them. The meta row says it has run.
 */
function wipeFreedPages(db: Db): void {
  if (db.name === ':memory:' || !db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get()) return;
  const done = db.prepare('SELECT 1 FROM meta WHERE key = ?').get(SECURE_DELETE_KEY);
  if (done) return;
  // VACUUM builds the whole new file in temporary storage before copying it back: on disk, not in memory.
  db.pragma('temp_store = FILE');
  try {
    db.exec('VACUUM');
  } finally {
    db.pragma('temp_store = MEMORY');
  }
  // Bookkeeping for admins, like a migration's time: the wall clock, not product time.
  db.prepare("INSERT INTO meta (key, value) VALUES (?, datetime('now')) ON CONFLICT (key) DO NOTHING").run(SECURE_DELETE_KEY);
}

/** Which applied versions a check judges: those it should know. Outside them another owner (an adapter) judges. */
export type Judged = (version: number) => boolean;

/**
 * A file migrated by a newer build than this one: it has applied versions this build does not know. Running on it
 * could misread tables the newer build changed, and migrations never run backwards, so it is refused whole.
 */
export class NewerDatabaseError extends Error {
  constructor(
    readonly path: string,
    readonly versions: readonly number[],
  ) {
    super(
      `${path} was migrated by a newer version of the bot: it has applied migration${versions.length === 1 ? '' : 's'} ` +
        `${versions.join(', ')}, which this version does not know. Migrations only go forward: run that newer version, ` +
        'or restore the backup taken before the upgrade (npm run migrate takes one).',
    );
    this.name = 'NewerDatabaseError';
  }
}

/** The versions the file has applied, none when it is new. */
export function appliedVersions(db: Db): Set<number> {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!table) return new Set();
  return new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((r) => (r as { version: number }).version),
  );
}

/** Applied versions among the `judged` that neither `known` nor a retired migration accounts for. */
export function unknownVersions(db: Db, known: readonly Migration[], judged: Judged): number[] {
  const names = new Set([...known, ...RETIRED_MIGRATIONS].map((m) => m.version));
  return [...appliedVersions(db)].filter((v) => judged(v) && !names.has(v)).sort((a, b) => a - b);
}

/** Throws NewerDatabaseError when the file has applied a judged version this build does not know. */
export function refuseNewer(db: Db, known: readonly Migration[], judged: Judged): void {
  const unknown = unknownVersions(db, known, judged);
  if (unknown.length > 0) throw new NewerDatabaseError(db.name, unknown);
}

/** The migrations of `all` the file has not applied yet, in the order they run. */
export function pendingMigrations(db: Db, all: readonly Migration[]): Migration[] {
  const done = appliedVersions(db);
  return [...all].filter((m) => !done.has(m.version)).sort((a, b) => a.version - b.version);
}

/**
 * Runs every migration the file has not applied yet, by version, each in its own transaction, and returns them.
 * Applied versions are a set, not a high-water mark, so a capability's block can gain a version below another's.
 * With `judged`, a file that has applied a judged version this build does not know is refused first.
 */
export function migrate(db: Db, all: readonly Migration[], judged: Judged = () => false): Migration[] {
  refuseNewer(db, all, judged);
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const pending = pendingMigrations(db, all);
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      // A migration that must look before it changes (a column an older migration may have added already).
      m.up?.(db);
      // The wall-clock time of a migration is bookkeeping for admins, not product time.
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, datetime('now'))").run(m.version, m.name);
    })();
  }
  return pending;
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement for `sql`, compiled once per database: preparing costs more than running most of ours. */
export function prepared(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/**
 * The rows of `sql` as arrays of `columns` (SQL over the query's own columns), written by SQLite as one JSON array
 * and read by JSON.parse: for reads of thousands of rows, such as a district's summary. better-sqlite3 makes a
 * value at a time, which for 2,600 meetings of six values took twice as long. Only for INTEGER and TEXT values:
 * JSON keeps a REAL to fifteen digits, and a BLOB cannot be written at all.
 */
export function jsonRows<T extends unknown[]>(db: Db, sql: string, columns: string, ...params: unknown[]): T[] {
  const json = prepared(db, `SELECT json_group_array(json_array(${columns})) FROM (${sql})`)
    .pluck()
    .get(...params) as string;
  return JSON.parse(json) as T[];
}
