import { DateTime } from 'luxon';

/** A range of local dates, both included (a holiday), or a pause: from its first day until the start of `until`. */
export interface DayRange {
  from: string;
  /** The last day included. */
  to: string;
}

/** What a streak is counted from, all in the person's own local dates. */
export interface StreakInput {
  today: string;
  /** The local dates on which the person wrote a reflection (any order, repeats allowed). */
  reflectedOn: readonly string[];
  /** Days the person was off: holidays of their communities and their own pauses. */
  offDays: readonly DayRange[];
}

/** A week rests the streak (neither counts nor breaks it) when at least this many of its school days are off. */
export const RESTING_SCHOOL_DAYS = 3;
/** How far back a streak is followed; far more than a teaching career of weekly reflections needs. */
const MAX_WEEKS = 520;

const mondayOf = (date: string): string => DateTime.fromISO(date, { zone: 'UTC' }).startOf('week').toISODate() as string;

function isOff(date: string, off: readonly DayRange[]): boolean {
  return off.some((r) => r.from <= date && date <= r.to);
}

/** Whether the week starting on `monday` was mostly a holiday or a pause (counted over Monday to Friday). */
export function restingWeek(monday: string, off: readonly DayRange[]): boolean {
  const start = DateTime.fromISO(monday, { zone: 'UTC' });
  let days = 0;
  for (let i = 0; i < 5; i++) if (isOff(start.plus({ days: i }).toISODate() as string, off)) days++;
  return days >= RESTING_SCHOOL_DAYS;
}

/**
 * Weeks in a row (Monday to Sunday) with at least one reflection, counted back from this week. This week counts
 * once it has a reflection and does not break the streak before it ends; a week that was mostly a holiday or a
 * pause rests the streak instead of breaking it (and counts if the person reflected anyway).
 */
export function weeksInARow(input: StreakInput): number {
  if (input.reflectedOn.length === 0) return 0;
  const weeks = new Set(input.reflectedOn.map(mondayOf));
  const earliest = [...weeks].sort()[0] as string;
  let week = DateTime.fromISO(mondayOf(input.today), { zone: 'UTC' });
  if (!weeks.has(week.toISODate() as string)) week = week.minus({ weeks: 1 });
  let count = 0;
  for (let i = 0; i < MAX_WEEKS; i++) {
    const monday = week.toISODate() as string;
    if (monday < earliest) break;
    if (weeks.has(monday)) count++;
    else if (!restingWeek(monday, input.offDays)) break;
    week = week.minus({ weeks: 1 });
  }
  return count;
}
