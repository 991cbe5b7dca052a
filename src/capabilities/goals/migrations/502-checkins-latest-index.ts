/**
 * A goal's check-ins by time with their status, read from the index alone: a status reads each team goal's
 * check-ins in its periods and its latest one before them, and looked every status up in the table (12,000 rows in
 * a district's half-year). `id` breaks ties in time, as "latest" does. It serves every query `goal_checkins_goal`
 * served, so that one goes.
 */
export const checkinsLatestIndex = {
  version: 502,
  name: 'goals: check-ins by goal and time with their status',
  sql: `
      CREATE INDEX goal_checkins_latest ON goal_checkins (goal_id, at, id, status);
      DROP INDEX IF EXISTS goal_checkins_goal;
  `,
};
