/**
 * Rounds by community and start: a status reads the rounds a period started (and the visits of those that had
 * started by its end) from the index, never the rounds' rows.
 */
export const pairingRoundsStartIndex = {
  version: 611,
  name: 'pairing rounds start index',
  sql: 'CREATE INDEX pairing_rounds_start ON pairing_rounds (community_id, started_at);',
};
