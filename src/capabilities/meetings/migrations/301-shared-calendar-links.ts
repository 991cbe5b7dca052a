/**
 * The one calendar link each community shared before people had their own (`meeting_schedules.calendar_token`)
 * moves to a table of its own, to be served for 30 days more: subscriptions do not break without warning. The
 * channel is told once (`meeting.sharedCalendarEnding`, due at the first tick after the upgrade), and the 30
 * days count from then, in the app's own time: a migration knows only the wall clock, which a console's clock
 * may be ahead of. Until the channel has been told, the link works.
 */
export const sharedCalendarLinks = {
  version: 301,
  name: 'shared-calendar-links',
  sql: `
      CREATE TABLE shared_calendar_links (
        community_id INTEGER PRIMARY KEY REFERENCES communities(id) ON DELETE CASCADE,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        token TEXT NOT NULL UNIQUE,
        -- When this file was upgraded, by the wall clock: bookkeeping for admins.
        upgraded_at INTEGER NOT NULL,
        -- From this instant on the link answers 404: 30 days after the channel was told. NULL until then.
        ends_at INTEGER
      );
      INSERT INTO shared_calendar_links (community_id, workspace_id, token, upgraded_at)
        SELECT s.community_id, c.workspace_id, s.calendar_token, CAST(strftime('%s', 'now') AS INTEGER) * 1000
        FROM meeting_schedules s JOIN communities c ON c.id = s.community_id
        WHERE s.calendar_token IS NOT NULL;
      -- Nothing reads the column any more. SQLite cannot drop a UNIQUE column, so it stays, empty.
      UPDATE meeting_schedules SET calendar_token = NULL WHERE calendar_token IS NOT NULL;
      INSERT OR IGNORE INTO jobs (kind, key, due_at, payload, created_at)
        SELECT 'meeting.sharedCalendarEnding', 'meeting.sharedCalendarEnding:' || community_id, 0,
               json_object('workspaceId', workspace_id, 'communityId', community_id), upgraded_at
        FROM shared_calendar_links;
    `,
};
