import type { Statement } from 'better-sqlite3';
import type { Db } from '../../src/store/db.js';

/** How often the rows past their memory are deleted: every this many new ones. */
const PRUNE_EVERY = 500;

/** Keys seen before, in SQLite so that a restart, or another process on the same file, still recognises them. */
class SeenOnce {
  #inserted = 0;
  readonly #insert: Statement<[string, number]>;
  readonly #prune: Statement<[number]>;

  constructor(
    db: Db,
    table: 'slack_events' | 'slack_requests',
    key: 'event_id' | 'signature',
    private readonly memoryMs: number,
  ) {
    this.#insert = db.prepare(`INSERT OR IGNORE INTO ${table} (${key}, received_at) VALUES (?, ?)`);
    this.#prune = db.prepare(`DELETE FROM ${table} WHERE received_at < ?`);
  }

  /** Records the key; false when it was seen before. */
  firstSeen(key: string, now: number): boolean {
    if (this.#insert.run(key, now).changes === 0) return false;
    if (++this.#inserted % PRUNE_EVERY === 0) this.#prune.run(now - this.memoryMs);
    return true;
  }
}

/** How long an Events API delivery is remembered; Slack retries within minutes. */
const EVENT_MEMORY_MS = 24 * 3_600_000;

/** Events API deliveries already seen (by event_id): a retry (x-slack-retry-num) is skipped. */
export class EventLedger extends SeenOnce {
  constructor(db: Db) {
    super(db, 'slack_events', 'event_id', EVENT_MEMORY_MS);
  }
}

/**
 * How long a signed request is remembered: its timestamp may be five minutes off either way, so a copy
 * can be accepted up to ten minutes after the first arrived, and no later.
 */
export const REQUEST_MEMORY_MS = 10 * 60_000;

/** Signed requests already let in, by signature: the same signature again is a replay. */
export class RequestLedger extends SeenOnce {
  constructor(db: Db) {
    super(db, 'slack_requests', 'signature', REQUEST_MEMORY_MS);
  }
}

/** Two presses of one button by one person closer together than this are a double click. */
const DOUBLE_CLICK_SECONDS = 2;

/**
 * Button presses already handled. Slack sends each click separately (new `action_ts`, new trigger),
 * so a double click is recognised by the same person, message and button within a short time of the
 * press's own `action_ts`, which keeps the decision independent of when the request arrives.
 */
export class ClickGuard {
  readonly #last = new Map<string, number>();

  /** True when this press should run; false for the second click of a double click. */
  accept(key: string, actionTs: string): boolean {
    const at = Number(actionTs);
    const previous = this.#last.get(key);
    if (previous !== undefined && Number.isFinite(at) && Math.abs(at - previous) < DOUBLE_CLICK_SECONDS) return false;
    this.#last.set(key, Number.isFinite(at) ? at : Number.NEGATIVE_INFINITY);
    if (this.#last.size > 10_000) this.#last.delete(this.#last.keys().next().value as string);
    return true;
  }
}
