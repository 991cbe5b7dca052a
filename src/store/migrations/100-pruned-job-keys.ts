/**
 * Finished jobs are pruned after a while; their keys stay here so that queuing one again still does nothing (the
 * promise of the idempotency key). Exact keys rather than hashes: a collision would silently skip new work.
 * The partial index lets the daily prune find old finished rows without reading every payload.
 */
export const prunedJobKeys = {
  version: 100,
  name: 'pruned-job-keys',
  sql: `
      CREATE TABLE pruned_job_keys (
        key TEXT PRIMARY KEY,
        pruned_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX jobs_finished ON jobs (finished_at) WHERE state IN ('done', 'dropped', 'failed');
    `,
};
