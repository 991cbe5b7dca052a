import { randomBytes } from 'node:crypto';
import { type Db, prepared } from '../../../store/db.js';
import type { Store } from '../../../store/store.js';

/** How long a chart's link works: a digest read a week later still shows its picture. */
export const CHART_TTL_MS = 7 * 86_400_000;

/** A coordinator's digest schedule. */
export interface Digest {
  userId: number;
  workspaceId: number;
  cadence: string;
  rrule: string;
  tz: string;
}

/** What a chart link finds: the picture, or that it has expired. */
export type ChartLookup = { state: 'found'; png: Buffer } | { state: 'expired' } | { state: 'unknown' };

class SummaryRepo {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = (sql: string) => prepared(db, sql);
  }

  /** Keeps a chart under a new unguessable token until `now + CHART_TTL_MS`; charts past their time go first. */
  saveChart(workspaceId: number, png: Buffer, now: number): string {
    this.pruneCharts(now);
    const token = randomBytes(24).toString('base64url');
    this.#sql('INSERT INTO summary_charts (token, workspace_id, png, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
      token,
      workspaceId,
      png,
      now,
      now + CHART_TTL_MS,
    );
    return token;
  }

  chart(token: string, now: number): ChartLookup {
    const r = this.#sql('SELECT png, expires_at AS expiresAt FROM summary_charts WHERE token = ?').get(token) as
      | { png: Buffer; expiresAt: number }
      | undefined;
    if (!r) return { state: 'unknown' };
    return r.expiresAt <= now ? { state: 'expired' } : { state: 'found', png: r.png };
  }

  /** Deletes the charts whose time is over; returns how many. */
  pruneCharts(now: number): number {
    return this.#sql('DELETE FROM summary_charts WHERE expires_at <= ?').run(now).changes;
  }

  digest(userId: number): Digest | null {
    return (
      (this.#sql('SELECT user_id AS userId, workspace_id AS workspaceId, cadence, rrule, tz FROM summary_digests WHERE user_id = ?').get(
        userId,
      ) as Digest | undefined) ?? null
    );
  }

  digests(): Digest[] {
    return this.#sql('SELECT user_id AS userId, workspace_id AS workspaceId, cadence, rrule, tz FROM summary_digests').all() as Digest[];
  }

  saveDigest(d: Digest, now: number): void {
    this.#sql(
      `INSERT INTO summary_digests (user_id, workspace_id, cadence, rrule, tz, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET cadence = excluded.cadence, rrule = excluded.rrule, tz = excluded.tz`,
    ).run(d.userId, d.workspaceId, d.cadence, d.rrule, d.tz, now);
  }

  deleteDigest(userId: number): boolean {
    return this.#sql('DELETE FROM summary_digests WHERE user_id = ?').run(userId).changes > 0;
  }
}

/** The summaries' repository on a store, made once per store. */
export function summaryRepo(store: Store): SummaryRepo {
  return store.extension('summaries', (db) => new SummaryRepo(db));
}
