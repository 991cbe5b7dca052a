/**
 * Summaries keep two things: the chart pictures served at unguessable links until they expire (seven days), and
 * each coordinator's digest schedule. Neither holds a name or anything a person wrote.
 */
export const summaryTables = {
  version: 800,
  name: 'summaries',
  sql: `
      CREATE TABLE summary_charts (
        token TEXT PRIMARY KEY,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        png BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX summary_charts_expiry ON summary_charts (expires_at);

      CREATE TABLE summary_digests (
        user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        -- The cadence phrase as typed, and its RFC 5545 rule in the coordinator's own zone.
        cadence TEXT NOT NULL,
        rrule TEXT NOT NULL,
        tz TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
    `,
};
