/**
 * Reflections and their prompts. A reflection belongs to one community and has a visibility; who may read it is
 * worked out when it is read, from the community's current members, leads and the workspace's coordinators.
 * A prompt schedule keeps the cadence phrase (not a rule with a zone): each person gets it in their own zone.
 */
export const reflectionTables = {
  version: 400,
  name: 'reflections',
  sql: `
      CREATE TABLE reflections (
        id INTEGER PRIMARY KEY,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        ref INTEGER NOT NULL,
        author_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        visibility TEXT NOT NULL CHECK (visibility IN ('private', 'team', 'coordinator')),
        text TEXT NOT NULL,
        -- The question it answered (a prompt's), as a bank key: seed:<name> or custom:<id>.
        question_key TEXT,
        created_at INTEGER NOT NULL,
        edited_at INTEGER,
        UNIQUE (workspace_id, ref)
      );
      CREATE INDEX reflections_author ON reflections (workspace_id, author_id, created_at);
      CREATE INDEX reflections_community ON reflections (community_id, created_at);

      CREATE TABLE reflection_prompt_schedules (
        community_id INTEGER PRIMARY KEY REFERENCES communities(id) ON DELETE CASCADE,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        -- The parsed cadence phrase as JSON; expanded in each recipient's own zone.
        cadence TEXT NOT NULL,
        from_date TEXT NOT NULL,
        -- The zone for people whose platform reports none (DEFAULT_TZ when the schedule was set).
        default_tz TEXT NOT NULL,
        set_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
        set_at INTEGER NOT NULL
      );
      CREATE INDEX reflection_prompt_schedules_workspace ON reflection_prompt_schedules (workspace_id);

      CREATE TABLE reflection_questions (
        id INTEGER PRIMARY KEY,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        locale TEXT NOT NULL,
        text TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX reflection_questions_community ON reflection_questions (community_id, locale);

      -- One row per person, community and local date a prompt went out on.
      CREATE TABLE reflection_prompts (
        id INTEGER PRIMARY KEY,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        local_date TEXT NOT NULL,
        question_key TEXT NOT NULL,
        sent_at INTEGER NOT NULL,
        answered_at INTEGER,
        nudged_at INTEGER,
        UNIQUE (community_id, user_id, local_date)
      );
      CREATE INDEX reflection_prompts_user ON reflection_prompts (user_id, local_date);

      -- The questions a person was asked in the current round of the bank: none repeats until all were asked.
      CREATE TABLE reflection_questions_asked (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        question_key TEXT NOT NULL,
        asked_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, question_key)
      );

      -- Pauses as they were announced (pause until), so a streak can rest over them afterwards.
      CREATE TABLE reflection_pauses (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        starts_at INTEGER NOT NULL,
        until_date TEXT NOT NULL
      );
      CREATE INDEX reflection_pauses_user ON reflection_pauses (user_id);
    `,
};
