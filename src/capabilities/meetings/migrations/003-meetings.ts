/** Meeting cadence: the recurrence rule, materialized meetings, attendance, agenda, holidays. */
export const meetings = {
  version: 3,
  name: 'meetings',
  sql: `
      CREATE TABLE meeting_schedules (
        community_id INTEGER PRIMARY KEY REFERENCES communities(id) ON DELETE CASCADE,
        -- RFC 5545 text: "DTSTART;TZID=<zone>:<local>" and "RRULE:…"; NULL while the schedule is off.
        rrule TEXT,
        tz TEXT NOT NULL,
        cadence TEXT,
        duration_min INTEGER NOT NULL DEFAULT 60,
        location TEXT,
        -- Minutes before the start, comma-separated, largest first.
        reminders TEXT NOT NULL DEFAULT '1440,60',
        calendar_token TEXT UNIQUE,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE meetings (
        id INTEGER PRIMARY KEY,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        ref INTEGER NOT NULL,
        -- The local date the rule gave this occurrence; cancel and move name it.
        occurrence TEXT NOT NULL,
        starts_at INTEGER NOT NULL,
        ends_at INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
        moved INTEGER NOT NULL DEFAULT 0,
        facilitator_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
        note_taker_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
        notes TEXT,
        notes_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
        notes_at INTEGER,
        created_at INTEGER NOT NULL,
        UNIQUE (community_id, occurrence),
        UNIQUE (workspace_id, ref)
      );
      CREATE INDEX meetings_start ON meetings (community_id, starts_at);

      CREATE TABLE rsvps (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        answer TEXT NOT NULL CHECK (answer IN ('yes', 'no')),
        answered_at INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, user_id)
      );

      CREATE TABLE agenda_items (
        id INTEGER PRIMARY KEY,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        ref INTEGER NOT NULL,
        text TEXT NOT NULL,
        author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
        -- NULL while the item waits for the next meeting; set when that meeting starts.
        meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
        created_at INTEGER NOT NULL,
        removed_at INTEGER,
        UNIQUE (workspace_id, ref)
      );
      CREATE INDEX agenda_open ON agenda_items (community_id) WHERE meeting_id IS NULL AND removed_at IS NULL;

      CREATE TABLE holidays (
        id INTEGER PRIMARY KEY,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        -- NULL: a holiday of the whole workspace (the operations issue's "holiday all").
        community_id INTEGER REFERENCES communities(id) ON DELETE CASCADE,
        starts_on TEXT NOT NULL,
        ends_on TEXT NOT NULL,
        name TEXT,
        created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX holidays_community ON holidays (workspace_id, community_id);
    `,
};
