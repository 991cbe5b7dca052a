/**
 * A community's team goals with what a status counts of each, read from the index alone: by `goals_community`,
 * SQLite read every goal of the community from the table (individual ones too) to find its team goals. Partial,
 * so individual and school goals, the many, add nothing to it.
 */
export const teamGoalsIndex = {
  version: 501,
  name: 'goals: team goals index for summaries',
  sql: "CREATE INDEX goals_team ON goals (community_id, created_at, closed_at, outcome, workspace_id) WHERE level = 'team';",
};
