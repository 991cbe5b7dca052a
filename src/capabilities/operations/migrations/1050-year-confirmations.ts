/**
 * Which lead confirmed, for a school year, that a community's members, cadence and norms are right (`term
 * confirm`, or the button of the new year's ask). One row per community and school year: the first confirmation
 * is the one kept. `confirmed_by` becomes NULL when that lead is forgotten.
 */
export const yearConfirmations = {
  version: 1050,
  name: 'year-confirmations',
  sql: `
      CREATE TABLE year_confirmations (
        community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        term_id INTEGER NOT NULL REFERENCES terms(id) ON DELETE CASCADE,
        confirmed_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
        confirmed_at INTEGER NOT NULL,
        PRIMARY KEY (community_id, term_id)
      );
      CREATE INDEX year_confirmations_by ON year_confirmations (confirmed_by);
    `,
};
