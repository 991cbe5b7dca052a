import type { Job } from '../store/jobs.js';
import type { Store } from '../store/store.js';
import { DELIVER_KIND } from './fan-out.js';
import type { JobEnv, JobHandlers } from './handlers.js';

/** The core's daily job that deletes old finished jobs. */
export const PRUNE_KIND = 'scheduler.prune';
const DAY_MS = 86_400_000;
/** Finished jobs are kept this long: enough to see what was sent last month, or why it was not. */
export const RETENTION_MS = 30 * DAY_MS;
/** Rows deleted per transaction: a year's backlog on an old database must not hold the write lock for seconds. */
export const PRUNE_BATCH = 2000;

type PrunePayload = { day: string; part?: number };

const utcDay = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** Queues the prune of the next UTC day after `now`, due at its midnight; its key per day makes this idempotent. */
function queueTomorrowsPrune(store: Store, now: number): void {
  const at = (Math.floor(now / DAY_MS) + 1) * DAY_MS;
  const day = utcDay(at);
  store.jobs.queue({ kind: PRUNE_KIND, key: `${PRUNE_KIND}:${day}`, dueAt: at, payload: { day } satisfies PrunePayload }, now);
}

/**
 * `scheduler.prune`: deletes a batch of jobs finished more than RETENTION_MS ago, queues the next batch now if there
 * may be more, and tomorrow's prune. Recipients' deliveries need no remembered key: they are queued only in the
 * transaction that finishes their parent job, and a finished job never runs again.
 */
function prune(job: Job, env: JobEnv): null {
  const { day, part = 0 } = job.payload as PrunePayload;
  const pruned = env.store.jobs.prune(env.now - RETENTION_MS, env.now, PRUNE_BATCH, [DELIVER_KIND]);
  if (pruned === PRUNE_BATCH) {
    const next: PrunePayload = { day, part: part + 1 };
    env.store.jobs.queue({ kind: PRUNE_KIND, key: `${PRUNE_KIND}:${day}#${part + 1}`, dueAt: env.now, payload: next }, env.now);
  }
  if (pruned > 0) env.log.info({ pruned, day, part }, 'finished jobs pruned');
  queueTomorrowsPrune(env.store, env.now);
  return null;
}

/** Registers the core's own job kinds: the composition root adds them beside the capabilities'. */
export function registerCoreJobs(handlers: JobHandlers): JobHandlers {
  // Seeded for tomorrow, not now: a scheduler starting after downtime has overdue reminders to send first, and
  // housekeeping can wait a day.
  return handlers.register(PRUNE_KIND, prune).seed((env) => queueTomorrowsPrune(env.store, env.now));
}
