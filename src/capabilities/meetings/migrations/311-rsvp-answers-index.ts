/**
 * The answers to a meeting by answer, read from the index alone: a summary counts each held meeting's "yes"
 * answers, and without it read every answer's row for its value.
 */
export const rsvpAnswersIndex = {
  version: 311,
  name: 'rsvp answers index',
  sql: 'CREATE INDEX rsvps_answers ON rsvps (meeting_id, answer, user_id);',
};
