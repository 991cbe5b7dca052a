import { DateTime } from 'luxon';
import { localDate } from '../../local-date.js';
import { prepared } from '../../store/db.js';
import type { Store } from '../../store/store.js';
import type { User } from '../../store/users.js';
import { schoolYearStart } from '../../terms.js';
import { type DayRange, weeksInARow } from './domain/streak.js';
import { repos } from './store/index.js';

/** How far back a streak is looked for: ten school years of weekly reflections. */
const LOOK_BACK_MS = 520 * 7 * 86_400_000;

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
  return weeksInARow({
    today: localDate(now, tz),
    reflectedOn: written.map((at) => localDate(at, tz)),
    offDays: offDaysOf(store, user, tz),
  });
}

/**
 * What reads the person's days off, called only if a week without a reflection lies inside the streak: the
 * holidays of their communities and of the whole school, and their pauses. A pause lasts until the start of its
 * date: its last day is the one before.
 */
function offDaysOf(store: Store, user: User, tz: string): () => DayRange[] {
  return () => {
    const holidays = prepared(
      store.db,
      `SELECT starts_on AS "from", ends_on AS "to" FROM holidays WHERE workspace_id = ?
         AND (community_id IS NULL OR community_id IN (SELECT community_id FROM memberships WHERE user_id = ?))`,
    ).all(user.workspaceId, user.id) as DayRange[];
    const pauses = repos(store)
      .prompts.pauses(user.id)
      .map((p) => ({ from: localDate(p.startsAt, tz), to: DateTime.fromISO(p.untilDate).minus({ days: 1 }).toISODate() as string }));
    return [...holidays, ...pauses];
  };
}
