import { DateTime } from 'luxon';
import { translator } from '../../i18n/translate.js';
import type { Store } from '../../store/store.js';
import { plannedOccurrences } from './plan.js';
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
 * The feed behind a secret calendar token, from two months back to a year ahead; null for an unknown token.
 * Skipped and cancelled meetings stay in the feed as cancelled, so subscribed calendars remove them.
 */
export function calendarFeed(store: Store, token: string, now: number): Feed | null {
  const schedule = repos(store).meetings.byCalendarToken(token);
  if (!schedule) return null;
  const row = store.db.prepare('SELECT workspace_id AS w FROM communities WHERE id = ?').get(schedule.communityId) as
    | { w: number }
    | undefined;
  const community = row ? store.communities.get(row.w, schedule.communityId) : null;
  if (!community || community.archivedAt) return null;
  const i18n = translator(community.locale);
  const title = i18n.t('calendar.event', { community: community.name });
  const events: FeedEvent[] = [];
  for (const p of plannedOccurrences(store, community, schedule, now - 60 * DAY, now + 365 * DAY)) {
    const meeting = repos(store).meetings.byOccurrence(community.id, p.occurrence);
    const end = meeting && p.state === 'held' ? meeting.endsAt : p.startsAt + schedule.durationMin * 60_000;
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
      location: schedule.location,
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
  return { name: community.name, tz: schedule.tz, events };
}
