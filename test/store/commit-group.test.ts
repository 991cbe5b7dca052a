import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommitGroup, ReadGroup } from '../../src/store/commit-group.js';
import { Store } from '../../src/store/store.js';

let dir: string;
let store: Store;
/** Another connection to the same file: what it reads is what was committed. */
let reader: Database.Database;
let group: CommitGroup;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plc-group-'));
  const path = join(dir, 'plc.sqlite');
  store = Store.open(path);
  reader = new Database(path, { readonly: true });
  group = new CommitGroup(store);
  began = 0;
  const transaction = store.transaction.bind(store);
  vi.spyOn(store, 'transaction').mockImplementation((fn) => {
    if (!store.db.inTransaction) began += 1;
    return transaction(fn);
  });
});
afterEach(() => {
  reader.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** How many transactions the store began (not counting savepoints inside one) since the test began. */
let began = 0;
const commits = () => began;
const committed = (key: string) =>
  (reader.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
const write =
  (key: string, value = 'yes') =>
  () => {
    store.setMeta(key, value);
    return key;
  };

describe('work that arrives together shares one commit', () => {
  it('runs what arrived in the same turn in one transaction, and settles each promise after the commit', async () => {
    const before = commits();
    const seen: (string | null)[] = [];
    const all = ['a', 'b', 'c', 'd', 'e'].map((k) => group.run(write(k)).then((key) => seen.push(committed(key))));
    expect(committed('a')).toBeNull();
    await Promise.all(all);
    expect(seen).toEqual(['yes', 'yes', 'yes', 'yes', 'yes']);
    expect(commits() - before).toBe(1);
  });

  it('rolls back only the piece that throws, and rejects only its promise', async () => {
    const failing = () => {
      store.setMeta('b', 'half-written');
      throw new Error('b failed');
    };
    const results = await Promise.allSettled([group.run(write('a')), group.run(failing), group.run(write('c'))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('b failed'));
    expect([committed('a'), committed('b'), committed('c')]).toEqual(['yes', null, 'yes']);
  });

  it('rejects every promise of a batch whose commit fails, and writes none of it', async () => {
    // A foreign key checked at the commit fails the commit itself, after every piece ran.
    const dangling = () => {
      store.db.pragma('defer_foreign_keys = ON');
      store.db.prepare("INSERT INTO users (workspace_id, external_id, display_name, created_at) VALUES (999, 'u', 'u', 0)").run();
    };
    const results = await Promise.allSettled([group.run(write('a')), group.run(dangling), group.run(write('c'))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect([committed('a'), committed('c')]).toEqual([null, null]);
    // The next batch commits as usual.
    await group.run(write('d'));
    expect(committed('d')).toBe('yes');
  });

  it('commits a burst longer than one batch in several, in the order it came', async () => {
    const before = commits();
    const order: number[] = [];
    await Promise.all(Array.from({ length: 70 }, (_, i) => group.run(() => order.push(i))));
    expect(order).toEqual(Array.from({ length: 70 }, (_, i) => i));
    expect(commits() - before).toBe(3);
  });

  it('commits work that arrives in a later turn on its own', async () => {
    const before = commits();
    await group.run(write('a'));
    await group.run(write('b'));
    expect(commits() - before).toBe(2);
  });
});

describe('work that only reads, arriving together, shares one read transaction', () => {
  /** A second writing connection, as the command thread's is. */
  let other: Database.Database;
  beforeEach(() => {
    other = new Database(store.db.name);
    other.pragma('busy_timeout = 0');
  });
  afterEach(() => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
  });
  const count = () => (store.db.prepare('SELECT count(*) AS n FROM meta').get() as { n: number }).n;
  const never = () => Promise.reject(new Error('not retried'));

  it('reads one snapshot for the whole turn, and never waits for the write lock another connection holds', async () => {
    const reads = new ReadGroup(store);
    const before = count();
    other.exec('BEGIN IMMEDIATE');
    const first = reads.run(() => {
      const n = count();
      // Another connection commits between the two pieces: the second still reads the snapshot the first began.
      other.prepare("INSERT INTO meta (key, value) VALUES ('between', 'x')").run();
      other.exec('COMMIT');
      return n;
    }, never);
    const second = reads.run(() => [count(), reads.running, store.db.inTransaction], never);
    expect(await first).toBe(before);
    expect(await second).toEqual([before, true, true]);
    expect(reads.running).toBe(false);
    expect(store.db.inTransaction).toBe(false);
    expect(count()).toBe(before + 1);
  });

  it('hands a piece that must write and cannot to its retry, with nothing of it written, and answers the rest', async () => {
    const reads = new ReadGroup(store);
    other.exec('BEGIN IMMEDIATE');
    const retried = vi.fn(async () => {
      other.exec('ROLLBACK');
      store.setMeta('late', 'written on the write path');
      return 'retried';
    });
    const reading = reads.run(() => 'read', never);
    const writing = reads.run(() => {
      store.setMeta('early', 'half');
      return 'wrote';
    }, retried);
    const failing = reads.run(() => {
      throw new Error('a bug');
    }, never);
    expect(await reading).toBe('read');
    expect(await writing).toBe('retried');
    await expect(failing).rejects.toThrow('a bug');
    expect(retried).toHaveBeenCalledTimes(1);
    expect(committed('early')).toBeNull();
    expect(committed('late')).toBe('written on the write path');
  });
});
