/**
 * Indexes for status summaries, which ask every community's figures and active members period by period: the
 * answers given in a period (not all of a community's answers ever), the agenda items added in it, and the
 * members a meeting expected, read from the index alone (role and joining date beside the person).
 */
export const meetingSummaryIndexes = {
  version: 310,
  name: 'meeting summary indexes',
  sql: `
      CREATE INDEX rsvps_answered ON rsvps (answered_at, meeting_id, user_id);
      CREATE INDEX agenda_items_created ON agenda_items (community_id, created_at);
      CREATE INDEX memberships_active ON memberships (community_id, user_id, role, joined_at);
    `,
};
