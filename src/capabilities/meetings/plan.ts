import { localDate } from '../../local-date.js';
import type { Community } from '../../store/communities.js';
import type { Store } from '../../store/store.js';
import { termAt } from '../../terms.js';
import { type HolidayRange, holidayOn, type PlannedOccurrence, planOccurrences } from './domain/meeting-plan.js';
import { type DutyCandidate, rotateDuties } from './domain/rotation.js';
import { refreshReminders } from './refresh.js';
import { repos } from './store/index.js';
import type { Meeting, MeetingSchedule } from './store/meetings.js';

/** The jobs of a community's upcoming meetings share this topic, so a change replans them together. */
export const meetingTopic = (communityId: number): string => `meetings:${communityId}`;

/** How far ahead occurrences are looked for (a monthly meeting behind a long holiday is still found). */
export const HORIZON_MS = 400 * 86_400_000;
const MINUTE = 60_000;
/** Where the next meeting is looked for first. */
const NEAR_MS = 35 * 86_400_000;

/** The payload of every meeting job. */
export type MeetingJobPayload = {
  workspaceId: number;
  communityId: number;
  meetingId: number;
  startsAt: number;
};

/** The community's meetings in a window, with cancellations, moves and holidays applied. */
export function plannedOccurrences(
  store: Store,
  community: Community,
  schedule: MeetingSchedule,
  fromMs: number,
  toMs: number,
): PlannedOccurrence[] {
  if (!schedule.rrule) return [];
  // A day either side covers any zone's offset between an instant and its local date.
  const since = fromMs - 86_400_000;
  const changes = repos(store)
    .meetings.since(community.id, since, localDate(since, schedule.tz))
    .map((m) => ({
      occurrence: m.occurrence,
      status: m.status,
      moved: m.moved,
      startsAt: m.startsAt,
    }));
  const holidays: HolidayRange[] = store.holidays.forCommunity(community.workspaceId, community.id);
  return planOccurrences(schedule.rrule, changes, holidays, fromMs, toMs);
}

/** The next meeting that has not started, numbered and with duties; null when none is planned. */
export function nextMeeting(store: Store, community: Community, now: number): Meeting | null {
  const schedule = repos(store).meetings.schedule(community.id);
  if (!schedule?.rrule) return null;
  // The next five weeks first: they hold the next meeting of almost every cadence, and planning them costs a tenth of
  // the horizon. The plan of a shorter window is the start of the longer one's (moves into it included), so the
  // first held meeting found in it is the same.
  const held = (to: number) => plannedOccurrences(store, community, schedule, now, to).find((p) => p.state === 'held' && p.startsAt > now);
  const next = held(now + NEAR_MS) ?? held(now + HORIZON_MS);
  return next ? materialize(store, community, schedule, next, now) : null;
}

function materialize(store: Store, community: Community, schedule: MeetingSchedule, p: PlannedOccurrence, now: number): Meeting {
  const meeting = repos(store).meetings.upsert(
    {
      workspaceId: community.workspaceId,
      communityId: community.id,
      occurrence: p.occurrence,
      startsAt: p.startsAt,
      endsAt: p.startsAt + schedule.durationMin * MINUTE,
    },
    () => store.workspaces.nextRef(community.workspaceId),
    now,
  );
  return assignDuties(store, community, meeting, schedule.tz, now);
}

/** Who may take a duty at a meeting: members (not guests) who are active, not paused then, and not saying no. */
export function dutyCandidates(store: Store, community: Community, meeting: Meeting, tz: string): DutyCandidate[] {
  const date = localDate(meeting.startsAt, tz);
  const declined = new Set(
    repos(store)
      .meetings.rsvps(meeting.id)
      .filter((r) => r.answer === 'no')
      .map((r) => r.userId),
  );
  // A meeting a holiday skipped after its duties were named was not held: it is no one's turn served.
  const holidays = store.holidays.forCommunity(community.workspaceId, community.id);
  // Turns are counted within the term the meeting falls in, so each term starts even (none marked: recency alone).
  const term = termAt(store, community.workspaceId, tz, meeting.startsAt);
  const history = repos(store).meetings.dutyHistory(
    community.id,
    meeting.startsAt,
    (m) => !m.moved && holidayOn(m.occurrence, holidays) !== null,
    term?.startsAt ?? null,
  );
  return repos(store)
    .meetings.dutyMembers(community.id)
    .filter((m) => m.role !== 'guest' && !declined.has(m.userId))
    .filter((m) => m.deactivatedAt === null && !(m.pausedUntil !== null && m.pausedUntil > date))
    .map((m) => ({
      userId: m.userId,
      joinedAt: m.joinedAt,
      lastFacilitated: history.facilitated.get(m.userId) ?? null,
      lastNoted: history.noted.get(m.userId) ?? null,
      ...(term
        ? { facilitatedInTerm: history.facilitatedInTerm.get(m.userId) ?? 0, notedInTerm: history.notedInTerm.get(m.userId) ?? 0 }
        : {}),
    }));
}

/** Fills or refills the meeting's duties by fair rotation; keeps holders who can still serve. A change shows in its posted reminders. */
export function assignDuties(store: Store, community: Community, meeting: Meeting, tz: string, now: number): Meeting {
  const duties = rotateDuties(dutyCandidates(store, community, meeting, tz), {
    facilitatorId: meeting.facilitatorId,
    noteTakerId: meeting.noteTakerId,
  });
  if (duties.facilitatorId === meeting.facilitatorId && duties.noteTakerId === meeting.noteTakerId) return meeting;
  repos(store).meetings.setDuties(meeting.id, duties.facilitatorId, duties.noteTakerId);
  refreshReminders(store, meeting.id, now);
  return { ...meeting, ...duties };
}

/**
 * Queues the reminders of one meeting. A reminder whose time passed before it could be planned (a long lead,
 * a meeting set up or moved at short notice) is not lost: the latest such one goes out now, once, unless a
 * reminder of this meeting at this time was already sent or queued.
 */
function queueReminders(store: Store, schedule: MeetingSchedule, meeting: Meeting, topic: string, now: number): void {
  const payload: MeetingJobPayload = {
    workspaceId: meeting.workspaceId,
    communityId: meeting.communityId,
    meetingId: meeting.id,
    startsAt: meeting.startsAt,
  };
  const job = (minutes: number, dueAt: number) => ({
    kind: 'meeting.remind',
    key: `meeting.remind:${meeting.id}:${minutes}:${meeting.startsAt}`,
    topic,
    dueAt,
    staleAt: meeting.startsAt,
    payload,
  });
  const late = schedule.reminders.filter((m) => meeting.startsAt - m * MINUTE <= now);
  // Checked before queuing the ones ahead: after unqueueTopic only reminders already due (or done) remain.
  if (late.length > 0 && !store.jobs.anyKeyMatching(`meeting.remind:${meeting.id}:*:${meeting.startsAt}`))
    store.jobs.queue(job(Math.min(...late), now), now);
  for (const minutes of schedule.reminders) {
    const dueAt = meeting.startsAt - minutes * MINUTE;
    if (dueAt > now) store.jobs.queue(job(minutes, dueAt), now);
  }
}

/**
 * Plans a community's scheduled work afresh: the reminders of every meeting they fall due for before planning
 * runs again, the next meeting's start, and one notice per holiday that skips meetings. Idempotency keys make
 * this safe to call after any change: work already done is not queued again.
 */
export function planMeetings(store: Store, community: Community, now: number): Meeting | null {
  const topic = meetingTopic(community.id);
  store.jobs.unqueueTopic(topic, now);
  const schedule = repos(store).meetings.schedule(community.id);
  if (!schedule?.rrule || community.archivedAt) return null;
  const planned = plannedOccurrences(store, community, schedule, now, now + HORIZON_MS);
  const held = planned.filter((p) => p.state === 'held' && p.startsAt > now);
  const base = { workspaceId: community.workspaceId, communityId: community.id };
  const longestLead = Math.max(0, ...schedule.reminders) * MINUTE;
  let next: Meeting | null = null;
  const first = held[0];
  if (first) {
    // Planning runs again when the first meeting starts, so every reminder due before then is queued now:
    // those of the meetings starting up to the longest lead after it (a 7-day reminder of next week's meeting).
    for (const p of held.filter((h) => h.startsAt <= first.startsAt + longestLead)) {
      const meeting = materialize(store, community, schedule, p, now);
      next ??= meeting;
      queueReminders(store, schedule, meeting, topic, now);
    }
  }
  if (next) {
    const payload: MeetingJobPayload = { ...base, meetingId: next.id, startsAt: next.startsAt };
    store.jobs.queue(
      { kind: 'meeting.start', key: `meeting.start:${next.id}:${next.startsAt}`, topic, dueAt: next.startsAt, payload },
      now,
    );
  }
  // The team hears once per holiday, when the first skipped meeting would have been announced.
  const noticed = new Set<number>();
  for (const p of planned) {
    if (p.state !== 'holiday' || !p.holiday || noticed.has(p.holiday.id)) continue;
    noticed.add(p.holiday.id);
    store.jobs.queue(
      {
        kind: 'meeting.skipped',
        key: `meeting.skipped:${community.id}:${p.holiday.id}`,
        topic,
        dueAt: Math.max(now, p.startsAt - longestLead),
        staleAt: p.startsAt,
        payload: { ...base, holidayId: p.holiday.id },
      },
      now,
    );
  }
  return next;
}
