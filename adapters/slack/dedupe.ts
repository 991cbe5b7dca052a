import type { Db } from '../../src/store/db.js';

/** How long an Events API delivery is remembered; Slack retries within minutes. */
const EVENT_MEMORY_MS = 24 * 3_600_000;

/** Events API deliveries already seen, in SQLite so a retry after a restart is still recognised. */
export class EventLedger {
  #inserted = 0;

  constructor(private readonly db: Db) {}

  /** Records the event; false when it was seen before (a retry to skip). */
  firstSeen(eventId: string, now: number): boolean {
    const info = this.db.prepare('INSERT OR IGNORE INTO slack_events (event_id, received_at) VALUES (?, ?)').run(eventId, now);
    if (info.changes === 0) return false;
    if (++this.#inserted % 500 === 0) this.db.prepare('DELETE FROM slack_events WHERE received_at < ?').run(now - EVENT_MEMORY_MS);
    return true;
  }
}

/**
 * How long a signed request is remembered: its timestamp may be five minutes off either way, so a copy
 * can be accepted up to ten minutes after the first arrived, and no later.
 */
export const REQUEST_MEMORY_MS = 10 * 60_000;

/** How often the signatures past their memory are dropped: not on every request, which would cost an iterator each. */
const FORGET_EVERY_MS = 10_000;

/**
 * Signed requests already let in, by signature: the same signature again is a replay. Kept in memory because
 * SQLite cost too much on every request: a commit each came to about 140 µs, nearly half of what a bare Bolt
 * app spends on a whole request, and a lookup per request with batched writes still about 80 µs (bench:slack's
 * machine). What memory gives up: a restarted process forgets, and two processes on one file (a rolling
 * restart) do not see each other's. Either leaves someone already holding a signed request the minutes its
 * timestamp has left; Events API retries are still caught by event_id, in SQLite.
 */
export class RequestLedger {
  /** Signature → when it was let in, oldest first (insertion order), so forgetting stops at the first one kept. */
  readonly #seen = new Map<string, number>();
  #forgotAt = 0;

  /** Records the signature; false when it was let in before, within REQUEST_MEMORY_MS. */
  firstSeen(signature: string, now: number): boolean {
    const at = this.#seen.get(signature);
    if (at !== undefined && at > now - REQUEST_MEMORY_MS) return false;
    if (now - this.#forgotAt > FORGET_EVERY_MS) this.#forget(now);
    // Deleted first so that a signature let in again moves to the end, keeping the oldest first.
    if (at !== undefined) this.#seen.delete(signature);
    this.#seen.set(signature, now);
    return true;
  }

  #forget(now: number): void {
    this.#forgotAt = now;
    for (const [signature, at] of this.#seen) {
      if (at > now - REQUEST_MEMORY_MS) break;
      this.#seen.delete(signature);
    }
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
