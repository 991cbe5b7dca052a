/**
 * Files waiting on a Teams file consent card, kept in SQLite so that the person's "Accept" still finds the
 * bytes after the bot restarted between the card and the click. Rows are deleted once answered or expired.
 */
export const teamsFiles = {
  version: 21,
  name: 'teams-files',
  sql: `
      CREATE TABLE teams_file_consents (
        consent_id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        file_name TEXT NOT NULL,
        content BLOB NOT NULL,
        size INTEGER NOT NULL,
        locale TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX teams_file_consents_expiry ON teams_file_consents (expires_at);
    `,
};
