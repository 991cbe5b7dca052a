import { DateTime } from 'luxon';
import type { Locale } from '../i18n/locales.js';
import { localDate } from '../local-date.js';

/**
 * A meeting time as people read it in their language, in the given zone: "Wednesday, 2 September, 15:30", with
 * the year whenever it is not the year of `now` there ("Friday, 31 December 2027, 15:30").
 */
export function formatWhen(ms: number, tz: string, locale: Locale, now: number): string {
  const otherYear = yearOf(ms, tz) !== yearOf(now, tz);
  return kept(`when ${locale} ${tz} ${ms} ${otherYear}`, () =>
    DateTime.fromMillis(ms, { zone: tz })
      .setLocale(locale)
      .toLocaleString({
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        ...(otherYear ? { year: 'numeric' } : {}),
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  );
}

/** A local date as people read it: "Wednesday, 2 September 2026". */
export function formatDate(date: string, locale: Locale): string {
  return kept(`date ${locale} ${date}`, () =>
    DateTime.fromISO(date).setLocale(locale).toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
  );
}

/** The year of an instant in a zone, as its local date writes it. */
export const yearOf = (ms: number, tz: string): string => localDate(ms, tz).slice(0, -6);

/**
 * A date or time written for people, kept by what it depends on (the key): the same meeting's time is shown to
 * every member, and Luxon's formatting cost more than the rest of a `next`. Dates and times only, no one's data;
 * bounded, and simply formatted again past the bound.
 */
export function kept(key: string, format: () => string): string {
  let text = written.get(key);
  if (text === undefined) {
    text = format();
    if (written.size >= MAX_KEPT) written.clear();
    written.set(key, text);
  }
  return text;
}
const written = new Map<string, string>();
const MAX_KEPT = 20_000;
