/**
 * What the Teams adapter must remember between requests: conversation references for proactive
 * messages (and whether the bot was removed from them), Teams user ids beside Entra object ids,
 * and the activity ids already handled, so a redelivered activity runs once.
 */
export const teams = {
  version: 20,
  name: 'teams',
  sql: `
      CREATE TABLE teams_conversations (
        conversation_id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('personal', 'channel', 'groupChat')),
        user_id TEXT,
        reference TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        gone_at INTEGER,
        gone_status INTEGER
      );
      CREATE INDEX teams_conversations_user ON teams_conversations (tenant_id, user_id) WHERE kind = 'personal';
      CREATE INDEX teams_conversations_tenant ON teams_conversations (tenant_id, updated_at);

      CREATE TABLE teams_users (
        tenant_id TEXT NOT NULL,
        teams_id TEXT NOT NULL,
        aad_id TEXT,
        PRIMARY KEY (tenant_id, teams_id)
      );
      CREATE INDEX teams_users_aad ON teams_users (tenant_id, aad_id);

      CREATE TABLE teams_activities (
        activity_id TEXT PRIMARY KEY,
        seen_at INTEGER NOT NULL
      );
      CREATE INDEX teams_activities_seen ON teams_activities (seen_at);
    `,
};
