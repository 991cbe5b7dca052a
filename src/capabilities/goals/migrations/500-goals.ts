import type { Migration } from '../../../store/migrations/index.js';

/**
 * Goals at three levels and their check-ins. An individual goal has an owner (and the community it was set in,
 * whose cadence asks about it); a team goal belongs to its community; a school goal to the workspace. `aligns_to`
 * points one level up. Check-in schedules are kept per community, and one for the school's goals (`scope`).
 */
export const goalTables: Migration = {
  version: 500,
  name: 'goals and check-ins',
  sql: `
    CREATE TABLE goals (
      id INTEGER PRIMARY KEY,
      workspace_id INTEGER NOT NULL REFERENCES workspaces (id),
      ref INTEGER NOT NULL,
      level TEXT NOT NULL CHECK (level IN ('me', 'team', 'school')),
      owner_id INTEGER REFERENCES users (id),
      community_id INTEGER REFERENCES communities (id),
      aligns_to INTEGER REFERENCES goals (id) ON DELETE SET NULL,
      text TEXT NOT NULL,
      due_on TEXT,
      author_id INTEGER REFERENCES users (id),
      created_at INTEGER NOT NULL,
      closed_at INTEGER,
      outcome TEXT CHECK (outcome IN ('achieved', 'dropped')),
      close_note TEXT,
      closed_by INTEGER REFERENCES users (id),
      UNIQUE (workspace_id, ref)
    );
    CREATE INDEX goals_owner ON goals (workspace_id, owner_id);
    CREATE INDEX goals_community ON goals (community_id);
    CREATE INDEX goals_aligns ON goals (aligns_to);

    CREATE TABLE goal_checkins (
      id INTEGER PRIMARY KEY,
      goal_id INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
      author_id INTEGER REFERENCES users (id),
      status TEXT NOT NULL CHECK (status IN ('on-track', 'at-risk', 'off-track')),
      percent INTEGER CHECK (percent BETWEEN 0 AND 100),
      evidence TEXT,
      at INTEGER NOT NULL
    );
    CREATE INDEX goal_checkins_goal ON goal_checkins (goal_id, at);
    CREATE INDEX goal_checkins_author ON goal_checkins (author_id);

    CREATE TABLE goal_checkin_schedules (
      scope TEXT PRIMARY KEY,
      workspace_id INTEGER NOT NULL REFERENCES workspaces (id),
      community_id INTEGER REFERENCES communities (id),
      cadence TEXT NOT NULL,
      rrule TEXT NOT NULL,
      set_by INTEGER REFERENCES users (id),
      set_at INTEGER NOT NULL
    );
  `,
};
