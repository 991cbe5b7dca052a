import type { Db } from './db.js';

/** The lease that lets exactly one process on a database send scheduled work. */
export class LeaseRepo {
  constructor(private readonly db: Db) {}

  /**
   * Takes or renews the lease for `owner` until `now + ttl`, unless another owner holds an unexpired one.
   * Returns whether `owner` holds it, and whether it just took it over from someone else.
   */
  acquire(name: string, owner: string, now: number, ttl: number): { held: boolean; takenOver: boolean } {
    return this.db
      .transaction(() => {
        const cur = this.db.prepare('SELECT owner, expires_at FROM scheduler_lease WHERE name = ?').get(name) as
          | { owner: string; expires_at: number }
          | undefined;
        if (cur && cur.owner !== owner && cur.expires_at > now) return { held: false, takenOver: false };
        this.db
          .prepare(
            `INSERT INTO scheduler_lease (name, owner, expires_at, heartbeat_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at, heartbeat_at = excluded.heartbeat_at`,
          )
          .run(name, owner, now + ttl, now);
        return { held: true, takenOver: cur?.owner !== owner };
      })
      .immediate();
  }

  /** Gives the lease up at shutdown so a successor need not wait for it to expire. */
  release(name: string, owner: string): void {
    this.db.prepare('DELETE FROM scheduler_lease WHERE name = ? AND owner = ?').run(name, owner);
  }

  holder(name: string): string | null {
    const r = this.db.prepare('SELECT owner FROM scheduler_lease WHERE name = ?').get(name) as { owner: string } | undefined;
    return r?.owner ?? null;
  }
}
