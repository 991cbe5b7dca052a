import { DateTime } from 'luxon';
import type { Community } from '../../store/communities.js';
import type { Store } from '../../store/store.js';
import { nextMeeting } from './plan.js';
import { repos } from './store/index.js';

/**
 * Who facilitates the community's meeting in the week of `now` (Monday to Sunday in the meeting's zone): the
 * meeting held earlier that week, else the one coming later that week, its duties named by the rotation. Null
 * when the community does not meet that week (a biweekly cadence, a holiday) or nobody holds the duty.
 * Other capabilities ask this (the goals' check-in asks go to that week's facilitator).
 */
export function weekFacilitator(store: Store, community: Community, now: number): number | null {
  const tz = repos(store).meetings.schedule(community.id)?.tz ?? community.tz;
  const week = (ms: number) => DateTime.fromMillis(ms, { zone: tz }).toFormat("kkkk'-W'WW");
  const thisWeek = week(now);
  const held = repos(store).meetings.lastStarted(community.id, now);
  if (held && week(held.startsAt) === thisWeek && held.facilitatorId !== null) return held.facilitatorId;
  const next = nextMeeting(store, community, now);
  if (next && week(next.startsAt) === thisWeek) return next.facilitatorId;
  return null;
}
