import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createLogger, type Logger } from '../log.js';
import type { Db } from './db.js';

/**
 * WAL checkpoints off the request thread. By default SQLite checkpoints inside whichever commit pushes the
 * write-ahead log past 1,000 pages, so every few hundred commands one command pays for copying the log into the
 * database file and its fsync. A file watched here runs with `wal_autocheckpoint = 0` instead, and one worker
 * thread for the whole process, with a connection of its own to each watched file, checkpoints it: PASSIVE (which
 * never blocks a writer) a few times a second while the log grows, TRUNCATE once it has stopped growing for a
 * second, so the `-wal` file goes back to nothing when the bot is idle, and RESTART when it has grown large under
 * steady load. If the worker cannot start or dies, every watched
 * connection goes back to SQLite's own auto-checkpoint.
 */
export class Checkpointer {
  readonly #spawn: Spawn;
  readonly #intervalMs: number;
  readonly #restartFrames: number;
  readonly #unref: boolean;
  readonly #lingerMs: number;
  /** Ends the worker a moment after the last file closed, unless another is watched first. */
  #linger: NodeJS.Timeout | undefined;
  readonly #log: () => Logger;
  /** The connections watched, by absolute path: the worker keeps one connection per path while any is open. */
  readonly #files = new Map<string, Set<Db>>();
  #worker: Worker | undefined;
  /** Set once the worker has been refused or has failed: from then on SQLite checkpoints by itself. */
  #failed = false;
  readonly #exits = new Set<Promise<void>>();

  constructor(options: CheckpointerOptions = {}) {
    this.#spawn = options.spawn ?? spawnWorker;
    this.#intervalMs = options.intervalMs ?? CHECK_EVERY_MS;
    this.#restartFrames = options.restartFrames ?? RESTART_FRAMES;
    this.#unref = options.unref ?? true;
    this.#lingerMs = options.lingerMs ?? LINGER_MS;
    this.#log = options.log ? () => options.log as Logger : defaultLog;
  }

  /**
   * Takes over `db`'s checkpoints and returns what releases it again (before `db` closes). An in-memory database
   * has no log to checkpoint; after a refusal, `db` keeps SQLite's auto-checkpoint.
   */
  watch(db: Db): () => void {
    if (db.memory || this.#failed) return noop;
    this.#sweep();
    clearTimeout(this.#linger);
    this.#linger = undefined;
    const worker = this.#worker ?? this.#start();
    if (!worker) return noop;
    const path = resolve(db.name);
    let open = this.#files.get(path);
    if (!open) {
      open = new Set();
      this.#files.set(path, open);
      worker.postMessage({ type: 'watch', path } satisfies ToWorker);
    }
    db.pragma('wal_autocheckpoint = 0');
    open.add(db);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#release(path, db);
    };
  }

  /** Whether the worker is running, and how many files it checkpoints: for tests and diagnostics. */
  get state(): { running: boolean; files: number; failed: boolean } {
    return { running: this.#worker !== undefined, files: this.#files.size, failed: this.#failed };
  }

  /** Resolves once every worker this checkpointer has stopped has exited. */
  async stopped(): Promise<void> {
    while (this.#exits.size > 0) await Promise.allSettled([...this.#exits]);
  }

  #release(path: string, db: Db): void {
    const open = this.#files.get(path);
    if (!open?.delete(db)) return;
    if (db.open) {
      // The last word before close: empty the log now, without waiting on anyone (a reader elsewhere keeps it).
      finalCheckpoint(db);
      db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
    }
    if (open.size > 0) return;
    this.#files.delete(path);
    const worker = this.#worker;
    if (!worker) return;
    worker.postMessage({ type: 'unwatch', path } satisfies ToWorker);
    if (this.#files.size > 0) return;
    // The last file closed: the worker closes its connections and ends, after a moment in which a file opened
    // right after (a restart, one test after another) would reuse it; the next watch after that starts a new one.
    if (this.#lingerMs <= 0) {
      this.#stop();
    } else {
      this.#linger = setTimeout(() => this.#stop(), this.#lingerMs);
      this.#linger.unref();
    }
  }

  #stop(): void {
    this.#linger = undefined;
    this.#worker?.postMessage({ type: 'stop' } satisfies ToWorker);
    this.#worker = undefined;
  }

  /** A connection closed without its release (a test closing `store.db` itself) is released at the next watch. */
  #sweep(): void {
    for (const [path, open] of this.#files) for (const db of open) if (!db.open) this.#release(path, db);
  }

  #start(): Worker | undefined {
    let worker: Worker;
    try {
      worker = this.#spawn({
        sqlite: betterSqlite3Path(),
        intervalMs: this.#intervalMs,
        restartFrames: this.#restartFrames,
        quietLooks: QUIET_LOOKS,
      });
    } catch (e) {
      this.#fail(e);
      return undefined;
    }
    worker.on('message', (m: FromWorker) => this.#giveBack(worker, m));
    worker.on('error', (e) => {
      if (this.#worker === worker) this.#fail(e);
    });
    // After the listeners: a 'message' listener refs the worker's port again, and a process whose stores were
    // never closed (a script, a crash path) would then never exit.
    if (this.#unref) worker.unref();
    const exited = new Promise<void>((done) => worker.once('exit', () => done()));
    this.#exits.add(exited);
    void exited.then(() => {
      this.#exits.delete(exited);
      if (this.#worker === worker) this.#fail(new Error('the WAL checkpointer exited'));
    });
    this.#worker = worker;
    return worker;
  }

  /**
   * The worker could not open or checkpoint a file: its connections checkpoint on commit again, as SQLite does by
   * default, and the worker lets it go. A file closed meanwhile is no one's concern (its folder may be gone).
   */
  #giveBack(worker: Worker, m: FromWorker): void {
    const open = this.#files.get(m.path);
    if (!open) return;
    this.#log().warn({ path: m.path, err: m.message }, 'the WAL checkpointer could not checkpoint a file: SQLite checkpoints it on commit');
    for (const db of open) if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
    this.#files.delete(m.path);
    worker.postMessage({ type: 'unwatch', path: m.path } satisfies ToWorker);
    if (this.#files.size === 0 && this.#worker === worker) this.#stop();
  }

  /** The worker was refused or died: every watched connection checkpoints by itself again, and so will later ones. */
  #fail(e: unknown): void {
    this.#failed = true;
    this.#worker = undefined;
    clearTimeout(this.#linger);
    for (const open of this.#files.values()) {
      for (const db of open) if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
    }
    this.#log().warn({ err: e instanceof Error ? e.message : String(e) }, 'no WAL checkpointer thread: SQLite checkpoints on commit');
  }
}

export interface CheckpointerOptions {
  /** Starts the worker (tests refuse it). */
  spawn?: Spawn;
  /** How often the worker looks at each file's log. */
  intervalMs?: number;
  /** How many frames a growing log may hold before it is restarted. */
  restartFrames?: number;
  /** False keeps the process alive while the worker runs (a test proves the last release ends it). */
  unref?: boolean;
  /** How long the worker outlives the last file it watched. */
  lingerMs?: number;
  log?: Logger;
}

/** What the worker is started with. */
export interface CheckpointerData {
  /** Where better-sqlite3 is, resolved here: a worker evaluated from a string resolves nothing relative to this file. */
  sqlite: string;
  intervalMs: number;
  restartFrames: number;
  quietLooks: number;
}

export type Spawn = (data: CheckpointerData) => Worker;

type ToWorker = { type: 'watch'; path: string } | { type: 'unwatch'; path: string } | { type: 'stop' };
type FromWorker = { type: 'error'; path: string; message: string };

/** A few times a second while a file's log grows: each checkpoint then copies a fraction of a second of commits. */
const CHECK_EVERY_MS = 250;
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;
/**
 * Frames past which a log that keeps growing is restarted: 64 MiB of 4 KiB pages, several seconds of the write mix.
 * RESTART takes the write lock while it copies the frames committed since the last look and syncs the file (a
 * few milliseconds, during which a commit waits), so it runs seldom; SQLite's own auto-checkpoint did as much
 * inside a commit every 1,000 frames.
 */
const RESTART_FRAMES = 16_384;
/** Looks in a row without a new frame (about a second) before the log is truncated. */
const QUIET_LOOKS = 4;

/** Starting a worker (a thread, and better-sqlite3 loaded in it) costs tens of milliseconds of CPU. */
const LINGER_MS = 1000;

let shared: Checkpointer | undefined;

/** The process's one checkpointer, made on first use (its worker starts with the first file it watches). */
export function processCheckpointer(): Checkpointer {
  shared ??= new Checkpointer();
  return shared;
}

const noop = () => {};

let fallbackLog: Logger | undefined;
/** Only a refusal or a failing file is ever logged, to stderr like every log, at the level the bot runs with. */
function defaultLog(): Logger {
  fallbackLog ??= createLogger(process.env.LOG_LEVEL ?? 'info');
  return fallbackLog;
}

function betterSqlite3Path(): string {
  return createRequire(import.meta.url).resolve('better-sqlite3');
}

/** One TRUNCATE that never waits: with a reader elsewhere it leaves the log to that connection's close. */
function finalCheckpoint(db: Db): void {
  if (db.inTransaction) return;
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // SQLITE_BUSY: another connection is writing; it or the last close checkpoints.
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

function spawnWorker(data: CheckpointerData): Worker {
  return new Worker(WORKER_SOURCE, { eval: true, workerData: data, name: 'plc-wal-checkpointer' });
}

/**
 * The worker, in CommonJS: a worker written in TypeScript would need tsx or vitest to load it, and this one must
 * run the same under `npm start`, vitest and plain Node. For each file: PASSIVE at every look; once everything is
 * copied, TRUNCATE after `quietLooks` looks without a new frame, or RESTART past `restartFrames`. Its connection
 * has no busy wait: a TRUNCATE or RESTART that meets a commit under way gives up, and the next look tries again.
 */
const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const files = new Map();
let timer;

function report(path, e) {
  parentPort.postMessage({ type: 'error', path, message: String(e && e.message ? e.message : e) });
}

function look() {
  for (const [path, file] of files) {
    try {
      const [passive] = file.db.pragma('wal_checkpoint(PASSIVE)');
      let log = passive.log;
      file.quiet = log === file.lastLog ? file.quiet + 1 : 0;
      if (log > 0 && passive.busy === 0 && passive.checkpointed === log) {
        // Quiet for a while: give the space back. Under load the log restarts only when a writer finds it all
        // copied, which commits landing during each checkpoint prevent: past a size, RESTART makes it so. Both hold
        // the write lock for a moment (a commit then waits), so neither runs while the log is merely growing.
        const mode = file.quiet >= workerData.quietLooks ? 'TRUNCATE' : log >= workerData.restartFrames ? 'RESTART' : undefined;
        if (mode) log = file.db.pragma('wal_checkpoint(' + mode + ')')[0].log;
      }
      file.lastLog = log;
      file.failed = false;
    } catch (e) {
      // SQLITE_BUSY from TRUNCATE while a writer works is expected; anything else is said once per file.
      if (e && e.code !== 'SQLITE_BUSY' && !file.failed) report(path, e);
      file.failed = e && e.code !== 'SQLITE_BUSY';
    }
  }
}

parentPort.on('message', (m) => {
  if (m.type === 'watch') {
    if (files.has(m.path)) return;
    try {
      const db = new Database(m.path, { fileMustExist: true });
      db.pragma('busy_timeout = 0');
      files.set(m.path, { db, lastLog: -1, quiet: 0, failed: false });
    } catch (e) {
      report(m.path, e);
    }
    if (!timer) timer = setInterval(look, workerData.intervalMs);
  } else if (m.type === 'unwatch') {
    const file = files.get(m.path);
    files.delete(m.path);
    if (file) file.db.close();
    if (files.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  } else if (m.type === 'stop') {
    clearInterval(timer);
    for (const file of files.values()) file.db.close();
    files.clear();
    parentPort.close();
  }
});
`;
