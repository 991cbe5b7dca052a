import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SLACK_VERSIONS } from '../../adapters/slack/migrations/index.js';
import { TEAMS_VERSIONS } from '../../adapters/teams/migrations/index.js';
import { everyMigration, openBotStore } from '../../bin/store.js';
import { capabilities } from '../../src/capabilities.js';
import { NewerDatabaseError } from '../../src/store/db.js';
import { ADAPTER_VERSIONS, CORE_VERSIONS } from '../../src/store/migrations/index.js';
import { Store } from '../../src/store/store.js';
import { upgradeDatabase } from '../../src/store/upgrade.js';

/** Written by main's console before capabilities had folders (see old-database.test.ts): versions 1–5, 10, 20, 21. */
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'main-2026-12-01.sqlite');
const AT = new Date('2027-08-20T06:15:30.123Z');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plc-migrate-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const versionsOf = (db: Database.Database) =>
  (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
const tableNames = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
const columnsOf = (db: Database.Database, table: string) =>
  (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((r) => r.name);

/** A copy of the old file, with a version recorded that only a newer build would know. */
function newerDatabase(version: number): string {
  const path = join(dir, 'plc.sqlite');
  openBotStore(path).close();
  const db = new Database(path);
  db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from-a-newer-build', datetime('now'))").run(version);
  db.close();
  return path;
}

describe('npm run migrate, on a database of an older version', () => {
  it('takes a backup that opens with the old schema, then applies what is pending', async () => {
    const path = join(dir, 'plc.sqlite');
    copyFileSync(FIXTURE, path);
    const old = new Database(FIXTURE, { readonly: true });
    const oldVersions = versionsOf(old);
    const oldTables = tableNames(old);
    const communities = old.prepare('SELECT count(*) AS n FROM communities').get();
    old.close();

    const done = await upgradeDatabase(path, everyMigration(), { backupDir: join(dir, 'backups'), at: AT });

    if (done.kind !== 'migrated') throw new Error(`expected a migration, got ${done.kind}`);
    expect(done.backup.path).toBe(join(dir, 'backups', 'plc-2027-08-20T061530Z.sqlite'));
    expect(readdirSync(join(dir, 'backups'))).toEqual(['plc-2027-08-20T061530Z.sqlite']);
    const backup = new Database(done.backup.path, { readonly: true, fileMustExist: true });
    expect(versionsOf(backup)).toEqual(oldVersions);
    expect(tableNames(backup)).toEqual(oldTables);
    expect(columnsOf(backup, 'workspaces')).not.toContain('quiet_hours');
    expect(backup.prepare('SELECT count(*) AS n FROM communities').get()).toEqual(communities);
    backup.close();

    const expected = everyMigration()
      .map((m) => m.version)
      .filter((v) => !oldVersions.includes(v))
      .sort((a, b) => a - b);
    expect(done.applied.map((m) => m.version)).toEqual(expected);
    const live = new Database(path, { readonly: true });
    expect(versionsOf(live)).toEqual([...oldVersions, ...expected].sort((a, b) => a - b));
    expect(tableNames(live)).toEqual(expect.arrayContaining(['terms', 'audit_log', 'reflections', 'goals']));
    expect(columnsOf(live, 'workspaces')).toEqual(expect.arrayContaining(['quiet_hours', 'workdays']));
    expect(live.prepare('SELECT count(*) AS n FROM communities').get()).toEqual(communities);
    live.close();
  });

  it('puts the backup beside the database when no BACKUP_DIR is set', async () => {
    const path = join(dir, 'plc.sqlite');
    copyFileSync(FIXTURE, path);
    const done = await upgradeDatabase(path, everyMigration(), { at: AT });
    expect(done.kind === 'migrated' && done.backup.path).toBe(join(dir, 'plc-2027-08-20T061530Z.sqlite'));
    // One self-contained file: no journal or shared-memory file left beside the copy.
    expect(readdirSync(dir).sort()).toEqual(['plc-2027-08-20T061530Z.sqlite', 'plc.sqlite']);
  });

  it('changes nothing and takes no backup when nothing is pending', async () => {
    const path = join(dir, 'plc.sqlite');
    openBotStore(path).close();
    const before = readFileSync(path);
    expect(await upgradeDatabase(path, everyMigration(), { at: AT })).toEqual({ kind: 'current', path });
    expect(readdirSync(dir)).toEqual(['plc.sqlite']);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('creates a missing database with every migration, with nothing to back up', async () => {
    const path = join(dir, 'new', 'plc.sqlite');
    const done = await upgradeDatabase(path, everyMigration(), { at: AT });
    expect(done.kind).toBe('created');
    expect(readdirSync(join(dir, 'new'))).toEqual(['plc.sqlite']);
    const db = new Database(path, { readonly: true });
    expect(versionsOf(db)).toEqual(
      everyMigration()
        .map((m) => m.version)
        .sort((a, b) => a - b),
    );
    db.close();
  });
});

describe('forward only: a database a newer version has migrated', () => {
  it('is refused by npm run migrate before anything is written or backed up', async () => {
    const path = newerDatabase(1100);
    const before = readFileSync(path);
    const attempt = upgradeDatabase(path, everyMigration(), { at: AT });
    await expect(attempt).rejects.toBeInstanceOf(NewerDatabaseError);
    await expect(attempt).rejects.toThrow(/newer version of the bot: it has applied migration 1100/);
    expect(readdirSync(dir)).toEqual(['plc.sqlite']);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('is refused when the store opens, for a version in any capability’s block or in none', () => {
    for (const version of [399, 1100, 5000]) {
      const path = newerDatabase(version);
      expect(() => Store.open(path)).toThrow(NewerDatabaseError);
      expect(() => openBotStore(path)).toThrow(new RegExp(`migration ${version},`));
      rmSync(path);
    }
  });

  it('leaves an adapter’s block to the adapter, which the bot’s own store brings and judges', () => {
    const path = newerDatabase(19);
    // A store opened without the adapters (a test, a tool of the core) cannot know what Slack's 19 is.
    expect(() => Store.open(path).close()).not.toThrow();
    expect(() => openBotStore(path)).toThrow(/migration 19,/);
  });

  it('knows which blocks are the adapters’: theirs lie inside ADAPTER_VERSIONS, nobody else’s does', () => {
    const inside = ([from, to]: readonly [number, number]) => ADAPTER_VERSIONS.some(([a, b]) => from >= a && to <= b);
    const touches = ([from, to]: readonly [number, number]) => ADAPTER_VERSIONS.some(([a, b]) => from <= b && a <= to);
    expect([...SLACK_VERSIONS, ...TEAMS_VERSIONS].every(inside)).toBe(true);
    expect([...CORE_VERSIONS, ...capabilities().flatMap((c) => c.versions)].filter(touches)).toEqual([]);
  });

  it('is not confused with a version that moved: 1000 is retired into the core’s 105', () => {
    const path = newerDatabase(1000);
    expect(() => openBotStore(path).close()).not.toThrow();
  });
});

// Each starts a process through tsx, which takes seconds on a busy machine.
describe('the commands', { timeout: 180_000 }, () => {
  const run = promisify(execFile);
  const tool = (script: string, env: Record<string, string>) =>
    run(process.execPath, ['--import', 'tsx', script], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
      cwd: join(import.meta.dirname, '..', '..'),
      timeout: 150_000,
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('npm run migrate prints what it applied and exits 0, then says it is up to date', async () => {
    const path = join(dir, 'plc.sqlite');
    copyFileSync(FIXTURE, path);
    const first = await tool('bin/migrate.ts', { DATABASE_PATH: path, BACKUP_DIR: join(dir, 'backups') });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^Backed up ${path} to ${join(dir, 'backups')}/plc-\\S+Z\\.sqlite \\(\\d+ KiB\\)`));
    expect(first.stdout).toContain('\n  103 terms\n');
    expect(first.stdout).toContain('\n  105 quiet-hours\n');
    const again = await tool('bin/migrate.ts', { DATABASE_PATH: path, BACKUP_DIR: join(dir, 'backups') });
    expect(again).toMatchObject({
      code: 0,
      stdout: `${path} is up to date: no migration is pending, so nothing was changed and no backup taken.\n`,
    });
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
  });

  it('npm run migrate and npm start refuse a newer database with the reason and exit code 1', async () => {
    const path = newerDatabase(1100);
    const migrate = await tool('bin/migrate.ts', { DATABASE_PATH: path });
    expect(migrate.code).toBe(1);
    expect(migrate.stderr).toContain('was migrated by a newer version of the bot: it has applied migration 1100');
    expect(migrate.stderr).toContain('Nothing was changed.');
    const start = await tool('bin/main.ts', { DATABASE_PATH: path, ADAPTERS: 'console' });
    expect(start.code).toBe(1);
    expect(start.stderr).toContain('The bot could not start: ');
    expect(start.stderr).toContain('applied migration 1100, which this version does not know');
    expect(readdirSync(dir)).toEqual(['plc.sqlite']);
  });
});
