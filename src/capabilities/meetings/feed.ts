import { DateTime } from 'luxon';
import { translator } from '../../i18n/translate.js';
import type { Community } from '../../store/communities.js';
import type { Store } from '../../store/store.js';
import { plannedOccurrences } from './plan.js';
import type { CalendarLink } from './store/calendar-links.js';
import { repos } from './store/index.js';

const DAY = 86_400_000;

/** One entry of a community's calendar feed, in terms any iCalendar writer can express. */
export interface FeedEvent {
  uid: string;
  summary: string;
  /** Instants for meetings; local dates (YYYY-MM-DD, end exclusive) for all-day holidays. */
  start: number | string;
  end: number | string;
  status: 'confirmed' | 'cancelled';
  location: string | null;
  description: string | null;
}

/** A community's calendar as the feed shows it: meetings (held, moved, cancelled, skipped) and holidays. */
export interface Feed {
  name: string;
  tz: string;
  events: FeedEvent[];
}

/**
 * Whether a person's link still works: they are not deactivated, and still belong to the community (any role,
 * guests included) or coordinate the workspace. Leaving, deactivation and reset also delete the link; this is
 * the check that holds even if some way out of a community forgot to.
 */
function linkWorks(store: Store, link: CalendarLink): boolean {
  const user = store.users.get(link.workspaceId, link.userId);
  if (!user || user.deactivatedAt !== null) return false;
  return user.isCoordinator || store.communities.roleOf(link.communityId, user.id) !== null;
}

/**
 * The community a calendar token opens, if it still opens one: a person's link while it works, or the link the
 * community shared before people had their own, until it ends.
 */
function communityOf(store: Store, token: string, now: number): Community | null {
  const links = repos(store).calendarLinks;
  const link = links.byToken(token);
  if (link) return linkWorks(store, link) ? store.communities.get(link.workspaceId, link.communityId) : null;
  const shared = links.shared(token);
  if (!shared || (shared.endsAt !== null && shared.endsAt <= now)) return null;
  return store.communities.get(shared.workspaceId, shared.communityId);
}

/**
 * The feed behind a secret calendar token, from two months back to a year ahead; null for a token that opens
 * nothing (unknown, reset, or its person gone). Skipped and cancelled meetings stay in the feed as cancelled, so
 * subscribed calendars remove them.
 */
export function calendarFeed(store: Store, token: string, now: number): Feed | null {
  const community = communityOf(store, token, now);
  if (!community || community.archivedAt) return null;
  const schedule = repos(store).meetings.schedule(community.id);
  const i18n = translator(community.locale);
  const title = i18n.t('calendar.event', { community: community.name });
  const events: FeedEvent[] = [];
  const planned = schedule ? plannedOccurrences(store, community, schedule, now - 60 * DAY, now + 365 * DAY) : [];
  for (const p of planned) {
    const meeting = repos(store).meetings.byOccurrence(community.id, p.occurrence);
    const end = meeting && p.state === 'held' ? meeting.endsAt : p.startsAt + (schedule?.durationMin ?? 60) * 60_000;
    const summary =
      p.state === 'held'
        ? title
        : p.state === 'cancelled'
          ? `${i18n.t('calendar.cancelled')}: ${title}`
          : i18n.t('calendar.holiday', { name: p.holiday?.name ?? i18n.t('skipped.holiday') });
    events.push({
      uid: `plc-meeting-${community.id}-${p.occurrence}`,
      summary,
      start: p.startsAt,
      end,
      status: p.state === 'held' ? 'confirmed' : 'cancelled',
      location: schedule?.location ?? null,
      description: meeting ? `#${meeting.ref}` : null,
    });
  }
  for (const h of store.holidays.forCommunity(community.workspaceId, community.id)) {
    events.push({
      uid: `plc-holiday-${h.id}`,
      summary: i18n.t('calendar.holiday', { name: h.name ?? i18n.t('skipped.holiday') }),
      start: h.startsOn,
      end: DateTime.fromISO(h.endsOn).plus({ days: 1 }).toISODate() as string,
      status: 'confirmed',
      location: null,
      description: null,
    });
  }
  return { name: community.name, tz: schedule?.tz ?? community.tz, events };
}
