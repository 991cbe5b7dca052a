import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Checkpointer } from '../../src/store/checkpoints.js';
import { type Db, openDatabase } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';

const FIXTURE = new URL('./fixtures/checkpointed.ts', import.meta.url).pathname;
const LEFT_OPEN = new URL('./fixtures/left-open.ts', import.meta.url).pathname;
const NOTES = { version: 1, name: 'notes', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)' };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plc-checkpoints-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Enough rows that the log holds a few hundred frames. */
function writeNotes(db: Db, count = 300): void {
  const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
  for (let i = 0; i < count; i++) db.transaction(() => insert.run(`note ${i} ${'x'.repeat(400)}`))();
}

const walSize = (path: string) => (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);

/** A logger whose warnings the test reads. */
function capturedLog() {
  const lines: { msg: string; err?: string }[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { log: pino({ level: 'warn' }, sink), lines };
}

describe('WAL checkpoints off the request thread', () => {
  it("a store's connection never checkpoints on commit, and its log is emptied by the checkpointer once writes stop", async () => {
    const path = join(dir, 'plc.sqlite');
    const store = Store.open(path);
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    store.db.exec(NOTES.sql);
    writeNotes(store.db);
    // The store's own connection never checkpoints, so only the worker's connection can have emptied the log.
    expect(walSize(path)).toBeGreaterThan(0);
    await vi.waitFor(() => expect(walSize(path)).toBe(0), { timeout: 10_000, interval: 50 });
    expect(store.db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 300 });
    store.close();
  });

  it('under steady writes the log is restarted, so its file stops growing', async () => {
    const checkpointer = new Checkpointer({ intervalMs: 10, restartFrames: 200, lingerMs: 0 });
    const path = join(dir, 'busy.sqlite');
    const db = openDatabase(path, [NOTES]);
    const release = checkpointer.watch(db);
    const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
    let largest = 0;
    // Between commits the thread does other work, as a bot does between commands (parsing, rendering, HTTP).
    for (let i = 0; i < 4000; i++) {
      db.transaction(() => insert.run(`note ${i} ${'x'.repeat(400)}`))();
      largest = Math.max(largest, walSize(path));
      await new Promise((done) => setTimeout(done, 0));
    }
    // Without restarts the log would hold every one of the 4,000 commits' frames (over 16 MB).
    expect(largest).toBeLessThan(1500 * 4120);
    expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 4000 });
    release();
    db.close();
    await checkpointer.stopped();
  });

  it('what was committed survives closing and opening the file again', () => {
    const path = join(dir, 'plc.sqlite');
    const store = Store.open(path);
    store.transaction(() => store.setMeta('kept', 'yes'));
    store.close();
    const again = Store.open(path);
    expect(again.getMeta('kept')).toBe('yes');
    again.close();
  });

  it('one worker checkpoints two files, and the last release ends it', async () => {
    const checkpointer = new Checkpointer({ intervalMs: 20, lingerMs: 0 });
    const paths = [join(dir, 'a.sqlite'), join(dir, 'b.sqlite')];
    const dbs = paths.map((p) => openDatabase(p, [NOTES]));
    const releases = dbs.map((db) => checkpointer.watch(db));
    expect(checkpointer.state).toEqual({ running: true, files: 2, failed: false });
    for (const db of dbs) writeNotes(db);
    await vi.waitFor(() => expect(paths.map(walSize)).toEqual([0, 0]), { timeout: 10_000, interval: 20 });

    releases[0]?.();
    expect(checkpointer.state).toEqual({ running: true, files: 1, failed: false });
    releases[1]?.();
    expect(checkpointer.state).toEqual({ running: false, files: 0, failed: false });
    await checkpointer.stopped();
    // Released connections checkpoint on commit again, as SQLite does by default.
    expect(dbs.map((db) => db.pragma('wal_autocheckpoint', { simple: true }))).toEqual([1000, 1000]);
    for (const db of dbs) db.close();
  });

  it('a file closed without its release is let go when the next file is watched', async () => {
    const checkpointer = new Checkpointer({ intervalMs: 20, lingerMs: 0 });
    const first = openDatabase(join(dir, 'a.sqlite'), [NOTES]);
    checkpointer.watch(first);
    first.close();
    const second = openDatabase(join(dir, 'b.sqlite'), [NOTES]);
    const release = checkpointer.watch(second);
    expect(checkpointer.state.files).toBe(1);
    release();
    second.close();
    await checkpointer.stopped();
    expect(checkpointer.state.running).toBe(false);
  });

  it('a process that never closes its store still exits: the worker does not hold it', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', LEFT_OPEN, dir], { encoding: 'utf8', timeout: 30_000 });
    expect(child.error).toBeUndefined();
    expect(child.signal).toBeNull();
    expect([child.status, child.stdout]).toEqual([0, 'written\n']);
    const store = Store.open(join(dir, 'left-open.sqlite'));
    expect(store.getMeta('written')).toBe('yes');
    store.close();
  });

  it('closing the last store ends the worker: a process whose worker holds it open exits by itself', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', FIXTURE, dir], { encoding: 'utf8', timeout: 30_000 });
    expect(child.error).toBeUndefined();
    expect(child.signal).toBeNull();
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({ running: true, files: 2, failed: false });
    // The two files hold what was written, and their logs were emptied at close.
    for (const [i, name] of ['a.sqlite', 'b.sqlite'].entries()) {
      const path = join(dir, name);
      expect(walSize(path)).toBe(0);
      const store = Store.open(path);
      expect(store.getMeta('written')).toBe(String(i));
      store.close();
    }
  });

  it('an in-memory database has no log to checkpoint', () => {
    const checkpointer = new Checkpointer({ spawn: () => expect.unreachable('no worker for :memory:') });
    const db = openDatabase(':memory:', [NOTES]);
    checkpointer.watch(db)();
    expect(checkpointer.state).toEqual({ running: false, files: 0, failed: false });
    db.close();
  });
});

describe('when the checkpointer thread is refused', () => {
  it('a refused worker leaves SQLite checkpointing on commit, and says so', () => {
    const { log, lines } = capturedLog();
    const checkpointer = new Checkpointer({
      log,
      spawn: () => {
        throw new Error('ERR_WORKER_INIT_FAILED');
      },
    });
    const path = join(dir, 'plc.sqlite');
    const db = openDatabase(path, [NOTES]);
    checkpointer.watch(db);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(checkpointer.state).toEqual({ running: false, files: 0, failed: true });
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'no WAL checkpointer thread: SQLite checkpoints on commit', err: 'ERR_WORKER_INIT_FAILED' }),
    ]);
    // Past 1,000 frames SQLite checkpoints at commit by itself, so the log does not grow past about that.
    writeNotes(db, 3000);
    expect(walSize(path)).toBeLessThan(1200 * 4096);
    db.close();
  });

  it('a file the worker cannot checkpoint goes back to checkpointing on commit, and the log says so', async () => {
    const { log, lines } = capturedLog();
    // A worker whose every file fails, as one on a disk that refuses its connection would.
    const failing = `const { parentPort } = require('node:worker_threads');
      parentPort.on('message', (m) => {
        if (m.type === 'watch') parentPort.postMessage({ type: 'error', path: m.path, message: 'disk I/O error' });
        if (m.type === 'stop') parentPort.close();
      });`;
    const checkpointer = new Checkpointer({ log, lingerMs: 0, spawn: () => new Worker(failing, { eval: true }) });
    const db = openDatabase(join(dir, 'plc.sqlite'), [NOTES]);
    const release = checkpointer.watch(db);
    await vi.waitFor(() => expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000), { timeout: 10_000, interval: 20 });
    expect(checkpointer.state).toEqual({ running: false, files: 0, failed: false });
    expect(lines).toEqual([expect.objectContaining({ err: 'disk I/O error' })]);
    release();
    db.close();
    await checkpointer.stopped();
  });

  it('a worker that dies gives every watched connection its auto-checkpoint back', async () => {
    const { log, lines } = capturedLog();
    const checkpointer = new Checkpointer({ log, spawn: () => new Worker("throw new Error('no better-sqlite3 here')", { eval: true }) });
    const db = openDatabase(join(dir, 'plc.sqlite'), [NOTES]);
    const release = checkpointer.watch(db);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await vi.waitFor(() => expect(checkpointer.state.failed).toBe(true), { timeout: 10_000, interval: 20 });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(lines.map((l) => l.err)).toEqual(['no better-sqlite3 here']);
    // Later files are not handed to a worker that is gone.
    const other = openDatabase(join(dir, 'other.sqlite'), [NOTES]);
    checkpointer.watch(other);
    expect(other.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    release();
    db.close();
    other.close();
  });
});
