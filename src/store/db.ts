import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Migration } from './migrations/index.js';

export type Db = Database.Database;

/** Opens (creating if needed) the SQLite file, sets it up for concurrent use and runs `migrations`. */
export function openDatabase(path: string, migrations: readonly Migration[]): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  // Deleted rows are overwritten with zeros, not only unlinked: "forget me" leaves no byte of them in the file.
  db.pragma('secure_delete = ON');
  migrate(db, migrations);
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
  db.exec('VACUUM');
  // Bookkeeping for admins, like a migration's time: the wall clock, not product time.
  db.prepare("INSERT INTO meta (key, value) VALUES (?, datetime('now')) ON CONFLICT (key) DO NOTHING").run(SECURE_DELETE_KEY);
}

/**
 * Runs every migration the file has not applied yet, by version, each in its own transaction. Applied versions are
 * a set, not a high-water mark, so a capability's block can gain a version below another's.
 */
export function migrate(db: Db, all: readonly Migration[]): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const done = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((r) => (r as { version: number }).version),
  );
  for (const m of [...all].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      // The wall-clock time of a migration is bookkeeping for admins, not product time.
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, datetime('now'))").run(m.version, m.name);
    })();
  }
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
