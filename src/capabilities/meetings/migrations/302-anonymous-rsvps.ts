/**
 * Attendance outlives the people who gave it: a forgotten person's answers stay as answers with nobody behind them,
 * so a meeting's attendance counts (and summaries' figures) stay right after a forget-me. The table is rebuilt
 * because SQLite cannot make a primary-key column nullable; one answer per person and meeting is kept by a unique
 * index, in which the answers of former members (NULL) never collide.
 */
export const anonymousRsvps = {
  version: 302,
  name: 'anonymous-rsvps',
  sql: `
      CREATE TABLE rsvps_kept (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
        answer TEXT NOT NULL CHECK (answer IN ('yes', 'no')),
        answered_at INTEGER NOT NULL
      );
      INSERT INTO rsvps_kept (meeting_id, user_id, answer, answered_at)
        SELECT meeting_id, user_id, answer, answered_at FROM rsvps ORDER BY answered_at;
      DROP TABLE rsvps;
      ALTER TABLE rsvps_kept RENAME TO rsvps;
      CREATE UNIQUE INDEX rsvps_person ON rsvps (meeting_id, user_id);
    `,
};
