import { describe, expect, it } from 'vitest';
import { restingWeek, weeksInARow } from '../../../../src/capabilities/reflections/domain/streak.js';

// Mondays of autumn 2026: 7, 14, 21, 28 September, 5, 12 October.
describe('a streak of weeks with a reflection', () => {
  it('counts weeks in a row back from this one', () => {
    expect(weeksInARow({ today: '2026-09-30', reflectedOn: ['2026-09-09', '2026-09-17', '2026-09-25', '2026-09-29'], offDays: [] })).toBe(
      4,
    );
  });

  it('does not break before this week is over, and counts this week once it has one', () => {
    const last = ['2026-09-09', '2026-09-17'];
    expect(weeksInARow({ today: '2026-09-21', reflectedOn: last, offDays: [] })).toBe(2);
    expect(weeksInARow({ today: '2026-09-21', reflectedOn: [...last, '2026-09-21'], offDays: [] })).toBe(3);
  });

  it('breaks on a week without one', () => {
    expect(weeksInARow({ today: '2026-09-30', reflectedOn: ['2026-09-09', '2026-09-29'], offDays: [] })).toBe(1);
    expect(weeksInARow({ today: '2026-10-13', reflectedOn: ['2026-09-29'], offDays: [] })).toBe(0);
  });

  it('rests over a holiday week instead of breaking, and counts it if one was written anyway', () => {
    const autumn = [{ from: '2026-09-14', to: '2026-09-18' }];
    expect(weeksInARow({ today: '2026-09-23', reflectedOn: ['2026-09-09', '2026-09-22'], offDays: autumn })).toBe(2);
    expect(weeksInARow({ today: '2026-09-23', reflectedOn: ['2026-09-09', '2026-09-15', '2026-09-22'], offDays: autumn })).toBe(3);
  });

  it('rests over a paused week, and over several resting weeks in a row', () => {
    const off = [
      { from: '2026-09-14', to: '2026-09-18' },
      { from: '2026-09-21', to: '2026-09-30' },
    ];
    expect(weeksInARow({ today: '2026-10-01', reflectedOn: ['2026-09-09', '2026-10-01'], offDays: off })).toBe(2);
  });

  it('calls a week resting when three of its five school days are off, not fewer', () => {
    expect(restingWeek('2026-09-14', [{ from: '2026-09-16', to: '2026-09-20' }])).toBe(true);
    expect(restingWeek('2026-09-14', [{ from: '2026-09-17', to: '2026-09-20' }])).toBe(false);
    // A weekend does not make a week resting.
    expect(restingWeek('2026-09-14', [{ from: '2026-09-19', to: '2026-09-20' }])).toBe(false);
  });

  it('reads the days off only for a week without a reflection inside the streak, and then once', () => {
    let asked = 0;
    const offDays = () => {
      asked += 1;
      return [{ from: '2026-09-14', to: '2026-09-25' }];
    };
    expect(weeksInARow({ today: '2026-09-30', reflectedOn: ['2026-09-09', '2026-09-17', '2026-09-25', '2026-09-29'], offDays })).toBe(4);
    expect(asked).toBe(0);
    // Two resting weeks in a row, then a week that breaks it: read once for all three.
    expect(weeksInARow({ today: '2026-09-30', reflectedOn: ['2026-09-01', '2026-09-29'], offDays })).toBe(1);
    expect(asked).toBe(1);
    expect(weeksInARow({ today: '2026-10-01', reflectedOn: ['2026-09-09', '2026-10-01'], offDays })).toBe(2);
    expect(asked).toBe(2);
  });

  it('is nothing without a reflection', () => {
    expect(weeksInARow({ today: '2026-09-30', reflectedOn: [], offDays: [{ from: '2026-09-01', to: '2026-09-30' }] })).toBe(0);
  });
});
