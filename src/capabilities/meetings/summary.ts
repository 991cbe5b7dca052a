import type { CoreEnv, Figures, Period } from '../../capability.js';
import { localDate } from '../../grammar/recurrence.js';
import type { Translator } from '../../i18n/translate.js';
import type { Community } from '../../store/communities.js';
import { prepared } from '../../store/db.js';
import type { Text } from '../../views/view.js';
import { holidayOn } from './domain/meeting-plan.js';
import { plannedOccurrences } from './plan.js';
import { repos } from './store/index.js';

/** What a period's meetings came to: counted, never per person. */
interface MeetingCounts {
  held: number;
  cancelled: number;
  holiday: number;
  yes: number;
  expected: number;
}

/**
 * The community's meetings that started in the period (up to now): held, cancelled, skipped for a holiday, and
 * attendance. Attendance is the members' "yes" answers against the members (not guests) who belonged when
 * each held meeting started.
 */
function countMeetings(community: Community, period: Period, env: CoreEnv): MeetingCounts {
  const out: MeetingCounts = { held: 0, cancelled: 0, holiday: 0, yes: 0, expected: 0 };
  const to = Math.min(period.to, env.now);
  if (to <= period.from) return out;
  const rows = prepared(
    env.store.db,
    `SELECT m.occurrence, m.status, m.moved,
        (SELECT COUNT(*) FROM rsvps r JOIN memberships ms ON ms.community_id = m.community_id AND ms.user_id = r.user_id
           WHERE r.meeting_id = m.id AND r.answer = 'yes' AND ms.role != 'guest') AS yes,
        (SELECT COUNT(*) FROM memberships ms WHERE ms.community_id = m.community_id AND ms.role != 'guest' AND ms.joined_at <= m.starts_at) AS expected
       FROM meetings m WHERE m.community_id = ? AND m.starts_at >= ? AND m.starts_at < ?`,
  ).all(community.id, period.from, to) as { occurrence: string; status: string; moved: number; yes: number; expected: number }[];
  const tz = repos(env.store).meetings.schedule(community.id)?.tz ?? community.tz;
  const first = localDate(period.from - 86_400_000, tz);
  const last = localDate(to + 86_400_000, tz);
  const holidays = env.store.holidays.forCommunity(community.workspaceId, community.id).filter((h) => h.endsOn >= first && h.startsOn <= last);
  const seen = new Set<string>();
  for (const r of rows) {
    seen.add(r.occurrence);
    if (r.status === 'cancelled') out.cancelled++;
    else if (r.moved === 0 && holidayOn(r.occurrence, holidays)) out.holiday++;
    else {
      out.held++;
      out.yes += r.yes;
      out.expected += r.expected;
    }
  }
  // Meetings a holiday skipped were never numbered: the rule says where they would have been.
  if (holidays.length > 0) {
    const schedule = repos(env.store).meetings.schedule(community.id);
    if (schedule?.rrule) {
      for (const p of plannedOccurrences(env.store, community, schedule, period.from, to)) {
        if (p.state === 'holiday' && !seen.has(p.occurrence)) out.holiday++;
      }
    }
  }
  return out;
}

/** The agreed figure keys of meetings, for status summaries. */
export function meetingFigures(community: Community, period: Period, env: CoreEnv): Figures {
  const c = countMeetings(community, period, env);
  return {
    'meetings.planned': c.held + c.cancelled + c.holiday,
    'meetings.held': c.held,
    'meetings.skipped': c.cancelled + c.holiday,
    'meetings.attendanceYes': c.yes,
    'meetings.attendanceExpected': c.expected,
  };
}

/** A cancelled meeting, or one a holiday skipped, in the period: about the community, never a person. */
export function meetingAttention(community: Community, period: Period, env: CoreEnv & { i18n: Translator }): Text[] {
  const c = countMeetings(community, period, env);
  const lines: Text[] = [];
  if (c.cancelled > 0) lines.push(env.i18n.t('summary.cancelled', { count: c.cancelled }));
  if (c.holiday > 0) lines.push(env.i18n.t('summary.holiday', { count: c.holiday }));
  return lines;
}

/** Who answered an RSVP, added to the agenda or wrote notes in the period: only ever counted, as active members. */
export function meetingParticipants(community: Community, period: Period, env: CoreEnv): number[] {
  return (
    prepared(
      env.store.db,
      `SELECT r.user_id AS id FROM rsvps r JOIN meetings m ON m.id = r.meeting_id
         WHERE m.community_id = ? AND r.answered_at >= ? AND r.answered_at < ?
       UNION SELECT author_id FROM agenda_items WHERE community_id = ? AND created_at >= ? AND created_at < ? AND author_id IS NOT NULL
       UNION SELECT notes_by FROM meetings WHERE community_id = ? AND notes_at >= ? AND notes_at < ? AND notes_by IS NOT NULL`,
    ).all(community.id, period.from, period.to, community.id, period.from, period.to, community.id, period.from, period.to) as { id: number }[]
  ).map((r) => r.id);
}

/** What coordinators may read of a community's meetings: the notes posted to its channel and the agenda items. */
export function meetingExport(community: Community, env: CoreEnv): Record<string, unknown[]> {
  const meetings = repos(env.store).meetings.list(community.id);
  const refOf = new Map(meetings.map((m) => [m.id, m.ref]));
  const agenda = prepared(
    env.store.db,
    'SELECT ref, text, meeting_id AS meetingId, created_at AS createdAt FROM agenda_items WHERE community_id = ? AND removed_at IS NULL ORDER BY created_at, id',
  ).all(community.id) as { ref: number; text: string; meetingId: number | null; createdAt: number }[];
  return {
    notes: meetings
      .filter((m) => m.notes !== null)
      .map((m) => ({ meeting: `#${m.ref}`, startsAt: new Date(m.startsAt).toISOString(), notes: m.notes, readers: 'community' })),
    agenda: agenda.map((a) => ({
      item: `#${a.ref}`,
      text: a.text,
      meeting: a.meetingId === null ? null : `#${refOf.get(a.meetingId) ?? ''}`,
      addedAt: new Date(a.createdAt).toISOString(),
      readers: 'community',
    })),
  };
}
