import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isKnownZone, localDate } from '../src/local-date.js';

const luxon = (ms: number, tz: string) => DateTime.fromMillis(ms, { zone: tz }).toISODate();
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'Europe/Copenhagen',
  'Europe/Amsterdam',
  'Asia/Riyadh',
  'America/New_York',
  'Pacific/Kiritimati',
  'Pacific/Chatham',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Australia/Lord_Howe',
];

describe('localDate', () => {
  it('gives the date Luxon gives, in every zone, around midnight and daylight-saving changes', () => {
    const starts = [Date.UTC(2026, 2, 29), Date.UTC(2026, 9, 25), Date.UTC(2026, 10, 1), Date.UTC(2027, 0, 1), Date.UTC(2024, 1, 29)];
    // Every 7 minutes 13 seconds over three days: every hour of the day, on odd seconds, twice each (cached, then kept).
    for (const tz of ZONES)
      for (const start of starts)
        for (let pass = 0; pass < 2; pass++)
          for (let ms = start - 86_400_000; ms < start + 2 * 86_400_000; ms += 433_000)
            expect(localDate(ms, tz), `${tz} ${ms}`).toBe(luxon(ms, tz));
  });

  it('gives the date of the last and the first millisecond of a local day', () => {
    for (const tz of ZONES) {
      const midnight = DateTime.fromISO('2026-09-02T00:00', { zone: tz }).toMillis();
      expect(localDate(midnight - 1, tz)).toBe('2026-09-01');
      expect(localDate(midnight, tz)).toBe('2026-09-02');
      // The same minute asked again, from its other end.
      expect(localDate(midnight + 59_999, tz)).toBe('2026-09-02');
      expect(localDate(midnight - 60_000, tz)).toBe('2026-09-01');
    }
  });

  it('gives what Luxon gives before 1972, when offsets had seconds, and for far years', () => {
    // Amsterdam kept +00:19:32 until 1937: a local midnight then fell on second 28 of a UTC minute.
    const amsterdam = DateTime.fromISO('1930-05-10T00:00', { zone: 'Europe/Amsterdam' }).toMillis();
    for (const ms of [amsterdam - 1, amsterdam, amsterdam + 1])
      expect(localDate(ms, 'Europe/Amsterdam')).toBe(luxon(ms, 'Europe/Amsterdam'));
    for (const iso of ['0001-01-01T12:00Z', '0999-06-30T12:00Z', '-000044-03-15T12:00Z', '9999-12-31T12:00Z', '+012026-09-02T12:00Z']) {
      const ms = DateTime.fromISO(iso, { zone: 'UTC' }).toMillis();
      expect(localDate(ms, 'UTC'), iso).toBe(luxon(ms, 'UTC'));
    }
  });

  it('refuses a zone that does not exist, as Intl does', () => {
    expect(() => localDate(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('knows the zones Intl knows, and no others', () => {
    expect(isKnownZone('Europe/Berlin')).toBe(true);
    expect(isKnownZone('Asia/Riyadh')).toBe(true);
    for (const zone of ['Mars/Olympus_Mons', '', 'Europe/Berlin<script>', '../../etc/passwd']) expect(isKnownZone(zone), zone).toBe(false);
  });
});
