import { type CoreEnv, type Figures, membersJoinedBy, type Period, participantsFromQuery, participantsOfOne } from '../../capability.js';
import { type Occurrence, occurrencesBetween } from '../../grammar/recurrence.js';
import type { Translator } from '../../i18n/translate.js';
import type { Community } from '../../store/communities.js';
import { jsonRows, prepared } from '../../store/db.js';
import type { Text } from '../../views/view.js';
import { type HolidayRange, holidayOn } from './domain/meeting-plan.js';
import { repos } from './store/index.js';

/** What a period's meetings came to: counted, never per person. */
interface MeetingCounts {
  held: number;
  cancelled: number;
  holiday: number;
  yes: number;
  expected: number;
}

const empty = (): MeetingCounts => ({ held: 0, cancelled: 0, holiday: 0, yes: 0, expected: 0 });
const DAY_MS = 86_400_000;
/** A date a day before or after an instant, in every zone: holidays are compared with a day's margin, then exactly. */
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** One summary asks for the same period's counts for its figures and its attention list: kept per summary, by period. */
const memo = new WeakMap<object, Map<string, Map<number, MeetingCounts>>>();

/**
 * The meetings of `communities` that started in each period (up to now): held, cancelled, skipped for a holiday,
 * and attendance, with one query over all the periods. Attendance is the members' "yes" answers (each meeting
 * keeps their count: migration 313) against the members (not guests) who belonged when each held meeting started.
 * Counts a summary has already made are taken from it (`memo`).
 */
function countMeetings(communities: readonly Community[], periods: readonly Period[], env: CoreEnv): Map<number, MeetingCounts>[] {
  const ends = periods.map((p) => Math.min(p.to, env.now));
  const cache = memo.get(env) ?? new Map<string, Map<number, MeetingCounts>>();
  memo.set(env, cache);
  const known: Map<number, MeetingCounts>[] = [];
  for (let i = 0; i < periods.length; i++) {
    const key = `${(periods[i] as Period).from}:${ends[i]}`;
    let byCommunity = cache.get(key);
    if (!byCommunity) {
      byCommunity = new Map();
      cache.set(key, byCommunity);
    }
    known.push(byCommunity);
  }
  const missing = communities.filter((c) => !known.every((byCommunity) => byCommunity.has(c.id)));
  if (missing.length > 0) {
    const counted = countAnew(missing, periods, ends, env);
    for (const c of missing) {
      const mine = counted.get(c.id) as MeetingCounts[];
      for (let i = 0; i < known.length; i++) known[i]?.set(c.id, mine[i] as MeetingCounts);
    }
  }
  return known.map((byCommunity) => new Map(communities.map((c) => [c.id, byCommunity.get(c.id) as MeetingCounts])));
}

/** A meeting as the summaries read it: community, occurrence, status, moved (0 or 1), start, and its members' yeses. */
type MeetingRow = [number, string, string, number, number, number];

/** `countMeetings` for communities it has not counted yet: each community's counts, a period each (ending `ends`). */
function countAnew(
  communities: readonly Community[],
  periods: readonly Period[],
  ends: readonly number[],
  env: CoreEnv,
): Map<number, MeetingCounts[]> {
  const out = new Map<number, MeetingCounts[]>(communities.map((c) => [c.id, periods.map(empty)]));
  const open = periods.map((p, i) => (ends[i] as number) > p.from);
  if (!open.some(Boolean)) return out;
  const from = Math.min(...periods.filter((_, i) => open[i]).map((p) => p.from));
  const to = Math.max(...ends);
  const ids = communities.map((c) => c.id);
  const rows = jsonRows<MeetingRow>(
    env.store.db,
    `SELECT m.community_id, m.occurrence, m.status, m.moved, m.starts_at, m.yes_members
       FROM meetings m WHERE m.community_id IN (SELECT value FROM json_each(?)) AND m.starts_at >= ? AND m.starts_at < ?`,
    'community_id, occurrence, status, moved, starts_at, yes_members',
    JSON.stringify(ids),
    from,
    to,
  );
  const holidays = holidaysAround(communities, from, to, env);
  const own = new Map(communities.map((c) => [c.id, holidaysOf(holidays, c)]));
  // The holiday dates each community has a meeting row for, a period each: a holiday skipped no meeting there.
  const seen = new Map<number, Set<string>[]>(communities.map((c) => [c.id, periods.map(() => new Set<string>())]));
  const starts = periods.map((p, i) => (open[i] ? p.from : Number.POSITIVE_INFINITY));
  tallyMeetings(rows, starts, ends, out, own, seen, membersJoinedBy(env, ids));
  // Meetings a holiday skipped were never numbered: the rule says where they would have been.
  const rules = rulesOf(
    communities.filter((c) => (own.get(c.id) ?? []).length > 0),
    env,
  );
  for (const [id, rrule] of rules) {
    const mine = out.get(id) as MeetingCounts[];
    const dates = seen.get(id) as Set<string>[];
    for (const h of own.get(id) ?? []) {
      for (const o of holidayOccurrences(rrule, h)) {
        for (let i = 0; i < periods.length; i++) {
          if (o.startsAt >= (starts[i] as number) && o.startsAt < (ends[i] as number) && !dates[i]?.has(o.date)) {
            (mine[i] as MeetingCounts).holiday++;
          }
        }
      }
    }
  }
  return out;
}

/**
 * Adds each meeting to the periods it started in ([starts, ends), a period each): cancelled, skipped for a holiday
 * (on a holiday's date, neither cancelled nor moved), or held with its attendance. A meeting on a holiday's date
 * notes that date in `seen`, whatever became of it.
 */
function tallyMeetings(
  rows: readonly MeetingRow[],
  starts: readonly number[],
  ends: readonly number[],
  out: Map<number, MeetingCounts[]>,
  own: Map<number, HolidayRange[]>,
  seen: Map<number, Set<string>[]>,
  expectedAt: (communityId: number, at: number) => number,
): void {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as MeetingRow;
    const communityId = row[0];
    const mine = out.get(communityId);
    if (!mine) continue;
    const occurrence = row[1];
    const cancelled = row[2] === 'cancelled';
    const startsAt = row[4];
    const holidays = own.get(communityId) as HolidayRange[];
    const onHoliday = holidays.length > 0 && holidayOn(occurrence, holidays) !== null;
    const holiday = onHoliday && !cancelled && row[3] === 0;
    let expected = -1;
    for (let i = 0; i < starts.length; i++) {
      if (startsAt < (starts[i] as number) || startsAt >= (ends[i] as number)) continue;
      const counts = mine[i] as MeetingCounts;
      if (onHoliday) (seen.get(communityId) as Set<string>[])[i]?.add(occurrence);
      if (cancelled) counts.cancelled++;
      else if (holiday) counts.holiday++;
      else {
        if (expected < 0) expected = expectedAt(communityId, startsAt);
        counts.held++;
        counts.yes += row[5];
        counts.expected += expected;
      }
    }
  }
}

/** The holidays of these communities' workspaces that come within a day of [from, to). */
function holidaysAround(
  communities: readonly Community[],
  from: number,
  to: number,
  env: CoreEnv,
): (HolidayRange & { workspaceId: number; communityId: number | null })[] {
  const first = isoDay(from - DAY_MS);
  const last = isoDay(to + DAY_MS);
  return [...new Set(communities.map((c) => c.workspaceId))].flatMap(
    (w) =>
      prepared(
        env.store.db,
        'SELECT workspace_id AS workspaceId, community_id AS communityId, starts_on AS startsOn, ends_on AS endsOn, id, name FROM holidays WHERE workspace_id = ? AND ends_on >= ? AND starts_on <= ?',
      ).all(w, first, last) as (HolidayRange & { workspaceId: number; communityId: number | null })[],
  );
}

/** The stored rules of these communities' schedules, with one query (a schedule that is off has none). */
function rulesOf(communities: readonly Community[], env: CoreEnv): Map<number, string> {
  if (communities.length === 0) return new Map();
  const rows = prepared(
    env.store.db,
    'SELECT community_id, rrule FROM meeting_schedules WHERE community_id IN (SELECT value FROM json_each(?)) AND rrule IS NOT NULL',
  )
    .raw()
    .all(JSON.stringify(communities.map((c) => c.id))) as [number, string][];
  return new Map(rows);
}

/** Expanded rules are kept by rule and holiday: the same for every summary, and a rule takes a while to expand. */
const expanded = new Map<string, Occurrence[]>();
const EXPANDED_MAX = 20_000;

/** The occurrences of a stored rule that fall on a holiday's dates (a day's margin each side for zones, then exact). */
function holidayOccurrences(rrule: string, h: HolidayRange): Occurrence[] {
  const key = `${rrule}|${h.startsOn}|${h.endsOn}`;
  let hit = expanded.get(key);
  if (!hit) {
    const from = Date.parse(`${h.startsOn}T00:00:00Z`) - DAY_MS;
    const to = Date.parse(`${h.endsOn}T00:00:00Z`) + 2 * DAY_MS;
    hit = occurrencesBetween(rrule, from, to).filter((o) => holidayOn(o.date, [h]) !== null);
    if (expanded.size >= EXPANDED_MAX) expanded.clear();
    expanded.set(key, hit);
  }
  return hit;
}

function holidaysOf(
  all: readonly (HolidayRange & { workspaceId: number; communityId: number | null })[],
  community: Community,
): HolidayRange[] {
  return all.filter((h) => h.workspaceId === community.workspaceId && (h.communityId === null || h.communityId === community.id));
}

function asFigures(c: MeetingCounts): Figures {
  return {
    'meetings.planned': c.held + c.cancelled + c.holiday,
    'meetings.held': c.held,
    'meetings.skipped': c.cancelled + c.holiday,
    'meetings.attendanceYes': c.yes,
    'meetings.attendanceExpected': c.expected,
  };
}

/** The agreed figure keys of meetings, for status summaries. */
export function meetingFigures(community: Community, period: Period, env: CoreEnv): Figures {
  return asFigures(countMeetings([community], [period], env)[0]?.get(community.id) ?? empty());
}

/** The same figures for many communities and periods, with one query. */
export function meetingFiguresOfMany(communities: readonly Community[], periods: readonly Period[], env: CoreEnv): Map<number, Figures>[] {
  return countMeetings(communities, periods, env).map((counts) => {
    const figures = new Map<number, Figures>();
    for (const [id, c] of counts) figures.set(id, asFigures(c));
    return figures;
  });
}

/** A cancelled meeting, or one a holiday skipped, in the period: about the community, never a person. */
export function meetingAttention(community: Community, period: Period, env: CoreEnv & { i18n: Translator }): Text[] {
  const c = countMeetings([community], [period], env)[0]?.get(community.id) ?? empty();
  const lines: Text[] = [];
  if (c.cancelled > 0) lines.push(env.i18n.t('summary.cancelled', { count: c.cancelled }));
  if (c.holiday > 0) lines.push(env.i18n.t('summary.holiday', { count: c.holiday }));
  return lines;
}

/** `meetingParticipants` for many communities and periods, with one query over them all. */
export const meetingParticipantsOfMany = participantsFromQuery(
  `WITH ids AS (SELECT value AS id FROM json_each(:ids))
       SELECT m.community_id AS communityId, r.user_id AS id, r.answered_at AS at FROM rsvps r JOIN meetings m ON m.id = r.meeting_id
         WHERE m.community_id IN ids AND r.answered_at >= :from AND r.answered_at < :to
       UNION ALL SELECT community_id, author_id, created_at FROM agenda_items
         WHERE community_id IN ids AND created_at >= :from AND created_at < :to AND author_id IS NOT NULL
       UNION ALL SELECT community_id, notes_by, notes_at FROM meetings
         WHERE community_id IN ids AND notes_at >= :from AND notes_at < :to AND notes_by IS NOT NULL`,
);

/** Who answered an RSVP, added to the agenda or wrote notes in the period: only ever counted, as active members. */
export const meetingParticipants = participantsOfOne(meetingParticipantsOfMany);

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
