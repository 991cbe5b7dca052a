import { UserError } from '../errors.js';
import type { Cursor } from './cursor.js';
import { type LocalTime, parseDate, parseTime, parseWeekday, type Weekday } from './values.js';

/** Which week of the month a monthly cadence falls in; -1 is the last. */
export type Ordinal = 1 | 2 | 3 | 4 | -1;

/** A repeating local time: the cadence phrase of the command language, parsed. */
export type Cadence =
  | { freq: 'weekly' | 'biweekly'; weekday: Weekday; time: LocalTime; from: string | null }
  | { freq: 'monthly'; ordinal: Ordinal; weekday: Weekday; time: LocalTime; from: string | null };

const ORDINALS: Record<string, Ordinal> = { '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, last: -1 };

/**
 * Reads `weekly <weekday> <HH:MM>`, `biweekly <weekday> <HH:MM>` or
 * `monthly <1st|2nd|3rd|4th|last> <weekday> <HH:MM>`, optionally followed by `from YYYY-MM-DD`.
 */
export function readCadence(c: Cursor): Cadence {
  const freq = c.accept('weekly', 'biweekly', 'monthly');
  if (!freq) throw new UserError('error.badCadence');
  let ordinal: Ordinal | null = null;
  if (freq === 'monthly') {
    const tok = c.next();
    if (!tok) throw new UserError('error.badCadence');
    ordinal = ORDINALS[tok.value.toLowerCase()] ?? null;
    if (!ordinal) throw new UserError('error.badOrdinal', { value: tok.value });
  }
  const day = c.next();
  if (!day) throw new UserError('error.badCadence');
  const weekday = parseWeekday(day.value);
  const at = c.next();
  if (!at) throw new UserError('error.badCadence');
  const time = parseTime(at.value);
  let from: string | null = null;
  if (c.accept('from')) {
    const d = c.next();
    if (!d) throw new UserError('error.badCadence');
    from = parseDate(d.value, c.now);
  }
  return ordinal ? { freq: 'monthly', ordinal, weekday, time, from } : { freq: freq as 'weekly' | 'biweekly', weekday, time, from };
}

/** Writes a cadence back as the phrase a user would type. */
export function formatCadence(c: Cadence): string {
  const day = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'][c.weekday - 1];
  const time = `${String(c.time.hour).padStart(2, '0')}:${String(c.time.minute).padStart(2, '0')}`;
  const ord = c.freq === 'monthly' ? `${Object.keys(ORDINALS).find((k) => ORDINALS[k] === c.ordinal)} ` : '';
  return `${c.freq} ${ord}${day} ${time}${c.from ? ` from ${c.from}` : ''}`;
}
