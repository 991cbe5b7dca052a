/**
 * A calendar link per person and community, instead of one shared by the whole community: a link that leaked, or
 * whose person left, can be stopped without breaking everyone else's subscription. The token is the secret in the
 * address; a person has at most one per community, and a reset replaces it.
 */
export const calendarLinks = {
  version: 300,
  name: 'calendar-links',
  sql: `
      CREATE TABLE calendar_links (
        token TEXT PRIMARY KEY,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        UNIQUE (community_id, user_id)
      );
      CREATE INDEX calendar_links_user ON calendar_links (workspace_id, user_id);
    `,
};
