/**
 * Peer-observation rounds: the schedule, the rotation a stable community follows, rounds, the directed visits
 * of each round (with focus, whether it happened and the feedback), avoid lists and shared takeaways.
 */
export const pairingTables = {
  version: 600,
  name: 'pairing',
  sql: `
      CREATE TABLE pairing_schedules (
        community_id INTEGER PRIMARY KEY REFERENCES communities(id) ON DELETE CASCADE,
        -- RFC 5545 text, as meetings keep it; NULL while rounds are not scheduled.
        rrule TEXT,
        tz TEXT NOT NULL,
        cadence TEXT,
        updated_at INTEGER NOT NULL
      );

      -- The circle schedule a stable set of members follows (JSON arrays of user ids, no foreign key: forgetting
      -- a member deletes the row, and the next round makes a new one).
      CREATE TABLE pairing_rotations (
        community_id INTEGER PRIMARY KEY REFERENCES communities(id) ON DELETE CASCADE,
        state TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE pairing_rounds (
        id INTEGER PRIMARY KEY,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        ref INTEGER NOT NULL,
        -- 1, 2, … within the community: how long ago two people met is counted in rounds.
        seq INTEGER NOT NULL,
        seed INTEGER NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('rotation', 'matching')),
        step INTEGER,
        length INTEGER NOT NULL,
        constrained INTEGER NOT NULL DEFAULT 0,
        left_out INTEGER NOT NULL DEFAULT 0,
        started_at INTEGER NOT NULL,
        ends_at INTEGER NOT NULL,
        closed_at INTEGER,
        UNIQUE (workspace_id, ref),
        UNIQUE (community_id, seq)
      );

      -- One directed visit: the observer visits the observed. A pair is two visits, a trio's ring three. A
      -- forgotten person's id becomes NULL: the row stays as an anonymous count, so the others' history holds.
      CREATE TABLE pairing_visits (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES pairing_rounds(id) ON DELETE CASCADE,
        grp INTEGER NOT NULL,
        observer_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
        observed_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
        -- Why the pair was chosen: how often they had met before this round, and the round they last met in.
        met_before INTEGER NOT NULL DEFAULT 0,
        last_met_ref INTEGER,
        focus_choice TEXT,
        focus_text TEXT,
        focus_at INTEGER,
        happened TEXT CHECK (happened IN ('yes', 'not-yet', 'no')),
        happened_at INTEGER,
        glow TEXT,
        grow TEXT,
        notes TEXT,
        feedback_at INTEGER,
        cancelled_at INTEGER
      );
      CREATE INDEX pairing_visits_round ON pairing_visits (round_id);
      CREATE INDEX pairing_visits_observer ON pairing_visits (observer_id);
      CREATE INDEX pairing_visits_observed ON pairing_visits (observed_id);

      CREATE TABLE pairing_avoid (
        community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        avoid_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (community_id, user_id, avoid_id)
      );

      CREATE TABLE pairing_takeaways (
        id INTEGER PRIMARY KEY,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        ref INTEGER NOT NULL,
        round_id INTEGER REFERENCES pairing_rounds(id) ON DELETE SET NULL,
        author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
        text TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (workspace_id, ref)
      );
    `,
};
