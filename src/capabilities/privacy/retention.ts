import type { JobEnv, JobHandlers } from '../../scheduler/handlers.js';
import type { Job } from '../../store/jobs.js';
import type { Store } from '../../store/store.js';
import { expireBefore, type Holders } from './person.js';
import { truncateWalSoon } from './wal.js';

/** The daily job that applies RETENTION_DAYS. */
export const RETENTION_KIND = 'privacy.retention';
export const DAY_MS = 86_400_000;
/** Past midnight UTC, after the scheduler's own prune: housekeeping one after the other. */
const AT_MS = 30 * 60_000;

type RetentionPayload = { day: string };

function queueTomorrow(store: Store, now: number): void {
  const at = (Math.floor(now / DAY_MS) + 1) * DAY_MS + AT_MS;
  const day = new Date(at).toISOString().slice(0, 10);
  store.jobs.queue({ kind: RETENTION_KIND, key: `${RETENTION_KIND}:${day}`, dueAt: at, payload: { day } satisfies RetentionPayload }, now);
}

/**
 * Registers the retention job: each day it deletes, the way forget-me does, the personal writing older than
 * `days` (reflections, check-in notes, observation notes, meeting notes), through every holder's `expire`.
 * With `days` 0 it keeps everything and only plans the next day.
 */
export function registerRetention(handlers: JobHandlers, days: number, holders: Holders): void {
  handlers
    .register(RETENTION_KIND, (_job: Job, env: JobEnv) => {
      if (days > 0) {
        const expired = expireBefore(env.now - days * DAY_MS, env, holders);
        if (expired > 0) {
          env.log.info({ expired, days }, 'old personal writing deleted under RETENTION_DAYS');
          void truncateWalSoon(env.store.db, env.log);
        }
      }
      queueTomorrow(env.store, env.now);
      return null;
    })
    .seed((env) => queueTomorrow(env.store, env.now));
}
