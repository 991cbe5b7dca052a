import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import cron, { type ScheduledTask } from 'node-cron';
import type { FirstContact } from '../first-contact.js';
import { type Logger, requestId } from '../log.js';
import { type Clock, type ManualClock, type Messenger, RecipientGoneError, systemClock, type WorkspaceAddress } from '../ports.js';
import { OPEN_ALWAYS, type QuietPolicy } from '../quiet-hours.js';
import type { Job } from '../store/jobs.js';
import type { Store } from '../store/store.js';
import { DELIVER_KIND, type Plan, planDelivery, planOutbox } from './fan-out.js';
import type { Edit, JobEnv, JobHandlers, Track, Tracker } from './handlers.js';

/** How many sends are in flight at once: also the most a crash can repeat. */
export const DEFAULT_CONCURRENCY = 16;
const LEASE_NAME = 'scheduler';
const MAX_ATTEMPTS = 5;
/** setTimeout's longest reliable wait is ~24 days; the minute heartbeat catches up anyway. */
const MAX_TIMER_MS = 60_000;

export interface SchedulerOptions {
  store: Store;
  /** Product time: when jobs are due and whether they are stale. */
  clock: Clock;
  messenger: Messenger;
  handlers: JobHandlers;
  log: Logger;
  concurrency?: number;
  /** How long the lease lasts without a heartbeat; a crashed sender's successor waits this long. */
  leaseMs?: number;
  /** Wall time for the lease: process liveness is real time even when product time is simulated. */
  wallClock?: Clock;
  /** How many due jobs one claim takes. */
  batch?: number;
  /** The install's quiet hours: a person's messages wait outside them. */
  quiet?: QuietPolicy;
  /** Introduces the bot in the first DM that reaches each person; without it, no DM carries an introduction. */
  firstContact?: FirstContact;
}

/**
 * The durable scheduler: due jobs are claimed from SQLite, handed to their kind's handler, sent through the
 * messenger with bounded concurrency and marked done one by one. One process per database sends (a lease).
 */
export class Scheduler {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  readonly #o: Required<Omit<SchedulerOptions, 'wallClock' | 'quiet' | 'firstContact'>> & {
    wallClock: Clock;
    quiet: QuietPolicy;
    firstContact?: FirstContact;
  };
  #held = false;
  #running = false;
  #ticking: Promise<void> | null = null;
  #again = false;
  #timer: NodeJS.Timeout | null = null;
  #armedFor = Number.POSITIVE_INFINITY;
  #heartbeat: NodeJS.Timeout | null = null;
  #cron: ScheduledTask | null = null;
  #unlisten: (() => void) | null = null;
  #recovered = false;

  constructor(options: SchedulerOptions) {
    this.#o = { concurrency: DEFAULT_CONCURRENCY, leaseMs: 30_000, batch: 256, wallClock: systemClock, quiet: OPEN_ALWAYS, ...options };
  }

  /** Whether this process holds the lease (and so sends). */
  get holdsLease(): boolean {
    return this.#held;
  }

  /** Starts the ticker: a timer to the next due job, a minute heartbeat, and the lease heartbeat. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#unlisten = this.#o.store.jobs.onQueued((dueAt) => {
      if (dueAt < this.#armedFor) this.#arm(dueAt);
    });
    this.#heartbeat = setInterval(() => this.#renew(), Math.max(100, Math.floor(this.#o.leaseMs / 3)));
    this.#heartbeat.unref();
    this.#cron = cron.schedule('* * * * *', () => this.poke(), { name: `scheduler-${this.owner}`, noOverlap: true });
    this.poke();
  }

  /** Stops ticking, waits for the sends in flight, and gives the lease up. */
  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    this.#unlisten?.();
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    await this.#cron?.destroy();
    await this.#ticking;
    if (this.#o.store.db.open) this.#o.store.lease.release(LEASE_NAME, this.owner);
    this.#held = false;
  }

  /** Runs what is due now, soon (coalescing calls while a tick runs). */
  poke(): void {
    if (!this.#running) return;
    if (this.#ticking) {
      this.#again = true;
      return;
    }
    this.#ticking = this.tick()
      .then(() => undefined)
      .catch((err: unknown) => this.#o.log.error({ err }, 'scheduler tick failed'))
      .finally(() => {
        this.#ticking = null;
        if (!this.#running) return;
        if (this.#again) {
          this.#again = false;
          this.poke();
        } else this.#arm(this.#o.store.jobs.nextDueAt());
      });
  }

  /**
   * Claims and runs every job due now, at most `concurrency` at a time. Returns how many ran, or null
   * when another process holds the lease.
   */
  async tick(): Promise<number | null> {
    if (!this.#renew()) return null;
    const { store, clock, concurrency, batch } = this.#o;
    const queue: Job[] = [];
    let ran = 0;
    const take = (): Job | undefined => {
      if (queue.length === 0 && this.#renew()) queue.push(...store.jobs.claimDue(this.owner, clock.now().getTime(), batch));
      return queue.shift();
    };
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let job = take(); job; job = take()) {
          await this.run(job);
          ran++;
        }
      }),
    );
    return ran;
  }

  /**
   * Moves a manual clock to `to`, running every job due on the way in due order, each with the clock at
   * its due time, including jobs queued by the jobs themselves. The console's `:clock` and tests use this.
   */
  async advance(clock: ManualClock, to: number): Promise<void> {
    const { jobs } = this.#o.store;
    if (!this.#recovered) {
      jobs.recover(this.owner);
      this.#seed();
      this.#recovered = true;
    }
    for (let next = jobs.nextDue(to); next; next = jobs.nextDue(to)) {
      clock.set(next.dueAt);
      const job = jobs.claim(next.id, this.owner, clock.now().getTime());
      if (job) await this.run(job);
    }
    clock.set(to);
  }

  /**
   * Runs one claimed job: drops it when stale, else lets its handler decide (and fan several recipients out into
   * jobs of their own), sends, and marks it done. A failed send retries or drops this job alone.
   */
  async run(job: Job): Promise<void> {
    const { store, clock, messenger } = this.#o;
    // Every line about this job carries its request id and key (kinds and ids, never what people wrote).
    const log = this.#o.log.child({ reqId: requestId(), kind: job.kind });
    const now = clock.now().getTime();
    if (job.staleAt !== null && now >= job.staleAt) {
      store.jobs.drop(job.id, now, 'stale');
      log.warn({ job: job.key, dueAt: new Date(job.dueAt).toISOString(), lateMs: now - job.dueAt }, 'stale job dropped');
      return;
    }
    // Whatever a capability checks itself, nothing of an archived community goes out (archive unqueues its jobs).
    if (ofArchivedCommunity(store, job)) {
      store.jobs.drop(job.id, now, 'archived');
      log.info({ job: job.key }, 'job of an archived community dropped');
      return;
    }
    const decide = this.#decider(job.kind);
    if (!decide) {
      store.jobs.fail(job.id, now, `no handler for ${job.kind}`);
      log.error({ job: job.key, kind: job.kind }, 'no handler for job kind');
      return;
    }
    let plan: Plan | null;
    try {
      plan = store.transaction(() => {
        const decided = decide(job, { store, now, log, quiet: this.#o.quiet });
        // Decided as it is sent, in the same transaction: a DM that waited out quiet hours carries it only if still first.
        return decided && this.#o.firstContact ? this.#o.firstContact.introduceSends(decided, job.key, now) : decided;
      });
    } catch (err) {
      store.jobs.fail(job.id, now, String(err));
      log.error({ err, job: job.key }, 'job handler failed');
      return;
    }
    try {
      if (plan) {
        // At most one send: an outbox with several recipients was queued as one job each.
        for (const s of plan.sends) {
          const sent = await messenger.send(plan.workspace, s.to, s.view);
          const { track } = s;
          if (sent && track) this.#tell(job, track, (t, _, env) => t.posted(sent, track, env));
        }
        for (const e of plan.edits) await this.#edit(job, plan.workspace, e);
      }
      store.jobs.done(job.id, clock.now().getTime());
    } catch (err) {
      const at = clock.now().getTime();
      if (err instanceof RecipientGoneError || job.attempts >= MAX_ATTEMPTS) {
        store.jobs.drop(job.id, at, String(err));
        log.warn({ err, job: job.key }, 'job dropped: recipient unreachable');
      } else {
        // Back off 1, 4, 16, 64 minutes; staleness still ends a reminder that can no longer help.
        store.jobs.retry(job.id, at + 60_000 * 4 ** (job.attempts - 1), String(err));
        log.warn({ err, job: job.key, attempts: job.attempts }, 'send failed; will retry');
      }
    }
  }

  /** What decides a job of `kind` inside its transaction: the scheduler's own delivery kind, or a registered handler. */
  #decider(kind: string): ((job: Job, env: JobEnv) => Plan | null) | null {
    if (kind === DELIVER_KIND) return planDelivery;
    const handler = this.#o.handlers.get(kind);
    if (!handler) return null;
    return (job, env) => {
      const outbox = handler(job, env);
      return outbox && planOutbox(job, outbox, env);
    };
  }

  /** Updates an earlier post in place; whatever goes wrong is logged and dropped, so an edit never posts anew. */
  async #edit(job: Job, workspace: WorkspaceAddress, e: Edit): Promise<void> {
    try {
      await this.#o.messenger.update(workspace, e.sent, e.view);
    } catch (err) {
      this.#o.log.warn({ err, job: job.key, message: e.sent }, 'message update failed; dropped');
      const { track } = e;
      if (track && err instanceof RecipientGoneError) this.#tell(job, track, (t, _, env) => t.gone(e.sent, track, env));
    }
  }

  /**
   * Hands what happened to a tracked message to its capability's tracker, in a transaction. A failure here is
   * logged, not retried: the message went out, and repeating the job would post it twice.
   */
  #tell(job: Job, track: Track, fn: (tracker: Tracker, track: Track, env: JobEnv) => void): void {
    const { store, clock, log, handlers } = this.#o;
    const tracker = handlers.tracker(track.kind);
    if (!tracker) {
      log.error({ job: job.key, track: track.kind }, 'no tracker for tracked message kind');
      return;
    }
    try {
      store.transaction(() => fn(tracker, track, { store, now: clock.now().getTime(), log }));
    } catch (err) {
      log.error({ err, job: job.key, track: track.kind }, 'tracking a message failed');
    }
  }

  /** Takes or renews the lease; a new holder first returns its predecessor's in-flight jobs to the queue. */
  #renew(): boolean {
    const { store, wallClock, leaseMs, log } = this.#o;
    if (!store.db.open) return false;
    const { held, takenOver } = store.lease.acquire(LEASE_NAME, this.owner, wallClock.now().getTime(), leaseMs);
    if (held && takenOver) {
      const n = store.jobs.recover(this.owner);
      if (n) log.warn({ jobs: n }, 'jobs in flight when the previous sender stopped are queued again');
      this.#seed();
    }
    if (!held && this.#held) log.warn('scheduler lease lost to another process');
    this.#held = held;
    return held;
  }

  /** Queues the first job of every self-rescheduling chain that lacks one (the daily prune); a failure is logged. */
  #seed(): void {
    const { store, clock, log, handlers } = this.#o;
    const env = { store, now: clock.now().getTime(), log };
    try {
      store.transaction(() => {
        for (const seed of handlers.seeds()) seed(env);
      });
    } catch (err) {
      log.error({ err }, 'seeding scheduled work failed');
    }
  }

  #arm(dueAt: number | null): void {
    if (!this.#running) return;
    if (this.#timer) clearTimeout(this.#timer);
    const wait = dueAt === null ? MAX_TIMER_MS : Math.min(MAX_TIMER_MS, Math.max(0, dueAt - this.#o.clock.now().getTime()));
    this.#armedFor = dueAt ?? Number.POSITIVE_INFINITY;
    this.#timer = setTimeout(() => {
      this.#armedFor = Number.POSITIVE_INFINITY;
      this.poke();
    }, wait);
    this.#timer.unref();
  }
}

/** Whether a job's payload names a community (`workspaceId` and `communityId`) that is archived. */
function ofArchivedCommunity(store: Store, job: Job): boolean {
  const { workspaceId, communityId } = job.payload;
  if (typeof workspaceId !== 'number' || typeof communityId !== 'number') return false;
  return store.communities.get(workspaceId, communityId)?.archivedAt != null;
}
