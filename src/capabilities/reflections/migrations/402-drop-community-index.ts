/**
 * The index on `(community_id, created_at)` goes: the summary index of 401 begins with the same columns and covers
 * what summaries read. With both, SQLite's planner picked the narrower one for some periods (its statistics make
 * it weigh each period's bounds) and then read every row's visibility from the table: a district's month took
 * seven times as long as the month before it.
 */
export const reflectionCommunityIndexDropped = {
  version: 402,
  name: 'reflections community index dropped',
  sql: 'DROP INDEX reflections_community;',
};
