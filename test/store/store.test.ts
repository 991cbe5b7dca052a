import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allMigrations } from '../../src/capabilities.js';
import { migrate, openDatabase } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plc-store-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite store', () => {
  it('opens a file with WAL, foreign keys and a busy timeout, creating its folder', () => {
    const db = openDatabase(join(dir, 'nested', 'plc.sqlite'), allMigrations());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('keeps what a savepoint must be able to undo in memory, not in a temporary file beside the log', () => {
    const store = Store.open(join(dir, 'plc.sqlite'));
    store.db.exec('CREATE TABLE pages (id INTEGER PRIMARY KEY, fill BLOB NOT NULL)');
    const insert = store.db.prepare('INSERT INTO pages (fill) VALUES (zeroblob(3000))');
    for (let i = 0; i < 64; i++) insert.run();
    // SQLite's temporary files are unlinked as soon as they are open: only the process's open files show them.
    const temporaryFiles = () =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`).includes('etilqs_');
        } catch {
          return false;
        }
      }).length;
    // A savepoint that changes 64 pages (256 KiB), as a command of a shared commit does.
    const openedWhileChanging = (mode: string) => {
      store.db.pragma(`temp_store = ${mode}`);
      return store.transaction(() =>
        store.transaction(() => {
          store.db.prepare('UPDATE pages SET fill = zeroblob(3001)').run();
          return temporaryFiles();
        }),
      );
    };
    try {
      expect(store.db.pragma('temp_store', { simple: true })).toBe(2);
      expect(openedWhileChanging('FILE')).toBeGreaterThan(0);
      expect(openedWhileChanging('MEMORY')).toBe(0);
    } finally {
      store.close();
    }
  });

  it('runs each migration once, in order, however often it starts', () => {
    const path = join(dir, 'plc.sqlite');
    openDatabase(path, allMigrations()).close();
    const db = openDatabase(path, allMigrations());
    migrate(db, allMigrations());
    const applied = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
    expect(applied.map((r) => r.version)).toEqual(
      allMigrations()
        .map((m) => m.version)
        .sort((a, b) => a - b),
    );
    db.close();
  });

  it('has unique, increasing migration versions', () => {
    const versions = allMigrations().map((m) => m.version);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('rolls a failing migration back whole', () => {
    const db = openDatabase(join(dir, 'plc.sqlite'), allMigrations());
    const broken = [{ version: 999, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    expect(db.prepare('SELECT version FROM schema_migrations WHERE version = 999').get()).toBeUndefined();
    db.close();
  });

  it('hands out item numbers unique within a workspace and independent between workspaces', () => {
    const store = Store.open(join(dir, 'plc.sqlite'));
    const a = store.workspaces.ensure('console', 'a', null, 0).workspace;
    const b = store.workspaces.ensure('slack', 'a', null, 0).workspace;
    expect([store.workspaces.nextRef(a.id), store.workspaces.nextRef(a.id), store.workspaces.nextRef(b.id)]).toEqual([1, 2, 1]);
    store.close();
  });

  it('scopes people to their workspace', () => {
    const store = Store.open(join(dir, 'plc.sqlite'));
    const a = store.workspaces.ensure('console', 'a', null, 0).workspace;
    const b = store.workspaces.ensure('console', 'b', null, 0).workspace;
    const ana = store.users.upsert(a.id, { externalId: 'U1', displayName: 'Ana' }, 0);
    expect(store.users.get(b.id, ana.id)).toBeNull();
    expect(store.users.findByExternal(b.id, 'U1')).toBeNull();
    store.close();
  });

  it('writes all of a transaction or none of it', () => {
    const store = Store.open(join(dir, 'plc.sqlite'));
    const ws = store.workspaces.ensure('console', 'a', null, 0).workspace;
    expect(() =>
      store.transaction(() => {
        store.users.upsert(ws.id, { externalId: 'U1', displayName: 'Ana' }, 0);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(store.users.findByExternal(ws.id, 'U1')).toBeNull();
    store.close();
  });

  it('changes a person’s external id only when nobody in the workspace has the new one', () => {
    const store = Store.open(join(dir, 'plc.sqlite'));
    const a = store.workspaces.ensure('teams', 'a', null, 0).workspace;
    const b = store.workspaces.ensure('teams', 'b', null, 0).workspace;
    const ana = store.users.upsert(a.id, { externalId: '29:ana', displayName: 'Ana' }, 0);
    store.users.upsert(b.id, { externalId: 'aad-ana', displayName: 'Ana elsewhere' }, 0);
    expect(store.users.changeExternalId(a.id, '29:ana', 'aad-ana')).toBe(true);
    expect(store.users.findByExternal(a.id, 'aad-ana')?.id).toBe(ana.id);
    expect(store.users.findByExternal(a.id, '29:ana')).toBeNull();

    const ben = store.users.upsert(a.id, { externalId: '29:ben', displayName: 'Ben' }, 0);
    expect(store.users.changeExternalId(a.id, '29:ben', 'aad-ana')).toBe(false);
    expect(store.users.findByExternal(a.id, '29:ben')?.id).toBe(ben.id);
    expect(store.users.findByExternal(a.id, 'aad-ana')?.id).toBe(ana.id);
    expect(store.users.changeExternalId(a.id, '29:nobody', 'aad-nobody')).toBe(false);
    store.close();
  });
});
