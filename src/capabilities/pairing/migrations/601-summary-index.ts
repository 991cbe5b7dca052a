/**
 * A covering index for status summaries: the visits paired and done per round are counted from the index alone,
 * never from the rows that hold the focus and the feedback.
 */
export const pairingSummaryIndex = {
  version: 601,
  name: 'pairing summary index',
  sql: 'CREATE INDEX pairing_visits_summary ON pairing_visits (round_id, cancelled_at, happened, happened_at, observer_id, feedback_at);',
};
