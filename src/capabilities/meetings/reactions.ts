import { DateTime } from 'luxon';
import type { CoreEnv, Reactions } from '../../capability.js';
import { answer, type Delivery } from '../../grammar/command.js';
import { translator } from '../../i18n/translate.js';
import type { Community } from '../../store/communities.js';
import type { User } from '../../store/users.js';
import { text, view } from '../../views/build.js';
import { formatWhen } from '../../views/dates.js';
import { assignDuties, planMeetings } from './plan.js';
import { refreshReminders } from './refresh.js';
import { repos } from './store/index.js';

function scheduleTz(env: CoreEnv, community: Community): string {
  return repos(env.store).meetings.schedule(community.id)?.tz ?? community.tz;
}

/**
 * A duty someone held at a meeting that has not started passes to the next in the rotation when they can no
 * longer serve (gone, a guest now, paused or deactivated), as when they answer no; posted reminders then show
 * the new holder.
 */
function handOnDuties(env: CoreEnv, community: Community, user: { id: number }): void {
  const tz = scheduleTz(env, community);
  for (const meeting of repos(env.store).meetings.list(community.id)) {
    if (meeting.startsAt <= env.now || meeting.status !== 'scheduled') continue;
    if (meeting.facilitatorId === user.id || meeting.noteTakerId === user.id) assignDuties(env.store, community, meeting, tz, env.now);
  }
}

/**
 * A new zone keeps each meeting at its local wall-clock time: the rule's start is read in the new zone, and
 * meetings already planned (with their RSVPs, cancellations and moves) keep their local times too.
 */
function keepLocalTimes(env: CoreEnv, community: Community, from: string): Delivery[] {
  const { meetings } = repos(env.store);
  const schedule = meetings.schedule(community.id);
  if (!schedule || schedule.tz === community.tz) return [];
  const rrule = schedule.rrule?.replace(/^DTSTART;TZID=[^:\s]+:/m, `DTSTART;TZID=${community.tz}:`) ?? null;
  meetings.saveSchedule(community.id, community.tz, { rrule }, env.now);
  for (const m of meetings.list(community.id)) {
    if (m.startsAt <= env.now) continue;
    const local = DateTime.fromMillis(m.startsAt, { zone: from });
    const startsAt = DateTime.fromObject(
      { year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute },
      { zone: community.tz },
    ).toMillis();
    meetings.retime(m.id, startsAt, startsAt + (m.endsAt - m.startsAt));
    refreshReminders(env.store, m.id, env.now);
  }
  const next = planMeetings(env.store, community, env.now);
  if (!schedule.rrule || !next) return [];
  const i18n = env.i18n ?? translator(community.locale);
  const local = DateTime.fromMillis(next.startsAt, { zone: community.tz }).toFormat('HH:mm');
  const line = i18n.t('settings.tz.meetings', {
    community: community.name,
    time: local,
    when: formatWhen(next.startsAt, community.tz, i18n.locale, env.now),
  });
  return [answer(view(i18n.locale, [text(line)]))];
}

export const reactions: Reactions = {
  membershipChanged(env, community, user) {
    handOnDuties(env, community, user);
    // A guest keeps their calendar link; someone who left does not.
    if (!env.store.communities.roleOf(community.id, user.id)) repos(env.store).calendarLinks.revoke(community.id, user.id);
    return [];
  },
  away(env, user: User) {
    for (const { community } of env.store.communities.ofUser(user.workspaceId, user.id)) handOnDuties(env, community, user);
    // Away is also a pause, after which the person comes back to the same subscriptions; a deactivated account
    // has left the school, and its calendar links (with the meetings' places and video passwords) stop.
    if (user.deactivatedAt !== null) repos(env.store).calendarLinks.revokeAll(user.workspaceId, user.id);
    return [];
  },
  timeZoneChanged(env, community, from) {
    return keepLocalTimes(env, community, from);
  },
  // Archiving stops the meetings and the team's shared calendar link (personal links open nothing meanwhile).
  communityArchived(env, community) {
    planMeetings(env.store, community, env.now);
    repos(env.store).calendarLinks.endShared(community.id, env.now);
    return [];
  },
  // Restored, the meetings are planned again from the stored cadence: the next one from now, nothing in between.
  communityRestored(env, community) {
    planMeetings(env.store, community, env.now);
    return [];
  },
  holidayAdded(env, workspace, community, holidayId) {
    const holiday = env.store.holidays.get(workspace.id, holidayId);
    if (!holiday) return [];
    const communities = community ? [community] : env.store.communities.list(workspace.id);
    for (const c of communities) {
      // Reminders already posted for meetings the holiday now skips show that, without RSVP buttons.
      for (const id of repos(env.store).reminderPosts.upcomingMeetings(c.id, env.now)) {
        const meeting = repos(env.store).meetings.get(id);
        if (meeting && !meeting.moved && meeting.occurrence >= holiday.startsOn && meeting.occurrence <= holiday.endsOn)
          refreshReminders(env.store, id, env.now);
      }
      if (!community) planMeetings(env.store, c, env.now);
    }
    return [];
  },
};
