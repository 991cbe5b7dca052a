import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { checkedBackup } from '../../store/upgrade.js';

/**
 * Writes a consistent copy of the live database to `file` with `VACUUM INTO`: one read transaction, so the bot
 * goes on writing meanwhile, and the copy holds no freed pages (nothing deleted earlier survives in it).
 */
export function backupDatabase(databasePath: string, file: string): { path: string; bytes: number } {
  const target = resolve(file);
  if (existsSync(target)) throw new Error(`${target} exists already; a backup never overwrites a file`);
  mkdirSync(dirname(target), { recursive: true });
  // Not read-only: a read-only connection cannot open a WAL file whose shared-memory file is missing. It only reads.
  const db = new Database(databasePath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
  const copy = new Database(target, { readonly: true });
  try {
    return checkedBackup(copy, target);
  } finally {
    copy.close();
  }
}
