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
