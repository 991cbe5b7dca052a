/**
 * `reflections_community (community_id, created_at)` is a prefix of `reflections_summary`, which serves every
 * query it served (and the cascade from a deleted community): it only cost one more page written per reflection.
 */
export const dropReflectionsCommunityIndex = {
  version: 402,
  name: 'reflections: drop the index the summary index covers',
  sql: 'DROP INDEX IF EXISTS reflections_community;',
};
