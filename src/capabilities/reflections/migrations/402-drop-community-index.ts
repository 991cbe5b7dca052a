/**
 * `reflections_community (community_id, created_at)` is a prefix of `reflections_summary`, which serves every
 * query it served (and the cascade from a deleted community). It cost one more page written per reflection, and
 * with both, SQLite's planner picked the narrower one for some periods (its statistics weigh each period's
 * bounds) and then read every row's visibility from the table: a district's month took seven times as long as
 * the month before it.
 */
export const dropReflectionsCommunityIndex = {
  version: 402,
  name: 'reflections: drop the index the summary index covers',
  sql: 'DROP INDEX IF EXISTS reflections_community;',
};
