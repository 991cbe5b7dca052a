/**
 * Finished jobs are pruned after a while; their keys stay here so that queuing one again still does nothing (the
 * promise of the idempotency key). Exact keys rather than hashes: a collision would silently skip new work.
 * No index on finished rows: it would cost every finished job a write in the middle of a burst, to spare one scan
 * a day of a table that pruning keeps to about a month (some 100 ms for 200,000 rows).
 */
export const prunedJobKeys = {
  version: 101,
  name: 'pruned-job-keys',
  sql: `
      CREATE TABLE pruned_job_keys (
        key TEXT PRIMARY KEY,
        pruned_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `,
};
