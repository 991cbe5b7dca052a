import { type Db, prepared } from './db.js';

export type JobState = 'pending' | 'running' | 'done' | 'dropped' | 'failed';

/** One piece of scheduled work: what kind, when it falls due (UTC ms), until when it is still useful. */
export interface Job {
  id: number;
  kind: string;
  key: string;
  topic: string | null;
  dueAt: number;
  staleAt: number | null;
  payload: Record<string, unknown>;
  state: JobState;
  attempts: number;
}

/** What a capability asks the scheduler to do later. */
export interface NewJob {
  kind: string;
  /** The idempotency key: queuing the same key again does nothing, even after the job has run and been pruned. */
  key: string;
  dueAt: number;
  staleAt?: number | null;
  topic?: string | null;
  payload?: Record<string, unknown>;
}

interface Row {
  id: number;
  kind: string;
  key: string;
  topic: string | null;
  due_at: number;
  stale_at: number | null;
  payload: string;
  state: JobState;
  attempts: number;
}

const toJob = (r: Row): Job => ({
  id: r.id,
  kind: r.kind,
  key: r.key,
  topic: r.topic,
  dueAt: r.due_at,
  staleAt: r.stale_at,
  payload: JSON.parse(r.payload) as Record<string, unknown>,
  state: r.state,
  attempts: r.attempts,
});

/** The durable job table: queue, claim, finish. Every write is one statement, so a crash leaves no half-claimed job. */
export class JobRepo {
  readonly #listeners = new Set<(dueAt: number) => void>();
  readonly #insert;
  readonly #finish;

  readonly #sql;

  constructor(db: Db) {
    this.#sql = (sql: string) => prepared(db, sql);
    // A key is known while its row lives, and after the row is pruned through pruned_job_keys.
    this.#insert = this.#sql(
      `INSERT INTO jobs (kind, key, topic, due_at, stale_at, payload, created_at) SELECT ?, ?, ?, ?, ?, ?, ?
       WHERE NOT EXISTS (SELECT 1 FROM pruned_job_keys WHERE key = ?)
       ON CONFLICT (key) DO NOTHING`,
    );
    this.#finish = this.#sql("UPDATE jobs SET state = ?, finished_at = ?, last_error = ?, owner = NULL WHERE id = ? AND state = 'running'");
  }

  /** Calls `listener` with the due time of every job queued from now on (the ticker re-arms its timer). */
  onQueued(listener: (dueAt: number) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Tells the listeners of a job queued: here, or through another connection (the command thread's). */
  notifyQueued(dueAt: number): void {
    for (const l of this.#listeners) l(dueAt);
  }

  /** Queues a job unless its key is known (queued, finished, or finished and pruned); returns whether it was new. */
  queue(job: NewJob, now: number): boolean {
    const info = this.#insert.run(
      job.kind,
      job.key,
      job.topic ?? null,
      job.dueAt,
      job.staleAt ?? null,
      JSON.stringify(job.payload ?? {}),
      now,
      job.key,
    );
    if (info.changes > 0) this.notifyQueued(job.dueAt);
    return info.changes > 0;
  }

  /** Forgets the pending jobs of a topic that are not yet due, so the topic can be planned afresh. */
  unqueueTopic(topic: string, now: number): number {
    return this.#sql("DELETE FROM jobs WHERE topic = ? AND state = 'pending' AND due_at > ?").run(topic, now).changes;
  }

  /** Marks up to `limit` due jobs as running for `owner`, earliest first. */
  claimDue(owner: string, now: number, limit: number): Job[] {
    const rows = this.#sql(
      `UPDATE jobs SET state = 'running', owner = ?, claimed_at = ?, attempts = attempts + 1
         WHERE id IN (SELECT id FROM jobs WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT ?)
         RETURNING *`,
    ).all(owner, now, now, limit) as Row[];
    return rows.map(toJob).sort((a, b) => a.dueAt - b.dueAt || a.id - b.id);
  }

  /** Claims one job by id (the console runs jobs one at a time, in due order). */
  claim(id: number, owner: string, now: number): Job | null {
    const r = this.#sql(
      `UPDATE jobs SET state = 'running', owner = ?, claimed_at = ?, attempts = attempts + 1
         WHERE id = ? AND state = 'pending' RETURNING *`,
    ).get(owner, now, id) as Row | undefined;
    return r ? toJob(r) : null;
  }

  /** The earliest pending job due at or before `until`, if any. */
  nextDue(until: number): Job | null {
    const r = this.#sql("SELECT * FROM jobs WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT 1").get(until) as
      | Row
      | undefined;
    return r ? toJob(r) : null;
  }

  /** When the earliest pending job falls due, or null when none waits. */
  nextDueAt(): number | null {
    const r = this.#sql("SELECT MIN(due_at) AS at FROM jobs WHERE state = 'pending'").get() as { at: number | null };
    return r.at;
  }

  done(id: number, now: number): void {
    this.#finish.run('done', now, null, id);
  }

  /** Gives up on a job for good: stale, or its recipient is gone. */
  drop(id: number, now: number, reason: string): void {
    this.#finish.run('dropped', now, reason, id);
  }

  fail(id: number, now: number, error: string): void {
    this.#finish.run('failed', now, error, id);
  }

  /** Puts a running job back in the queue for another try at `dueAt`. */
  retry(id: number, dueAt: number, error: string): void {
    this.#sql("UPDATE jobs SET state = 'pending', due_at = ?, last_error = ?, owner = NULL WHERE id = ? AND state = 'running'").run(
      dueAt,
      error,
      id,
    );
  }

  /**
   * Returns jobs another owner was running to the queue: that owner died or lost the lease, so only
   * the sends it had in flight can repeat.
   */
  recover(owner: string): number {
    return this.#sql("UPDATE jobs SET state = 'pending', owner = NULL WHERE state = 'running' AND owner IS NOT ?").run(owner).changes;
  }

  /**
   * Deletes up to `limit` jobs that finished (done, dropped or failed) before `before`, and returns how many went.
   * They are taken in the order they were queued, so a scan stops at the first `limit` and a backlog goes batch by
   * batch without sorting the table. Their keys are kept in pruned_job_keys, so `queue` still refuses them, except for the `unguarded`
   * kinds: those whose keys no one can queue again once their row is finished.
   *
   * Keys are remembered rather than proven unable to recur: many embed no time (`meeting.nudge:<meeting>`), and a
   * capability may plan the same key again whenever it replans. A remembered key is a few dozen bytes against a row
   * with its payload, and exact rather than hashed, because a collision would silently skip new work.
   */
  prune(before: number, now: number, limit: number, unguarded: readonly string[] = []): number {
    const gone = this.#sql(
      `DELETE FROM jobs WHERE id IN (
         SELECT id FROM jobs WHERE state IN ('done', 'dropped', 'failed') AND finished_at < ? LIMIT ?)
       RETURNING kind, key`,
    ).all(before, limit) as { kind: string; key: string }[];
    const remember = this.#sql('INSERT INTO pruned_job_keys (key, pruned_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING');
    for (const { kind, key } of gone) if (!unguarded.includes(kind)) remember.run(key, now);
    return gone.length;
  }

  /** How many jobs are in each state (tests, health, benchmarks). */
  counts(): Record<JobState, number> {
    const out: Record<JobState, number> = { pending: 0, running: 0, done: 0, dropped: 0, failed: 0 };
    for (const r of this.#sql('SELECT state, COUNT(*) AS n FROM jobs GROUP BY state').all() as { state: JobState; n: number }[]) {
      out[r.state] = r.n;
    }
    return out;
  }

  /** Whether any job, in any state or pruned, has a key matching a GLOB pattern: `meeting.remind:12:*:1788…` (any variant). */
  anyKeyMatching(pattern: string): boolean {
    const sql = 'SELECT 1 FROM jobs WHERE key GLOB ? UNION ALL SELECT 1 FROM pruned_job_keys WHERE key GLOB ? LIMIT 1';
    return this.#sql(sql).get(pattern, pattern) !== undefined;
  }

  byKey(key: string): Job | null {
    const r = this.#sql('SELECT * FROM jobs WHERE key = ?').get(key) as Row | undefined;
    return r ? toJob(r) : null;
  }

  /** Pending jobs of a topic, earliest first. */
  pendingInTopic(topic: string): Job[] {
    return (this.#sql("SELECT * FROM jobs WHERE topic = ? AND state = 'pending' ORDER BY due_at, id").all(topic) as Row[]).map(toJob);
  }
}
