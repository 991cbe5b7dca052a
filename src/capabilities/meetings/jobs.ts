import type { Preambles } from '../../capability.js';
import { localeFor } from '../../i18n/locales.js';
import { translator } from '../../i18n/translate.js';
import { localDate } from '../../local-date.js';
import type { JobEnv, JobHandlers, Outbox } from '../../scheduler/handlers.js';
import type { Community } from '../../store/communities.js';
import type { Job } from '../../store/jobs.js';
import { text, view } from '../../views/build.js';
import { SHARED_LINK_GRACE_MS } from './calendar.js';
import { assignDuties, HORIZON_MS, type MeetingJobPayload, planMeetings, plannedOccurrences } from './plan.js';
import { REMINDER_POST, type ReminderPreamble, refreshUpcomingReminders, registerReminderRefresh } from './refresh.js';
import { repos } from './store/index.js';
import type { Meeting } from './store/meetings.js';
import { formatDate, formatWhen, reminderView } from './views.js';

/** After a meeting ends, the note-taker is nudged this much later if no notes came. */
const NUDGE_AFTER_MS = 2 * 3_600_000;
/** A nudge older than this helps nobody. */
const NUDGE_STALE_MS = 7 * 86_400_000;

function load(env: JobEnv, p: MeetingJobPayload): { community: Community; meeting: Meeting } | null {
  const community = env.store.communities.get(p.workspaceId, p.communityId);
  const meeting = repos(env.store).meetings.get(p.meetingId);
  if (!community || community.archivedAt || !meeting) return null;
  return { community, meeting };
}

/** Whether the meeting still takes place when the job was planned for it (not cancelled or moved since). */
function stillOn(meeting: Meeting, p: MeetingJobPayload): boolean {
  return meeting.status === 'scheduled' && meeting.startsAt === p.startsAt;
}

function workspaceOf(env: JobEnv, community: Community) {
  const workspace = env.store.workspaces.get(community.workspaceId);
  if (!workspace) throw new Error(`workspace ${community.workspaceId} is gone`);
  return workspace;
}

/** `meeting.remind`: the reminder in the channel, with agenda, duties and RSVP buttons; kept so changes update it. */
const remind =
  (preamble: ReminderPreamble) =>
  (job: Job, env: JobEnv): Outbox | null => {
    const p = job.payload as MeetingJobPayload;
    const found = load(env, p);
    if (!found || !stillOn(found.meeting, p)) return null;
    const { community } = found;
    const schedule = repos(env.store).meetings.schedule(community.id);
    if (!schedule?.rrule) return null;
    // After downtime several reminders of one meeting can be overdue at once: only the latest is sent.
    if (schedule.reminders.some((m) => p.startsAt - m * 60_000 > job.dueAt && p.startsAt - m * 60_000 <= env.now)) return null;
    // Someone may have paused or left since the duties were named.
    const meeting = assignDuties(env.store, community, found.meeting, schedule.tz, env.now);
    const track = { kind: REMINDER_POST, data: { meetingId: meeting.id } };
    return {
      workspace: workspaceOf(env, community),
      deliveries: [
        { to: 'channel', community, view: reminderView(env.store, community, meeting, env.now, preamble(community, env)), track },
      ],
    };
  };

/** `meeting.start`: the open agenda becomes the meeting's; the nudge is queued; the next meeting is planned. */
function start(job: Job, env: JobEnv): Outbox | null {
  const p = job.payload as MeetingJobPayload;
  const found = load(env, p);
  if (!found) return null;
  const { community, meeting } = found;
  if (stillOn(meeting, p)) {
    repos(env.store).agenda.assignOpen(community.id, meeting.id, meeting.startsAt);
    // Reminders already posted for later meetings (a long lead) showed those items as theirs.
    refreshUpcomingReminders(env.store, community, env.now);
    env.store.jobs.queue(
      {
        kind: 'meeting.nudge',
        key: `meeting.nudge:${meeting.id}`,
        topic: `meeting:${meeting.id}`,
        dueAt: meeting.endsAt + NUDGE_AFTER_MS,
        staleAt: meeting.endsAt + NUDGE_STALE_MS,
        payload: p,
      },
      env.now,
    );
  }
  planMeetings(env.store, community, env.now);
  return null;
}

/** `meeting.nudge`: one direct message to the note-taker when a meeting has no notes yet. */
function nudge(job: Job, env: JobEnv): Outbox | null {
  const p = job.payload as MeetingJobPayload;
  const found = load(env, p);
  if (!found) return null;
  const { community, meeting } = found;
  if (meeting.status !== 'scheduled' || meeting.notes !== null || meeting.noteTakerId === null) return null;
  const user = env.store.users.get(community.workspaceId, meeting.noteTakerId);
  if (!user || user.deactivatedAt !== null) return null;
  const tz = repos(env.store).meetings.schedule(community.id)?.tz ?? community.tz;
  const i18n = translator(localeFor(user, community));
  const line = i18n.tr('notes.nudge', {
    community: community.name,
    when: formatWhen(meeting.startsAt, tz, i18n.locale, env.now),
    command: { command: `in ${community.name.includes(' ') ? `"${community.name}"` : community.name} notes #${meeting.ref} <text>` },
  });
  return { workspace: workspaceOf(env, community), deliveries: [{ to: 'user', user, view: view(i18n.locale, [text(line)]) }] };
}

/** `meeting.skipped`: the team hears once that a holiday skips its meetings, and when it meets next. */
function skipped(job: Job, env: JobEnv): Outbox | null {
  const { workspaceId, communityId, holidayId } = job.payload as { workspaceId: number; communityId: number; holidayId: number };
  const community = env.store.communities.get(workspaceId, communityId);
  const schedule = community ? repos(env.store).meetings.schedule(community.id) : null;
  if (!community || community.archivedAt || !schedule?.rrule) return null;
  const planned = plannedOccurrences(env.store, community, schedule, env.now, env.now + HORIZON_MS);
  const dates = planned.filter((p) => p.state === 'holiday' && p.holiday?.id === holidayId);
  if (dates.length === 0) return null;
  const i18n = translator(community.locale);
  const holiday = dates[0]?.holiday?.name ?? i18n.t('skipped.holiday');
  const blocks = [
    text(
      i18n.t('skipped.text', {
        community: community.name,
        count: dates.length,
        dates: dates.map((d) => formatDate(d.occurrence, i18n.locale)).join('; '),
        holiday,
      }),
    ),
  ];
  const next = planned.find((p) => p.state === 'held' && p.startsAt > env.now);
  if (next) blocks.push(text(i18n.t('skipped.next', { when: formatWhen(next.startsAt, schedule.tz, i18n.locale, env.now) })));
  return { workspace: workspaceOf(env, community), deliveries: [{ to: 'channel', community, view: view(i18n.locale, blocks) }] };
}

/**
 * `meeting.sharedCalendarEnding`: the channel hears once that its shared calendar link ends, and how each person
 * gets their own. The link's 30 days start now, when the team is told (see migration 301).
 */
function sharedCalendarEnding(job: Job, env: JobEnv): Outbox | null {
  const { workspaceId, communityId } = job.payload as { workspaceId: number; communityId: number };
  // Set before anything can return: a community that hears nothing (archived) still has its link end.
  const shared = repos(env.store).calendarLinks.endShared(communityId, env.now + SHARED_LINK_GRACE_MS);
  const community = env.store.communities.get(workspaceId, communityId);
  if (!shared?.endsAt || shared.endsAt <= env.now || !community || community.archivedAt) return null;
  const i18n = translator(community.locale);
  const tz = repos(env.store).meetings.schedule(community.id)?.tz ?? community.tz;
  const line = i18n.tr('calendar.sharedEnding', {
    community: community.name,
    date: formatDate(localDate(shared.endsAt, tz), i18n.locale),
    command: { command: 'calendar' },
  });
  return { workspace: workspaceOf(env, community), deliveries: [{ to: 'channel', community, view: view(i18n.locale, [text(line)]) }] };
}

/** Registers the meeting cadence's job kinds; `preambles` head its reminders with what other capabilities add. */
export function registerMeetingJobs(handlers: JobHandlers, preambles?: Preambles): JobHandlers {
  const preamble: ReminderPreamble = (community, env) =>
    preambles ? preambles.meeting(community, { ...env, i18n: translator(community.locale) }) : [];
  handlers
    .register('meeting.remind', remind(preamble))
    .register('meeting.start', start)
    .register('meeting.nudge', nudge)
    .register('meeting.skipped', skipped)
    .register('meeting.sharedCalendarEnding', sharedCalendarEnding);
  return registerReminderRefresh(handlers, preamble);
}
