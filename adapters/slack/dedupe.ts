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
