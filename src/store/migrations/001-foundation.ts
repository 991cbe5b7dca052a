/** Workspaces, people, communities and memberships: what every later table hangs from. */
export const foundation = {
  version: 1,
  name: 'foundation',
  sql: `
      CREATE TABLE workspaces (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL CHECK (platform IN ('console', 'slack', 'teams')),
        external_id TEXT NOT NULL,
        name TEXT,
        next_ref INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        UNIQUE (platform, external_id)
      );

      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        external_id TEXT NOT NULL,
        display_name TEXT NOT NULL,
        lang TEXT,
        platform_locale TEXT,
        tz TEXT,
        is_coordinator INTEGER NOT NULL DEFAULT 0,
        deactivated_at INTEGER,
        paused_until TEXT,
        created_at INTEGER NOT NULL,
        UNIQUE (workspace_id, external_id)
      );

      CREATE TABLE communities (
        id INTEGER PRIMARY KEY,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        channel TEXT,
        channel_name TEXT,
        tz TEXT NOT NULL,
        locale TEXT NOT NULL DEFAULT 'en',
        archived_at INTEGER,
        created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (workspace_id, name_key)
      );
      CREATE UNIQUE INDEX communities_channel ON communities (workspace_id, channel) WHERE channel IS NOT NULL;

      CREATE TABLE memberships (
        community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('lead', 'curator', 'coach', 'member', 'guest')),
        joined_at INTEGER NOT NULL,
        PRIMARY KEY (community_id, user_id)
      );
      CREATE INDEX memberships_user ON memberships (user_id);

      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
};
