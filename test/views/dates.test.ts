import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { dueDate, shortDate } from '../../src/capabilities/goals/views.js';
import { LOCALES } from '../../src/i18n/locales.js';
import { formatDate, formatWhen } from '../../src/views/dates.js';

// What each gave when Luxon wrote every one afresh: the kept texts must read the same.
const when = (ms: number, tz: string, locale: string, now: number) => {
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
};
const short = (ms: number, tz: string, locale: string, now: number) => {
  const at = DateTime.fromMillis(ms, { zone: tz }).setLocale(locale);
  const otherYear = at.year !== DateTime.fromMillis(now, { zone: tz }).year;
  return at.toLocaleString({ day: 'numeric', month: 'short', ...(otherYear ? { year: 'numeric' } : {}) });
};

describe('dates as people read them', () => {
  const zones = ['UTC', 'Europe/Berlin', 'Asia/Riyadh', 'America/New_York', 'Pacific/Kiritimati'];
  // Around New Year in each zone (the year shown or not), a daylight-saving change, and an ordinary afternoon.
  const instants = [
    Date.UTC(2026, 11, 31, 9),
    Date.UTC(2026, 11, 31, 23, 30),
    Date.UTC(2027, 0, 1, 10, 45),
    Date.UTC(2027, 2, 28, 1, 30),
    Date.UTC(2026, 8, 2, 13, 30),
  ];
  const nows = [Date.UTC(2026, 11, 31, 12), Date.UTC(2027, 0, 1, 12)];

  it('writes meeting times and short dates as Luxon does, kept or not, in every language', () => {
    for (let pass = 0; pass < 2; pass++)
      for (const locale of LOCALES)
        for (const tz of zones)
          for (const ms of instants)
            for (const now of nows) {
              expect(formatWhen(ms, tz, locale, now), `${locale} ${tz} ${ms} ${now}`).toBe(when(ms, tz, locale, now));
              expect(shortDate(ms, tz, locale, now), `${locale} ${tz} ${ms} ${now}`).toBe(short(ms, tz, locale, now));
            }
  });

  it('writes due dates and local dates as Luxon does', () => {
    for (const locale of LOCALES)
      for (const date of ['2026-12-31', '2027-01-01', '2027-06-30'])
        for (const now of nows) {
          expect(dueDate(date, locale, now)).toBe(short(DateTime.fromISO(date, { zone: 'UTC' }).toMillis(), 'UTC', locale, now));
          expect(formatDate(date, locale)).toBe(
            DateTime.fromISO(date).setLocale(locale).toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
          );
        }
  });

  it('shows the year only when it is not this year where the reader is', () => {
    // 23:30 UTC on New Year's Eve is already 2027 in Berlin.
    expect(formatWhen(Date.UTC(2026, 11, 31, 23, 30), 'Europe/Berlin', 'en', Date.UTC(2026, 11, 31, 12))).toContain('2027');
    expect(formatWhen(Date.UTC(2026, 11, 31, 23, 30), 'America/New_York', 'en', Date.UTC(2026, 11, 31, 12))).not.toContain('2026');
    expect(dueDate('2027-06-30', 'en', Date.UTC(2026, 11, 31, 12))).toBe('Jun 30, 2027');
    expect(dueDate('2027-06-30', 'en', Date.UTC(2027, 0, 1, 12))).toBe('Jun 30');
  });
});
