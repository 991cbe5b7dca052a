/**
 * A meeting's answers read from the index alone, in the order summaries want them: who answered it in a period
 * (a community's active members: its meetings first, then their answers in the period, instead of every answer
 * the district gave in it), and each held meeting's "yes" answers.
 */
export const rsvpAnswersIndex = {
  version: 311,
  name: 'rsvp answers index',
  sql: 'CREATE INDEX rsvps_by_meeting ON rsvps (meeting_id, answered_at, user_id, answer);',
};
