/**
 * A covering index for status summaries: a district's counts per community and period (how many, by how many
 * people, how many shared) read the index alone, never the reflections' text.
 */
export const reflectionSummaryIndex = {
  version: 401,
  name: 'reflections summary index',
  sql: 'CREATE INDEX reflections_summary ON reflections (community_id, created_at, author_id, visibility);',
};
