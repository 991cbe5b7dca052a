import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, pendingMigrations, refuseNewer } from './db.js';
import type { Migration } from './migrations/index.js';

/** What `npm run migrate` did to a database file. */
export type Upgrade =
  | { kind: 'created'; path: string; applied: readonly Migration[] }
  | { kind: 'current'; path: string }
  | { kind: 'migrated'; path: string; backup: { path: string; bytes: number }; applied: readonly Migration[] };

/** Every version is judged: an upgrade is given every migration of the build, the adapters' too. */
const EVERY_VERSION = () => true;

/**
 * Brings the file at `path` up to `migrations` (all of the build's), forward only. A file a newer build has
 * migrated is refused (NewerDatabaseError) before anything is written; a file with nothing pending is left
 * alone; otherwise a consistent copy is taken first with SQLite's online backup API, in `backupDir` (default:
 * beside the file) under a name with the time (`at`, the wall clock), and checked before anything changes.
 */
export async function upgradeDatabase(
  path: string,
  migrations: readonly Migration[],
  options: { backupDir?: string | undefined; at: Date },
): Promise<Upgrade> {
  const file = resolve(path);
  if (!existsSync(file)) {
    const db = openDatabase(file, migrations, EVERY_VERSION);
    db.close();
    return { kind: 'created', path: file, applied: [...migrations].sort((a, b) => a.version - b.version) };
  }
  // Not read-only: a read-only connection cannot open a WAL file whose shared-memory file is missing. It only reads.
  const db = new Database(file, { fileMustExist: true });
  let pending: Migration[];
  let backup: { path: string; bytes: number };
  try {
    db.pragma('busy_timeout = 5000');
    refuseNewer(db, migrations, EVERY_VERSION);
    pending = pendingMigrations(db, migrations);
    if (pending.length === 0) return { kind: 'current', path: file };
    backup = await backUp(db, backupPath(file, options.backupDir, options.at));
  } finally {
    db.close();
  }
  openDatabase(file, migrations, EVERY_VERSION).close();
  return { kind: 'migrated', path: file, backup, applied: pending };
}

/** `plc.sqlite` → `plc-2026-08-20T061500Z.sqlite`: sorts by time, and has no colon for filesystems that refuse one. */
export function backupPath(file: string, dir: string | undefined, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '');
  const ext = extname(file) || '.sqlite';
  return join(dir ? resolve(dir) : dirname(file), `${basename(file, extname(file))}-${stamp}${ext}`);
}

/** Copies `db` to `target` page by page while others may go on writing, then checks the copy. */
async function backUp(db: Database.Database, target: string): Promise<{ path: string; bytes: number }> {
  if (existsSync(target)) throw new Error(`${target} exists already; a backup never overwrites a file`);
  mkdirSync(dirname(target), { recursive: true });
  await db.backup(target);
  const copy = new Database(target, { fileMustExist: true });
  try {
    // The copy keeps the source's WAL mode; a rollback journal makes it one self-contained file to keep or move.
    copy.pragma('journal_mode = DELETE');
    return checkedBackup(copy, target);
  } finally {
    copy.close();
  }
}

/** A backup's copy, open at `target`, checked whole (refused unless SQLite finds it sound), and its size. */
export function checkedBackup(copy: Database.Database, target: string): { path: string; bytes: number } {
  const check = copy.pragma('integrity_check', { simple: true });
  if (check !== 'ok') throw new Error(`the backup at ${target} fails its integrity check: ${String(check)}`);
  const pages = copy.pragma('page_count', { simple: true }) as number;
  const size = copy.pragma('page_size', { simple: true }) as number;
  return { path: target, bytes: pages * size };
}
