import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { walTruncationsSettled } from '../../../src/capabilities/privacy/index.js';
import { SECURE_DELETE_KEY } from '../../../src/store/db.js';
import { Store } from '../../../src/store/store.js';
import { type TestApp, testApp } from '../../support/app.js';
import { as, seedMath, ZELDA } from './school.js';

/** What of `needles` is still anywhere in the database file, its write-ahead log or its shared memory, byte for byte. */
function found(dbPath: string, needles: string[]): string[] {
  const files = [dbPath, `${dbPath}-wal`, `${dbPath}-shm`].filter((f) => existsSync(f));
  return files.flatMap((file) => {
    const bytes = readFileSync(file);
    return needles
      .flatMap((n) => [Buffer.from(n, 'utf8'), Buffer.from(n, 'utf16le')].map((b) => ({ n, b })))
      .filter(({ b }) => bytes.includes(b))
      .map(({ n }) => `${n} in ${file.slice(dbPath.length) || 'the database'}`);
  });
}

describe('no byte left after a forget-me', () => {
  let app: TestApp;
  let other: Database.Database;
  beforeEach(() => {
    app = testApp();
    // A second connection, as a running bot has beside a backup or a report.
    other = new Database(app.dbPath);
    seedMath(app);
    const { id: workspaceId } = app.store.workspaces.find('console', 'school-a') as { id: number };
    const zelda = app.store.users.findByExternal(workspaceId, ZELDA.externalId) as { id: number };
    // A message queued for her, as a reflection prompt would be: a rendered view with her own words in it.
    app.store.jobs.queue(
      {
        kind: 'scheduler.deliver',
        key: `scheduler.deliver:prompt>user:${ZELDA.externalId}#0`,
        dueAt: app.clock.now().getTime() + 86_400_000,
        payload: {
          workspace: { platform: 'console', externalId: 'school-a' },
          to: { kind: 'user', user: ZELDA.externalId },
          view: { locale: 'de', dir: 'ltr', summary: 'PRIVATE-MARKER-93317', blocks: [{ type: 'text', text: 'PRIVATE-MARKER-93317' }] },
          user: { workspaceId, id: zelda.id },
        },
      },
      app.clock.now().getTime(),
    );
  });
  afterEach(async () => {
    other.close();
    await walTruncationsSettled();
    await app.dispose();
  });

  it('finds none of her id, names, calendar secret or private words in the database, -wal or -shm files', async () => {
    const token = (app.store.db.prepare('SELECT token FROM calendar_links').get() as { token: string }).token;
    const needles = [ZELDA.externalId, ZELDA.displayName, 'Quillbottom', token, 'PRIVATE-MARKER-93317'];
    // She is there before, in every file a byte search reads.
    expect(found(app.dbPath, needles).length).toBeGreaterThan(0);
    // The other connection reads while she is forgotten: the log cannot be truncated until it is done.
    other.exec('BEGIN');
    other.prepare('SELECT COUNT(*) FROM users').get();
    as(app, ZELDA, 'forget me confirm', { channel: null });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(readFileSync(`${app.dbPath}-wal`).length).toBeGreaterThan(0);
    other.exec('COMMIT');
    await walTruncationsSettled();
    expect(readFileSync(`${app.dbPath}-wal`).length).toBe(0);
    expect(found(app.dbPath, needles)).toEqual([]);
    // What others rely on is still there.
    expect(found(app.dbPath, ['KEPT-AGENDA-5521'])).not.toEqual([]);
    // The other connection reads the same truth.
    expect(other.prepare('SELECT COUNT(*) AS n FROM users WHERE external_id = ?').get(ZELDA.externalId)).toEqual({ n: 0 });
  });

  it('runs with secure_delete on, and vacuumed once when it was turned on', () => {
    expect(app.store.db.pragma('secure_delete', { simple: true })).toBe(1);
    const first = app.store.getMeta(SECURE_DELETE_KEY);
    expect(first).not.toBeNull();
    const again = Store.open(app.dbPath);
    try {
      expect(again.getMeta(SECURE_DELETE_KEY)).toBe(first);
      expect(again.db.pragma('secure_delete', { simple: true })).toBe(1);
    } finally {
      again.close();
    }
  });

  it('vacuums an existing database the first time, wiping rows deleted before secure_delete was on', () => {
    const path = app.dbPath;
    const plain = new Database(path);
    plain.pragma('secure_delete = OFF');
    plain.exec("CREATE TABLE old_notes (t TEXT); INSERT INTO old_notes VALUES ('DELETED-LONG-AGO-4410'); DELETE FROM old_notes;");
    plain.prepare('DELETE FROM meta WHERE key = ?').run(SECURE_DELETE_KEY);
    plain.pragma('wal_checkpoint(TRUNCATE)');
    plain.close();
    expect(found(path, ['DELETED-LONG-AGO-4410'])).not.toEqual([]);
    const reopened = Store.open(path);
    try {
      reopened.db.pragma('wal_checkpoint(TRUNCATE)');
      expect(reopened.getMeta(SECURE_DELETE_KEY)).not.toBeNull();
      expect(found(path, ['DELETED-LONG-AGO-4410'])).toEqual([]);
      // VACUUM built its copy on disk; the connection's temporary storage is back in memory.
      expect(reopened.db.pragma('temp_store', { simple: true })).toBe(2);
    } finally {
      reopened.close();
    }
  });
});
