import { DateTime } from 'luxon';
import type { Locale } from '../i18n/locales.js';

/**
 * A meeting time as people read it in their language, in the given zone: "Wednesday, 2 September, 15:30", with
 * the year whenever it is not the year of `now` there ("Friday, 31 December 2027, 15:30").
 */
export function formatWhen(ms: number, tz: string, locale: Locale, now: number): string {
  const at = DateTime.fromMillis(ms, { zone: tz }).setLocale(locale);
  const otherYear = at.year !== DateTime.fromMillis(now, { zone: tz }).year;
  return at.toLocaleString({
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(otherYear ? { year: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

/** A local date as people read it: "Wednesday, 2 September 2026". */
export function formatDate(date: string, locale: Locale): string {
  return DateTime.fromISO(date).setLocale(locale).toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

/** Today's date (YYYY-MM-DD) in a zone. */
export function localDateAt(ms: number, tz: string): string {
  return DateTime.fromMillis(ms, { zone: tz }).toISODate() as string;
}
