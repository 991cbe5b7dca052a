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
  /**
   * Days the person was off: holidays of their communities and their own pauses. Or what reads them, asked once
   * and only when a week without a reflection lies inside the streak: someone who reflects every week never needs them.
   */
  offDays: readonly DayRange[] | (() => readonly DayRange[]);
}

/** A week rests the streak (neither counts nor breaks it) when at least this many of its school days are off. */
export const RESTING_SCHOOL_DAYS = 3;
/** How far back a streak is followed; far more than a teaching career of weekly reflections needs. */
const MAX_WEEKS = 520;

const DAY_MS = 86_400_000;
/** Local dates are counted as whole days from the epoch: the streak walks back week by week, hundreds of steps at most. */
const dayNumber = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** The Monday of a date's week, as a day number (the epoch's first day was a Thursday). */
const mondayNumber = (day: number): number => day - ((day + 3) % 7);

function isOff(date: string, off: readonly DayRange[]): boolean {
  return off.some((r) => r.from <= date && date <= r.to);
}

/** Whether the week starting on `monday` was mostly a holiday or a pause (counted over Monday to Friday). */
export function restingWeek(monday: string, off: readonly DayRange[]): boolean {
  if (off.length === 0) return false;
  const start = dayNumber(monday);
  let days = 0;
  for (let i = 0; i < 5; i++) if (isOff(isoOf(start + i), off)) days++;
  return days >= RESTING_SCHOOL_DAYS;
}

/**
 * Weeks in a row (Monday to Sunday) with at least one reflection, counted back from this week. This week counts
 * once it has a reflection and does not break the streak before it ends; a week that was mostly a holiday or a
 * pause rests the streak instead of breaking it (and counts if the person reflected anyway).
 */
export function weeksInARow(input: StreakInput): number {
  if (input.reflectedOn.length === 0) return 0;
  const weeks = new Set(input.reflectedOn.map((date) => mondayNumber(dayNumber(date))));
  const earliest = Math.min(...weeks);
  let week = mondayNumber(dayNumber(input.today));
  if (!weeks.has(week)) week -= 7;
  let off = typeof input.offDays === 'function' ? null : input.offDays;
  let count = 0;
  for (let i = 0; i < MAX_WEEKS; i++) {
    if (week < earliest) break;
    if (weeks.has(week)) count++;
    else {
      off ??= (input.offDays as () => readonly DayRange[])();
      if (!restingWeek(isoOf(week), off)) break;
    }
    week -= 7;
  }
  return count;
}
