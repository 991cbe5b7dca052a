/**
 * The Slack adapter's own tables: OAuth installations (tokens sealed with AES-256-GCM, never in clear)
 * and the Events API deliveries already seen, so a retried event is processed once.
 */
export const slack = {
  version: 10,
  name: 'slack',
  sql: `
      CREATE TABLE slack_installations (
        install_key TEXT PRIMARY KEY,
        team_id TEXT,
        enterprise_id TEXT,
        is_enterprise INTEGER NOT NULL DEFAULT 0,
        installer_user_id TEXT,
        sealed TEXT NOT NULL,
        installed_at INTEGER NOT NULL
      );

      CREATE TABLE slack_events (
        event_id TEXT PRIMARY KEY,
        received_at INTEGER NOT NULL
      );
      CREATE INDEX slack_events_received ON slack_events (received_at);
    `,
};
