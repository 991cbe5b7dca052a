/**
 * The workspace's coordinators, indexed: the bot asks on every command whether a workspace has one yet (the first
 * person to use it becomes its coordinator), and without the index that count read every person of the workspace,
 * a fifth of a `reflect` in a workspace of 1,000 (bench:slack's write mix).
 */
export const coordinatorIndex = {
  version: 160,
  name: 'coordinator-index',
  sql: `
      CREATE INDEX users_coordinators ON users (workspace_id) WHERE is_coordinator = 1;
    `,
};
