/** A round's visits that were not cancelled: what a status counts as paired. */
const PAIRED = '(SELECT COUNT(*) FROM pairing_visits v WHERE v.round_id = pairing_rounds.id AND v.cancelled_at IS NULL)';

/**
 * Each round keeps its count of visits paired (not cancelled), which a status counted from the visits of every
 * round a district started in half a year (24,000 index entries). Triggers count it again whenever a visit is
 * added, cancelled or deleted, so it is always what the visits give. Rounds are then read by community and start
 * with that count from one index, which serves every query the index by start served, so that one goes.
 */
export const pairingPairedCount = {
  version: 612,
  name: 'pairing: paired visits kept per round',
  sql: `
      ALTER TABLE pairing_rounds ADD COLUMN paired INTEGER NOT NULL DEFAULT 0;
      UPDATE pairing_rounds SET paired = ${PAIRED};

      CREATE TRIGGER pairing_visits_paired_insert AFTER INSERT ON pairing_visits BEGIN
        UPDATE pairing_rounds SET paired = ${PAIRED} WHERE id = NEW.round_id;
      END;
      CREATE TRIGGER pairing_visits_paired_update AFTER UPDATE OF round_id, cancelled_at ON pairing_visits BEGIN
        UPDATE pairing_rounds SET paired = ${PAIRED} WHERE id IN (OLD.round_id, NEW.round_id);
      END;
      CREATE TRIGGER pairing_visits_paired_delete AFTER DELETE ON pairing_visits BEGIN
        UPDATE pairing_rounds SET paired = ${PAIRED} WHERE id = OLD.round_id;
      END;

      CREATE INDEX pairing_rounds_summary ON pairing_rounds (community_id, started_at, paired);
      DROP INDEX IF EXISTS pairing_rounds_start;
  `,
};
