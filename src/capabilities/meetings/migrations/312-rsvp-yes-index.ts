/**
 * A meeting's answers by answer: a status counts each held meeting's "yes" answers by seeking them, where the
 * index by time made it read every answer. The same index serves who answered in a period (a meeting has a few
 * dozen answers, read beside their times), so the index by time alone goes too: summaries ask for the active
 * members of a page of communities, meeting by meeting, never of a whole district by time. One index fewer to
 * write with every answer.
 */
export const rsvpYesIndex = {
  version: 312,
  name: 'rsvp answers by answer',
  sql: `
      DROP INDEX IF EXISTS rsvps_by_meeting;
      DROP INDEX IF EXISTS rsvps_answered;
      CREATE INDEX rsvps_answers ON rsvps (meeting_id, answer, user_id, answered_at);
    `,
};
