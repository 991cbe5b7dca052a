import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allMigrations, capabilities } from '../../src/capabilities.js';
import { type Db, migrate, openDatabase } from '../../src/store/db.js';
import type { Migration } from '../../src/store/migrations/index.js';
import { Store } from '../../src/store/store.js';

/** The operations capability's migration 1000 exactly as it shipped, before the core took the columns over. */
const SHIPPED_1000: Migration = {
  version: 1000,
  name: 'quiet-hours',
  sql: `
      ALTER TABLE workspaces ADD COLUMN quiet_hours TEXT;
      ALTER TABLE workspaces ADD COLUMN workdays TEXT;
    `,
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plc-quiet-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const versions = (db: Db) =>
  (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
const columns = (db: Db) => (db.prepare("SELECT name FROM pragma_table_info('workspaces')").all() as { name: string }[]).map((r) => r.name);

describe('the quiet-hours columns belong to the core (migration 105)', () => {
  it('are added to a new database, and no capability brings them any more', () => {
    const store = Store.open(join(dir, 'plc.sqlite'));
    expect(columns(store.db)).toEqual(expect.arrayContaining(['quiet_hours', 'workdays']));
    expect(versions(store.db)).toContain(105);
    expect(versions(store.db)).not.toContain(1000);
    expect(capabilities().flatMap((c) => c.migrations.map((m) => m.version))).not.toContain(1000);
    store.close();
  });

  it('keep what a database that ran the operations capability’s 1000 holds, added once', () => {
    const path = join(dir, 'plc.sqlite');
    // The file as the build before the move left it: every migration of the time, 1000 in place of 105.
    const before = openDatabase(path, [...allMigrations().filter((m) => m.version !== 105), SHIPPED_1000]);
    before.prepare("INSERT INTO workspaces (platform, external_id, name, created_at) VALUES ('console', 'school', 'School', 0)").run();
    before.prepare("UPDATE workspaces SET quiet_hours = '08:00-16:00', workdays = 'sun-thu'").run();
    before.close();

    const store = Store.open(path);
    expect(versions(store.db)).toEqual(expect.arrayContaining([105, 1000]));
    expect(columns(store.db).filter((c) => c === 'quiet_hours' || c === 'workdays')).toEqual(['quiet_hours', 'workdays']);
    expect(store.db.prepare('SELECT quiet_hours, workdays FROM workspaces').get()).toEqual({
      quiet_hours: '08:00-16:00',
      workdays: 'sun-thu',
    });
    store.close();
  });
});

describe('a migration with an up function', () => {
  it('runs it after its SQL, in the same transaction, and rolls both back when it fails', () => {
    const db = openDatabase(join(dir, 'plc.sqlite'), allMigrations());
    const failing: Migration = {
      version: 198,
      name: 'failing',
      sql: 'CREATE TABLE half (x INTEGER);',
      up: (d) => {
        d.exec('INSERT INTO half VALUES (1)');
        throw new Error('looked and refused');
      },
    };
    expect(() => migrate(db, [failing])).toThrow('looked and refused');
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    expect(versions(db)).not.toContain(198);

    const working: Migration = { ...failing, up: (d) => d.exec('INSERT INTO half VALUES (2)') };
    expect(migrate(db, [working]).map((m) => m.version)).toEqual([198]);
    expect(db.prepare('SELECT x FROM half').all()).toEqual([{ x: 2 }]);
    db.close();
  });
});
