/** A meeting's "yes" answers from its community's members who are not guests, as a status counts attendance. */
const YES_MEMBERS = `(SELECT COUNT(*) FROM rsvps r JOIN memberships ms ON ms.community_id = meetings.community_id AND ms.user_id = r.user_id
    WHERE r.meeting_id = meetings.id AND r.answer = 'yes' AND ms.role != 'guest')`;

/** Counts again the meetings of `community` that `person` answered "yes" to: their membership changed. */
const recountFor = (community: string, person: string) =>
  `UPDATE meetings SET yes_members = ${YES_MEMBERS} WHERE community_id = ${community}
     AND EXISTS (SELECT 1 FROM rsvps r WHERE r.meeting_id = meetings.id AND r.user_id = ${person} AND r.answer = 'yes');`;

/**
 * Each meeting keeps its count of "yes" answers from members (not guests), which a status read by asking
 * memberships about every answer: a district's half-year of meetings asked 28,000 times. Triggers keep it
 * exact, counted afresh whenever an answer or a membership changes (an answer, a join, a leave, a new role,
 * a forgotten person), so it is the same count the answers and memberships give at any moment.
 */
export const meetingYesMembers = {
  version: 313,
  name: 'meetings: yes answers from members, kept',
  sql: `
      ALTER TABLE meetings ADD COLUMN yes_members INTEGER NOT NULL DEFAULT 0;
      UPDATE meetings SET yes_members = ${YES_MEMBERS};

      CREATE TRIGGER rsvps_yes_insert AFTER INSERT ON rsvps WHEN NEW.answer = 'yes' BEGIN
        UPDATE meetings SET yes_members = ${YES_MEMBERS} WHERE id = NEW.meeting_id;
      END;
      CREATE TRIGGER rsvps_yes_update AFTER UPDATE OF meeting_id, user_id, answer ON rsvps BEGIN
        UPDATE meetings SET yes_members = ${YES_MEMBERS} WHERE id IN (OLD.meeting_id, NEW.meeting_id);
      END;
      CREATE TRIGGER rsvps_yes_delete AFTER DELETE ON rsvps WHEN OLD.answer = 'yes' BEGIN
        UPDATE meetings SET yes_members = ${YES_MEMBERS} WHERE id = OLD.meeting_id;
      END;
      CREATE TRIGGER memberships_yes_insert AFTER INSERT ON memberships BEGIN
        ${recountFor('NEW.community_id', 'NEW.user_id')}
      END;
      CREATE TRIGGER memberships_yes_update AFTER UPDATE OF community_id, user_id, role ON memberships BEGIN
        ${recountFor('OLD.community_id', 'OLD.user_id')}
        ${recountFor('NEW.community_id', 'NEW.user_id')}
      END;
      CREATE TRIGGER memberships_yes_delete AFTER DELETE ON memberships BEGIN
        ${recountFor('OLD.community_id', 'OLD.user_id')}
      END;
  `,
};
