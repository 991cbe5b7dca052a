import type { PersonalData, PrivacyNotice } from '../../capability.js';
import { prepared } from '../../store/db.js';

/**
 * A person's part of the meeting cadence. Their agenda items and notes are the team's record and stay, credited
 * to nobody; their answers to RSVPs stay as answers of nobody, so attendance counts do not change; the duties they held become empty slots, so everyone else's place in
 * the rotation is unchanged; their calendar links stop. The export says which communities they have a calendar
 * link to and since when, not the link: it is a working secret, and an export can be asked for by a coordinator
 * (`export @user`) or forwarded. `calendar` shows the person their link.
 */
export const personalData: PersonalData = {
  export({ workspace, user }, { store }) {
    const q = (sql: string) => prepared(store.db, sql);
    return {
      agendaItems: q(
        `SELECT a.ref, c.name AS community, a.text, a.created_at AS at, 'community' AS readers FROM agenda_items a
           JOIN communities c ON c.id = a.community_id WHERE a.workspace_id = ? AND a.author_id = ? ORDER BY a.created_at`,
      ).all(workspace.id, user.id),
      meetingNotes: q(
        `SELECT m.ref, c.name AS community, m.notes AS text, m.notes_at AS at, 'community' AS readers FROM meetings m
           JOIN communities c ON c.id = m.community_id WHERE m.workspace_id = ? AND m.notes_by = ? ORDER BY m.notes_at`,
      ).all(workspace.id, user.id),
      rsvps: q(
        `SELECT m.ref AS meeting, r.answer, r.answered_at AS at, 'community' AS readers FROM rsvps r
           JOIN meetings m ON m.id = r.meeting_id WHERE m.workspace_id = ? AND r.user_id = ? ORDER BY r.answered_at`,
      ).all(workspace.id, user.id),
      duties: q(
        `SELECT m.ref AS meeting, m.starts_at AS at,
             CASE WHEN m.facilitator_id = ? THEN 'facilitator' ELSE 'note-taker' END AS duty, 'community' AS readers
           FROM meetings m WHERE m.workspace_id = ? AND (m.facilitator_id = ? OR m.note_taker_id = ?) ORDER BY m.starts_at`,
      ).all(user.id, workspace.id, user.id, user.id),
      calendarLinks: q(
        `SELECT c.name AS community, l.created_at AS at, 'self' AS readers FROM calendar_links l
           JOIN communities c ON c.id = l.community_id WHERE l.workspace_id = ? AND l.user_id = ? ORDER BY l.created_at`,
      ).all(workspace.id, user.id),
    };
  },
  forget({ workspace, user }, { store }) {
    const run = (sql: string, ...args: unknown[]) => prepared(store.db, sql).run(...args);
    run(
      'UPDATE rsvps SET user_id = NULL WHERE user_id = ? AND meeting_id IN (SELECT id FROM meetings WHERE workspace_id = ?)',
      user.id,
      workspace.id,
    );
    run('UPDATE agenda_items SET author_id = NULL WHERE workspace_id = ? AND author_id = ?', workspace.id, user.id);
    run('UPDATE meetings SET notes_by = NULL WHERE workspace_id = ? AND notes_by = ?', workspace.id, user.id);
    run('UPDATE meetings SET facilitator_id = NULL WHERE workspace_id = ? AND facilitator_id = ?', workspace.id, user.id);
    run('UPDATE meetings SET note_taker_id = NULL WHERE workspace_id = ? AND note_taker_id = ?', workspace.id, user.id);
    run('UPDATE holidays SET created_by = NULL WHERE workspace_id = ? AND created_by = ?', workspace.id, user.id);
    run('DELETE FROM calendar_links WHERE workspace_id = ? AND user_id = ?', workspace.id, user.id);
  },
  expire(before, { store }) {
    // Meeting notes are the kind of writing RETENTION_DAYS covers; the meeting itself (and its attendance) stays.
    return prepared(store.db, 'UPDATE meetings SET notes = NULL, notes_by = NULL, notes_at = NULL WHERE notes_at < ?').run(before).changes;
  },
};

/** What `privacy` says the meeting cadence keeps about a person. */
export const privacy: PrivacyNotice = {
  stores: [
    { what: 'privacy.meetings.agenda', readers: 'community', kept: 'whileUsed', onForget: 'anonymous' },
    { what: 'privacy.meetings.notes', readers: 'community', kept: 'retention', onForget: 'anonymous' },
    { what: 'privacy.meetings.rsvps', readers: 'community', kept: 'whileUsed', onForget: 'anonymous' },
    { what: 'privacy.meetings.duties', readers: 'community', kept: 'whileUsed', onForget: 'anonymous' },
    { what: 'privacy.meetings.calendar', readers: 'self', kept: 'whileUsed', onForget: 'deleted' },
  ],
};
