/**
 * Meeting ids are never reused. A new schedule deletes the meetings that have not started, and SQLite gives the
 * next row the highest id left plus one, so a new meeting could take a deleted one's id and, with it, the keys of
 * its reminder and refresh jobs, already done: the new meeting's reminder would never go out. AUTOINCREMENT would
 * need the table rebuilt under three tables that refer to it; a high-water mark kept by a trigger does the same.
 */
export const meetingIds = {
  version: 5,
  name: 'meeting-ids',
  sql: `
      CREATE TABLE meeting_id_high_water (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        last INTEGER NOT NULL
      );
      INSERT INTO meeting_id_high_water (one, last) SELECT 1, COALESCE(MAX(id), 0) FROM meetings;
      CREATE TRIGGER meetings_id_high_water AFTER INSERT ON meetings
      BEGIN
        UPDATE meeting_id_high_water SET last = MAX(last, NEW.id) WHERE one = 1;
      END;
    `,
};
