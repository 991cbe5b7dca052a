/**
 * A district's meetings of a half-year, read for a status from the index alone: by `meetings_start` SQLite read
 * each meeting's row from the table (notes and all), which cost more than the rest of the meetings figures. The new
 * index starts with the same two columns and serves every query `meetings_start` served, so that one goes: with
 * both, the planner may pick the narrower and read the table again (as `reflections_community` did, migration 402),
 * and every meeting written would write both.
 */
export const meetingsSummaryIndex = {
  version: 314,
  name: 'meetings: summary index',
  sql: `
      CREATE INDEX meetings_summary ON meetings (community_id, starts_at, status, moved, occurrence, yes_members);
      DROP INDEX IF EXISTS meetings_start;
  `,
};
