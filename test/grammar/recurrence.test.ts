import fc from 'fast-check';
import { DateTime } from 'luxon';
import rrulePackage from 'rrule';
import { describe, expect, it } from 'vitest';
import type { Cadence } from '../../src/grammar/cadence.js';
import { occurrencesBetween, parseRule, ruleFor } from '../../src/grammar/recurrence.js';
import type { Weekday } from '../../src/grammar/values.js';

const at = (hour: number, minute: number) => ({ hour, minute });
const weekly = (weekday: Weekday, hour = 15, minute = 30): Cadence => ({ freq: 'weekly', weekday, time: at(hour, minute), from: null });
const local = (ms: number, tz: string) => DateTime.fromMillis(ms, { zone: tz });
const year = (tz: string) =>
  [DateTime.fromISO('2026-01-01', { zone: tz }).toMillis(), DateTime.fromISO('2027-01-01', { zone: tz }).toMillis()] as const;

describe('cadence expansion', () => {
  it('stores the cadence as an RFC 5545 rule with its zone', () => {
    expect(ruleFor(weekly(2), 'Europe/Copenhagen', '2026-09-01')).toBe(
      'DTSTART;TZID=Europe/Copenhagen:20260901T153000\nRRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;WKST=MO',
    );
  });

  it('repeats a weekly meeting every seven days on its weekday, from the first one on or after the start date', () => {
    const rule = ruleFor(weekly(3), 'UTC', '2026-09-01');
    const dates = occurrencesBetween(rule, Date.parse('2026-09-01T00:00Z'), Date.parse('2026-10-01T00:00Z')).map((o) => o.date);
    expect(dates).toEqual(['2026-09-02', '2026-09-09', '2026-09-16', '2026-09-23', '2026-09-30']);
  });

  it('repeats a biweekly meeting every other week, starting in the first possible week', () => {
    const rule = ruleFor({ ...weekly(4), freq: 'biweekly' }, 'UTC', '2026-09-04');
    const dates = occurrencesBetween(rule, Date.parse('2026-09-01T00:00Z'), Date.parse('2026-11-01T00:00Z')).map((o) => o.date);
    expect(dates).toEqual(['2026-09-10', '2026-09-24', '2026-10-08', '2026-10-22']);
  });

  it.each([
    [1, ['2026-09-02', '2026-10-07', '2026-11-04']],
    [2, ['2026-09-09', '2026-10-14', '2026-11-11']],
    [3, ['2026-09-16', '2026-10-21', '2026-11-18']],
    [4, ['2026-09-23', '2026-10-28', '2026-11-25']],
    [-1, ['2026-09-30', '2026-10-28', '2026-11-25']],
  ] as const)('places a monthly meeting on weekday %i of the month', (ordinal, expected) => {
    const rule = ruleFor({ freq: 'monthly', ordinal, weekday: 3, time: at(16, 0), from: null }, 'UTC', '2026-09-01');
    const dates = occurrencesBetween(rule, Date.parse('2026-09-01T00:00Z'), Date.parse('2026-12-01T00:00Z')).map((o) => o.date);
    expect(dates).toEqual(expected);
  });
});

describe('daylight-saving changes', () => {
  it.each([
    ['Europe/Copenhagen', ['2026-03-29', '2026-10-25']],
    ['Europe/Berlin', ['2026-03-29', '2026-10-25']],
    ['Europe/Brussels', ['2026-03-29', '2026-10-25']],
    ['America/New_York', ['2026-03-08', '2026-11-01']],
  ])('keeps a 15:30 meeting at 15:30 local in %s while the UTC time shifts', (tz) => {
    const [from, to] = year(tz);
    const all = occurrencesBetween(ruleFor(weekly(7), tz, '2026-01-01'), from, to);
    expect(all).toHaveLength(52);
    for (const o of all) expect(local(o.startsAt, tz).toFormat('ccc HH:mm')).toBe('Sun 15:30');
    const utcTimes = new Set(all.map((o) => new Date(o.startsAt).toISOString().slice(11, 16)));
    expect(utcTimes.size).toBe(2);
  });

  it('meets on the very day the clocks change, at the local time', () => {
    const spring = occurrencesBetween(
      ruleFor(weekly(7), 'Europe/Berlin', '2026-03-29'),
      Date.parse('2026-03-28T00:00Z'),
      Date.parse('2026-04-06T00:00Z'),
    );
    expect(spring.map((o) => new Date(o.startsAt).toISOString())).toEqual(['2026-03-29T13:30:00.000Z', '2026-04-05T13:30:00.000Z']);
    const autumn = occurrencesBetween(
      ruleFor(weekly(7), 'America/New_York', '2026-10-25'),
      Date.parse('2026-10-24T00:00Z'),
      Date.parse('2026-11-02T00:00Z'),
    );
    expect(autumn.map((o) => new Date(o.startsAt).toISOString())).toEqual(['2026-10-25T19:30:00.000Z', '2026-11-01T20:30:00.000Z']);
  });

  it('keeps one UTC time all year in Asia/Riyadh, which has no daylight-saving time', () => {
    const [from, to] = year('Asia/Riyadh');
    const all = occurrencesBetween(ruleFor(weekly(1), 'Asia/Riyadh', '2026-01-01'), from, to);
    expect(new Set(all.map((o) => new Date(o.startsAt).toISOString().slice(11, 16)))).toEqual(new Set(['12:30']));
  });

  it('keeps a monthly meeting at local time across the change', () => {
    const tz = 'Europe/Copenhagen';
    const rule = ruleFor({ freq: 'monthly', ordinal: -1, weekday: 2, time: at(15, 30), from: null }, tz, '2026-09-01');
    const all = occurrencesBetween(rule, Date.parse('2026-09-01T00:00Z'), Date.parse('2026-12-01T00:00Z'));
    expect(all.map((o) => local(o.startsAt, tz).toFormat('yyyy-MM-dd HH:mm'))).toEqual([
      '2026-09-29 15:30',
      '2026-10-27 15:30',
      '2026-11-24 15:30',
    ]);
    expect(all.map((o) => new Date(o.startsAt).toISOString().slice(11, 16))).toEqual(['13:30', '14:30', '14:30']);
  });
});

describe('expanding a window costs the window, and finds what the whole rule holds', () => {
  const { RRule } = rrulePackage;
  /** The rule expanded from its DTSTART by rrule alone, each wall-clock time placed in the zone by Luxon. */
  function fromTheStart(text: string, fromMs: number, toMs: number): { date: string; startsAt: number }[] {
    const { tz, rule } = parseRule(text);
    const plain = new RRule(rule.origOptions, true);
    return plain
      .between(new Date(fromMs - 3 * 86_400_000), new Date(toMs + 3 * 86_400_000), true)
      .map((d) => ({
        date: d.toISOString().slice(0, 10),
        startsAt: DateTime.fromObject(
          { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() },
          { zone: tz },
        ).toMillis(),
      }))
      .filter((o) => o.startsAt >= fromMs && o.startsAt < toMs);
  }

  it('gives the same occurrences for any cadence, zone and window, years after the first meeting', () => {
    const cadence = fc.oneof(
      fc.record({ freq: fc.constantFrom('weekly', 'biweekly'), weekday: fc.integer({ min: 1, max: 7 }) }),
      fc.record({ freq: fc.constant('monthly'), weekday: fc.integer({ min: 1, max: 7 }), ordinal: fc.constantFrom(1, 2, 3, 4, -1) }),
    );
    fc.assert(
      fc.property(
        cadence,
        fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Riyadh', 'Australia/Lord_Howe', 'Pacific/Kiritimati'),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(0, 30, 45),
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 1, max: 400 }),
        (c, tz, hour, minute, startDay, fromDay, days) => {
          const first = DateTime.fromISO('2025-01-01', { zone: 'UTC' }).plus({ days: startDay }).toISODate() as string;
          const rule = ruleFor({ ...c, time: at(hour, minute), from: null } as Cadence, tz, first);
          const from = Date.parse('2025-01-01T00:00Z') + fromDay * 86_400_000 + hour * 3_600_000;
          const to = from + days * 86_400_000;
          expect(occurrencesBetween(rule, from, to)).toEqual(fromTheStart(rule, from, to));
        },
      ),
      { numRuns: 150 },
    );
  });
});
