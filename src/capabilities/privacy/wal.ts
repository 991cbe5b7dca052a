import type { Logger } from '../../log.js';
import type { Db } from '../../store/db.js';

/** How long between tries while a reader holds the write-ahead log, and for how long to keep trying. */
const RETRY_MS = 250;
const GIVE_UP_MS = 15 * 60_000;

const inFlight = new Set<Promise<void>>();

/**
 * Empties the write-ahead log into the database file and truncates it to nothing, so the pages a forget-me
 * rewrote are not left behind in the `-wal` file. A connection reading at that moment (another process, a long
 * report) keeps the log; this tries again, without blocking anyone (no busy wait), until it is truncated, and
 * logs when it is done. It starts after the caller's transaction has committed.
 */
export function truncateWalSoon(db: Db, log: Logger): Promise<void> {
  const started = Date.now();
  const done = new Promise<void>((resolve) => {
    let tries = 0;
    const attempt = () => {
      if (!db.open) return resolve();
      tries++;
      if (checkpointTruncate(db)) {
        log.info({ tries }, 'write-ahead log truncated after an erasure');
        return resolve();
      }
      if (Date.now() - started > GIVE_UP_MS) {
        log.warn({ tries }, 'write-ahead log still held by a reader; the next checkpoint will truncate it');
        return resolve();
      }
      setTimeout(attempt, RETRY_MS);
    };
    setImmediate(attempt);
  });
  inFlight.add(done);
  void done.finally(() => inFlight.delete(done));
  return done;
}

/** One `wal_checkpoint(TRUNCATE)` that never waits on a busy handler; true when the log is now empty. */
export function checkpointTruncate(db: Db): boolean {
  if (db.inTransaction) return false;
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    return r !== undefined && r.busy === 0 && r.log <= 0;
  } catch {
    // SQLITE_BUSY from another writer: try again later.
    return false;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

/** Resolves when every truncation started so far has finished (tests and the command-line tools wait on it). */
export async function walTruncationsSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}
