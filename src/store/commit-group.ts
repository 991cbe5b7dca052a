import { prepared } from './db.js';
import type { Store } from './store.js';

interface Pending {
  fn: () => unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** The most pieces of work one commit carries: a burst longer than that commits in several. */
const MAX_BATCH = 32;

/**
 * Work that arrives together shares one commit. Under a burst (a school answering the Friday prompt at once) the
 * commit is much of what a write costs: each writes its pages to the log, and a batch writes once a page that
 * several of its commands changed (a table's last page, the workspace's counter of `#n`).
 *
 * The work waits for the end of the current turn of the event loop, so whatever arrived in that turn runs with it.
 * Each piece runs in a savepoint of its own, so one that throws is rolled back alone, and every promise settles
 * after the commit: nothing is answered before it is stored. A commit that fails rejects every promise of its
 * batch, none of whose work was written.
 */
export class CommitGroup {
  readonly #queue: Pending[] = [];
  #scheduled = false;

  constructor(private readonly store: Store) {}

  /** Runs `fn` in the next shared transaction; resolves with what it returned once that transaction has committed. */
  run<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (this.#scheduled) return;
      this.#scheduled = true;
      setImmediate(() => this.#flush());
    });
  }

  #flush(): void {
    this.#scheduled = false;
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, MAX_BATCH);
      const outcomes: Outcome[] = [];
      try {
        this.store.transaction(() => {
          for (const p of batch) {
            try {
              outcomes.push({ ok: true, value: this.store.transaction(p.fn) });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
        });
      } catch (error) {
        for (const p of batch) p.reject(error);
        continue;
      }
      for (const [i, p] of batch.entries()) {
        const outcome = outcomes[i] as Outcome;
        if (outcome.ok) p.resolve(outcome.value);
        else p.reject(outcome.error);
      }
    }
  }
}

/**
 * Work that only reads, arriving together, run in one read transaction at the end of the turn; each piece would
 * otherwise open its own for every lookup. Beside the command thread's connection this is also what keeps the
 * thread that serves HTTP from waiting: a read transaction takes no write lock, so it never waits for the thread's
 * commits, where a shared commit's `BEGIN IMMEDIATE` would (synchronously). A piece that must write after all (a
 * person seen for the first time) and cannot, because another connection holds the lock or wrote since the batch
 * began (SQLITE_BUSY), is rolled back (each piece runs in a savepoint) and handed to its `retry` after the batch.
 * Every promise settles after the batch's commit, as with CommitGroup.
 */
export class ReadGroup {
  #queue: (Pending & { retry: () => Promise<unknown> })[] = [];
  #running = false;
  readonly #savepoint: (fn: () => unknown) => unknown;

  constructor(private readonly store: Store) {
    // Inside the batch's transaction, better-sqlite3 makes each call a savepoint.
    this.#savepoint = store.db.transaction((fn: () => unknown) => fn());
  }

  /** Whether a batch is running: a piece that meets SQLITE_BUSY then throws it, to be retried, rather than answer it. */
  get running(): boolean {
    return this.#running;
  }

  run<T>(fn: () => T, retry: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.#queue.length === 0) setImmediate(() => this.#flush());
      this.#queue.push({ fn, retry, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  #flush(): void {
    const batch = this.#queue;
    this.#queue = [];
    const { db } = this.store;
    const outcomes: (Outcome | 'retry')[] = [];
    try {
      prepared(db, 'BEGIN DEFERRED').run();
      this.#running = true;
      try {
        for (const p of batch) {
          try {
            outcomes.push({ ok: true, value: this.#savepoint(p.fn) });
          } catch (error) {
            outcomes.push(isBusy(error) ? 'retry' : { ok: false, error });
          }
        }
      } finally {
        this.#running = false;
        if (db.inTransaction) prepared(db, 'COMMIT').run();
      }
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    for (const [i, p] of batch.entries()) {
      const outcome = outcomes[i] as Outcome | 'retry';
      if (outcome === 'retry') p.retry().then(p.resolve, p.reject);
      else if (outcome.ok) p.resolve(outcome.value);
      else p.reject(outcome.error);
    }
  }
}

/** SQLITE_BUSY or one of its kinds (SQLITE_BUSY_SNAPSHOT: another connection wrote since the transaction began). */
export function isBusy(error: unknown): boolean {
  return typeof (error as { code?: unknown })?.code === 'string' && (error as { code: string }).code.startsWith('SQLITE_BUSY');
}
