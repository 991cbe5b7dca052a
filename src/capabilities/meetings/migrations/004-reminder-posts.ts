/**
 * Live reminders: where each meeting reminder was posted, so a change to its meeting updates the post in
 * place, and a counter that keys the jobs doing those updates.
 */
export const reminderPosts = {
  version: 4,
  name: 'reminder-posts',
  sql: `
      CREATE TABLE reminder_posts (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        -- The messenger's SentMessage: the platform's ids, opaque to the core.
        conversation TEXT NOT NULL,
        message TEXT NOT NULL,
        posted_at INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, conversation, message)
      );
      CREATE INDEX reminder_posts_message ON reminder_posts (conversation, message);

      -- Bumped each time the meeting's posted reminders are asked to show a new state; refresh job keys use it,
      -- so a change after a refresh has run always queues a new one.
      ALTER TABLE meetings ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
    `,
};
