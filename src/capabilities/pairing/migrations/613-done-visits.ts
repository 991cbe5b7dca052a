/** A visit a status counts as done: recorded as having happened, when, and not cancelled. */
const DONE = "NEW.happened = 'yes' AND NEW.happened_at IS NOT NULL AND NEW.cancelled_at IS NULL";
const KEEP = `INSERT INTO pairing_done (community_id, at, visit_id)
          SELECT community_id, NEW.happened_at, NEW.id FROM pairing_rounds WHERE id = NEW.round_id AND ${DONE}`;

/**
 * The visits done, by community and when they happened: a status counted them through every round a district
 * started in half a year (2,000 rounds, each looked up again for each of six periods), and now counts them from
 * one range of this table a community and period. Triggers keep it as the visits change: added, answered,
 * cancelled or moved to another round. A deleted visit takes its row with it (the foreign key), and so does a
 * deleted community. It holds times only: never who visited whom.
 */
export const pairingDoneVisits = {
  version: 613,
  name: 'pairing: visits done kept by community and time',
  sql: `
      CREATE TABLE pairing_done (
        community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        visit_id INTEGER NOT NULL REFERENCES pairing_visits(id) ON DELETE CASCADE,
        PRIMARY KEY (community_id, at, visit_id)
      ) WITHOUT ROWID;
      CREATE INDEX pairing_done_visit ON pairing_done (visit_id);
      INSERT INTO pairing_done (community_id, at, visit_id)
        SELECT r.community_id, v.happened_at, v.id FROM pairing_visits v JOIN pairing_rounds r ON r.id = v.round_id
          WHERE v.happened = 'yes' AND v.happened_at IS NOT NULL AND v.cancelled_at IS NULL;

      CREATE TRIGGER pairing_visits_done_insert AFTER INSERT ON pairing_visits BEGIN
        ${KEEP};
      END;
      CREATE TRIGGER pairing_visits_done_update AFTER UPDATE OF round_id, happened, happened_at, cancelled_at ON pairing_visits BEGIN
        DELETE FROM pairing_done WHERE visit_id = OLD.id;
        ${KEEP};
      END;
      CREATE TRIGGER pairing_rounds_done_community AFTER UPDATE OF community_id ON pairing_rounds BEGIN
        UPDATE pairing_done SET community_id = NEW.community_id
          WHERE visit_id IN (SELECT id FROM pairing_visits WHERE round_id = NEW.id);
      END;
  `,
};
