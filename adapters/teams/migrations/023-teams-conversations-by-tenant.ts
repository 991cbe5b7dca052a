/**
 * Conversation references keyed by tenant and conversation. Keyed by conversation alone, an activity from
 * one tenant naming another tenant's conversation replaced that tenant's reference, service URL included, and
 * the other tenant's reminders then went where the first one said. SQLite cannot change a primary key in
 * place: the table is copied. Conversation ids were unique, so every row keeps its place.
 */
export const teamsConversationsByTenant = {
  version: 23,
  name: 'teams-conversations-by-tenant',
  sql: `
      CREATE TABLE teams_conversations_by_tenant (
        tenant_id TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('personal', 'channel', 'groupChat')),
        user_id TEXT,
        reference TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        gone_at INTEGER,
        gone_status INTEGER,
        team_id TEXT,
        PRIMARY KEY (tenant_id, conversation_id)
      );
      INSERT INTO teams_conversations_by_tenant
          (tenant_id, conversation_id, kind, user_id, reference, updated_at, gone_at, gone_status, team_id)
        SELECT tenant_id, conversation_id, kind, user_id, reference, updated_at, gone_at, gone_status, team_id
          FROM teams_conversations;
      DROP TABLE teams_conversations;
      ALTER TABLE teams_conversations_by_tenant RENAME TO teams_conversations;
      CREATE INDEX teams_conversations_owner ON teams_conversations (conversation_id);
      CREATE INDEX teams_conversations_user ON teams_conversations (tenant_id, user_id) WHERE kind = 'personal';
      CREATE INDEX teams_conversations_tenant ON teams_conversations (tenant_id, updated_at);
      CREATE INDEX teams_conversations_team ON teams_conversations (tenant_id, team_id) WHERE team_id IS NOT NULL;
    `,
};
