import { type HolidayRange, type PlannedOccurrence, planOccurrences } from '../domain/meeting-plan.js';
import { localDate } from '../domain/recurrence.js';
import { type DutyCandidate, rotateDuties } from '../domain/rotation.js';
import type { Community } from '../store/communities.js';
import type { Meeting, MeetingSchedule } from '../store/meetings.js';
import type { Store } from '../store/store.js';

/** The jobs of a community's upcoming meetings share this topic, so a change replans them together. */
export const meetingTopic = (communityId: number): string => `meetings:${communityId}`;

/** How far ahead occurrences are looked for (a monthly meeting behind a long holiday is still found). */
export const HORIZON_MS = 400 * 86_400_000;
const MINUTE = 60_000;

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
  const changes = store.meetings.list(community.id).map((m) => ({
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
  const schedule = store.meetings.schedule(community.id);
  if (!schedule?.rrule) return null;
  const next = plannedOccurrences(store, community, schedule, now, now + HORIZON_MS).find((p) => p.state === 'held' && p.startsAt > now);
  return next ? materialize(store, community, schedule, next, now) : null;
}

function materialize(store: Store, community: Community, schedule: MeetingSchedule, p: PlannedOccurrence, now: number): Meeting {
  const meeting = store.meetings.upsert(
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
  return assignDuties(store, community, meeting, schedule.tz);
}

/** Who may take a duty at a meeting: members (not guests) who are active, not paused then, and not saying no. */
export function dutyCandidates(store: Store, community: Community, meeting: Meeting, tz: string): DutyCandidate[] {
  const date = localDate(meeting.startsAt, tz);
  const declined = new Set(
    store.meetings
      .rsvps(meeting.id)
      .filter((r) => r.answer === 'no')
      .map((r) => r.userId),
  );
  const history = store.meetings.dutyHistory(community.id, meeting.startsAt);
  return store.meetings
    .dutyMembers(community.id)
    .filter((m) => m.role !== 'guest' && !declined.has(m.userId))
    .filter((m) => m.deactivatedAt === null && !(m.pausedUntil !== null && m.pausedUntil > date))
    .map((m) => ({
      userId: m.userId,
      joinedAt: m.joinedAt,
      lastFacilitated: history.facilitated.get(m.userId) ?? null,
      lastNoted: history.noted.get(m.userId) ?? null,
    }));
}

/** Fills or refills the meeting's duties by fair rotation; keeps holders who can still serve. */
export function assignDuties(store: Store, community: Community, meeting: Meeting, tz: string): Meeting {
  const duties = rotateDuties(dutyCandidates(store, community, meeting, tz), {
    facilitatorId: meeting.facilitatorId,
    noteTakerId: meeting.noteTakerId,
  });
  if (duties.facilitatorId === meeting.facilitatorId && duties.noteTakerId === meeting.noteTakerId) return meeting;
  store.meetings.setDuties(meeting.id, duties.facilitatorId, duties.noteTakerId);
  return { ...meeting, ...duties };
}

/**
 * Plans a community's scheduled work afresh: the next meeting's reminders and start, and one notice per
 * holiday that skips meetings. Idempotency keys make this safe to call after any change: work already
 * done is not queued again.
 */
export function planMeetings(store: Store, community: Community, now: number): Meeting | null {
  const topic = meetingTopic(community.id);
  store.jobs.unqueueTopic(topic, now);
  const schedule = store.meetings.schedule(community.id);
  if (!schedule?.rrule || community.archivedAt) return null;
  const planned = plannedOccurrences(store, community, schedule, now, now + HORIZON_MS);
  const nextHeld = planned.find((p) => p.state === 'held' && p.startsAt > now);
  const meeting = nextHeld ? materialize(store, community, schedule, nextHeld, now) : null;
  const base = { workspaceId: community.workspaceId, communityId: community.id };
  if (meeting) {
    const payload: MeetingJobPayload = { ...base, meetingId: meeting.id, startsAt: meeting.startsAt };
    for (const minutes of schedule.reminders) {
      const dueAt = meeting.startsAt - minutes * MINUTE;
      if (dueAt <= now) continue;
      store.jobs.queue(
        {
          kind: 'meeting.remind',
          key: `meeting.remind:${meeting.id}:${minutes}:${meeting.startsAt}`,
          topic,
          dueAt,
          staleAt: meeting.startsAt,
          payload,
        },
        now,
      );
    }
    store.jobs.queue(
      { kind: 'meeting.start', key: `meeting.start:${meeting.id}:${meeting.startsAt}`, topic, dueAt: meeting.startsAt, payload },
      now,
    );
  }
  // The team hears once per holiday, when the first skipped meeting would have been announced.
  const firstReminder = Math.max(0, ...schedule.reminders) * MINUTE;
  const noticed = new Set<number>();
  for (const p of planned) {
    if (p.state !== 'holiday' || !p.holiday || noticed.has(p.holiday.id)) continue;
    noticed.add(p.holiday.id);
    store.jobs.queue(
      {
        kind: 'meeting.skipped',
        key: `meeting.skipped:${community.id}:${p.holiday.id}`,
        topic,
        dueAt: Math.max(now, p.startsAt - firstReminder),
        staleAt: p.startsAt,
        payload: { ...base, holidayId: p.holiday.id },
      },
      now,
    );
  }
  return meeting;
}
