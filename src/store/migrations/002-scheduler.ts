/**
 * The durable job table every scheduled piece of work lives in, and the lease that lets one process
 * send. Later capabilities add job kinds, not tables.
 */
export const scheduler = {
  version: 2,
  name: 'scheduler',
  sql: `
      CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        -- The idempotency key: the same work is never queued twice, and done work is never redone.
        key TEXT NOT NULL UNIQUE,
        -- Jobs that are replanned together (all reminders of one community) share a topic.
        topic TEXT,
        due_at INTEGER NOT NULL,
        -- From this instant on the work is useless (a reminder after its meeting started) and is dropped.
        stale_at INTEGER,
        payload TEXT NOT NULL DEFAULT '{}',
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done', 'dropped', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        owner TEXT,
        claimed_at INTEGER,
        finished_at INTEGER,
        last_error TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX jobs_pending_due ON jobs (due_at, id) WHERE state = 'pending';
      CREATE INDEX jobs_running ON jobs (owner) WHERE state = 'running';
      CREATE INDEX jobs_topic ON jobs (topic, state) WHERE topic IS NOT NULL;

      CREATE TABLE scheduler_lease (
        name TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        heartbeat_at INTEGER NOT NULL
      );
    `,
};
