import { describe, expect, it } from 'vitest';
import { type AlignNode, alignProblem, chainAbove } from '../../../src/capabilities/goals/domain/alignment.js';
import { DEFAULT_PERIOD_MS, needsCheckin, periodOf } from '../../../src/capabilities/goals/domain/flags.js';
import { looksLikePercent, readPercent } from '../../../src/capabilities/goals/domain/percent.js';

describe('percent', () => {
  it.each([
    ['0%', 0],
    ['60%', 60],
    ['100%', 100],
    ['60', 60],
    ['٥٠٪', 50],
    ['۷۵%', 75],
    ['40 %', 40],
  ])('reads %s as %d', (raw, n) => {
    expect(readPercent(raw)).toBe(n);
  });

  it.each(['150%', '-3%', '1e2%', '101%', '50.5%', '0x10%', '+5%', '%', '٪', '', 'abc', '1000%', '½%'])('refuses %s', (raw) => {
    expect(readPercent(raw)).toBeNull();
  });

  it('tells a word meant as a percent from the first word of the evidence', () => {
    expect(looksLikePercent('150%')).toBe(true);
    expect(looksLikePercent('٥٠٪')).toBe(true);
    expect(looksLikePercent('three')).toBe(false);
    expect(looksLikePercent('50')).toBe(false);
  });
});

describe('alignment', () => {
  const nodes = new Map<number, AlignNode>();
  const put = (n: AlignNode) => nodes.set(n.id, n);
  const lookup = (id: number) => nodes.get(id) ?? null;
  put({ id: 1, level: 'school', alignsTo: null });
  put({ id: 2, level: 'team', alignsTo: 1 });
  put({ id: 3, level: 'me', alignsTo: 2 });

  it('allows one level up only', () => {
    expect(alignProblem({ id: 9, level: 'me', alignsTo: null }, lookup(2) as AlignNode, lookup)).toBeNull();
    expect(alignProblem({ id: 9, level: 'team', alignsTo: null }, lookup(1) as AlignNode, lookup)).toBeNull();
    expect(alignProblem({ id: 9, level: 'me', alignsTo: null }, lookup(1) as AlignNode, lookup)).toBe('wrongLevel');
    expect(alignProblem({ id: 9, level: 'school', alignsTo: null }, lookup(1) as AlignNode, lookup)).toBe('wrongLevel');
    expect(alignProblem({ id: 9, level: 'team', alignsTo: null }, lookup(2) as AlignNode, lookup)).toBe('wrongLevel');
  });

  it('refuses a goal aligning to itself or to a goal below it, whatever the levels say', () => {
    expect(alignProblem(lookup(2) as AlignNode, lookup(2) as AlignNode, lookup)).toBe('cycle');
    // Rows from before a rule change: school goal 1 re-leveled as a team goal, asked to align to 3's chain.
    expect(alignProblem({ id: 1, level: 'team', alignsTo: null }, lookup(3) as AlignNode, lookup)).toBe('cycle');
  });

  it('walks a stored cycle without looping', () => {
    const loop = new Map<number, AlignNode>([
      [1, { id: 1, level: 'team', alignsTo: 2 }],
      [2, { id: 2, level: 'school', alignsTo: 1 }],
    ]);
    const get = (id: number) => loop.get(id) ?? null;
    expect(chainAbove(loop.get(1) as AlignNode, get).map((n) => n.id)).toEqual([2]);
    expect(alignProblem({ id: 5, level: 'me', alignsTo: null }, loop.get(1) as AlignNode, get)).toBe('cycle');
  });
});

describe('two periods without a check-in', () => {
  const DAY = 86_400_000;
  it('follows the cadence, and four weeks without one', () => {
    expect(periodOf(null)).toBe(DEFAULT_PERIOD_MS);
    expect(periodOf({ freq: 'weekly', weekday: 5, time: { hour: 14, minute: 0 }, from: null })).toBe(7 * DAY);
    expect(periodOf({ freq: 'biweekly', weekday: 5, time: { hour: 14, minute: 0 }, from: null })).toBe(14 * DAY);
    expect(periodOf({ freq: 'monthly', ordinal: 1, weekday: 5, time: { hour: 14, minute: 0 }, from: null })).toBe(31 * DAY);
  });

  it('counts from the last check-in, else from when the goal was set', () => {
    expect(needsCheckin({ createdAt: 0, lastCheckinAt: null }, 7 * DAY, 14 * DAY - 1)).toBe(false);
    expect(needsCheckin({ createdAt: 0, lastCheckinAt: null }, 7 * DAY, 14 * DAY)).toBe(true);
    expect(needsCheckin({ createdAt: 0, lastCheckinAt: 10 * DAY }, 7 * DAY, 20 * DAY)).toBe(false);
  });
});
