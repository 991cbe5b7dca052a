import { DateTime } from 'luxon';
import { prepared } from '../../store/db.js';
import type { Store } from '../../store/store.js';
import type { User } from '../../store/users.js';
import { schoolYearStart } from '../../terms.js';
import { type DayRange, weeksInARow } from './domain/streak.js';
import { repos } from './store/index.js';

/** How far back a streak is looked for: ten school years of weekly reflections. */
const LOOK_BACK_MS = 520 * 7 * 86_400_000;

/**
 * The local date of an instant, YYYY-MM-DD. One formatter per zone, kept: a streak reads the date of every
 * reflection its author wrote, on every `reflect`, and Luxon's DateTime cost several times as much per date.
 * Dates are also kept by zone and minute: every zone's offset has been a whole number of minutes since 1972, so
 * a local day starts on a whole minute and every instant of a minute has the same date. A `reflect` then formats
 * neither today nor its own reflection when someone in the same zone wrote in the same minute.
 */
function localDay(ms: number, tz: string): string {
  let zone = dayCache.get(tz);
  if (!zone) {
    zone = {
      format: new Intl.DateTimeFormat('en-US', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }),
      days: new Map(),
    };
    dayCache.set(tz, zone);
  }
  const minute = Math.floor(ms / 60_000);
  const known = zone.days.get(minute);
  if (known !== undefined) return known;
  const parts: Record<string, string> = {};
  for (const p of zone.format.formatToParts(ms)) parts[p.type] = p.value;
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  // Bounded: a school's year of reflections fits many times over; past that, the dates are simply formatted again.
  if (zone.days.size >= MAX_KEPT_DAYS) zone.days.clear();
  zone.days.set(minute, day);
  return day;
}
/** Formatters and the dates they gave, by zone: instants and dates, no one's data, and zones are few. */
const dayCache = new Map<string, { format: Intl.DateTimeFormat; days: Map<number, string> }>();
const MAX_KEPT_DAYS = 50_000;

/**
 * The person's streak: weeks in a row with a reflection in their own zone, resting over weeks that were mostly a
 * holiday of one of their communities (or of the school) or a pause they announced. It counts within the school
 * year: once a term marked `new-year` has begun (in the person's zone), only reflections since then count, so the
 * summer rests the streak as any holiday does and the new year starts it afresh. Only they ever see it.
 */
export function streakOf(store: Store, user: User, tz: string, now: number): number {
  const since = Math.max(now - LOOK_BACK_MS, schoolYearStart(store, user.workspaceId, tz, now) ?? Number.NEGATIVE_INFINITY);
  const written = repos(store).reflections.writtenAt(user.workspaceId, user.id, since);
  if (written.length === 0) return 0;
  const holidays = prepared(
    store.db,
    `SELECT starts_on AS "from", ends_on AS "to" FROM holidays WHERE workspace_id = ?
       AND (community_id IS NULL OR community_id IN (SELECT community_id FROM memberships WHERE user_id = ?))`,
  ).all(user.workspaceId, user.id) as DayRange[];
  // A pause lasts until the start of its date: its last day is the one before.
  const pauses = repos(store)
    .prompts.pauses(user.id)
    .map((p) => ({ from: localDay(p.startsAt, tz), to: DateTime.fromISO(p.untilDate).minus({ days: 1 }).toISODate() as string }));
  return weeksInARow({ today: localDay(now, tz), reflectedOn: written.map((at) => localDay(at, tz)), offDays: [...holidays, ...pauses] });
}
