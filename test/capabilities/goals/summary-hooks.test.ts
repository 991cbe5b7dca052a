import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { goals } from '../../../src/capabilities/goals/index.js';
import { envOf, leaks, type RealSchool, realSchool, SEPTEMBER, SHARED } from '../summaries/real-school.js';

let school: RealSchool;
beforeEach(async () => {
  school = await realSchool();
});
afterEach(async () => school.app.dispose());

describe('the goals hooks summaries read', () => {
  it('counts team goals of many communities with the same figures as one at a time', () => {
    const { math, art, app } = school;
    const env = envOf(app);
    const many = goals.figuresOfMany?.([math, art], [SEPTEMBER], env)[0];
    // #201 open and on track since September 15; #202 open and never checked in since August 1 (two four-week
    // periods); #203 achieved on September 20. Ana's own goal counts nowhere.
    expect(many?.get(math.id)).toEqual({
      'goals.open': 2,
      'goals.onTrack': 1,
      'goals.atRisk': 0,
      'goals.offTrack': 0,
      'goals.noCheckin': 1,
      'goals.achieved': 1,
      'goals.dropped': 0,
      'goals.checkins': 1,
    });
    for (const c of [math, art]) expect(many?.get(c.id)).toEqual(goals.figures?.(c, SEPTEMBER, env));
    // As August ended, #201 was at risk and #203 still open.
    const august = { from: Date.parse('2026-08-01T00:00:00Z'), to: Date.parse('2026-09-01T00:00:00Z') };
    expect(goals.figuresOfMany?.([math], [august], env)[0]?.get(math.id)).toEqual(goals.figures?.(math, august, env));
    expect(goals.figuresOfMany?.([math], [august], env)[0]?.get(math.id)?.['goals.atRisk']).toBe(1);
    // In October nobody checked in: #201's status is the one given in September, before the period.
    const october = { from: Date.parse('2026-10-01T00:00:00Z'), to: Date.parse('2026-11-01T00:00:00Z') };
    expect(goals.figuresOfMany?.([math], [october], env)[0]?.get(math.id)?.['goals.onTrack']).toBe(1);
    const periods = [august, SEPTEMBER, october];
    const together = goals.figuresOfMany?.([math, art], periods, env) ?? [];
    for (const [i, p] of periods.entries()) for (const c of [math, art]) expect(together[i]?.get(c.id)).toEqual(goals.figures?.(c, p, env));
  });

  it('gives who checked in on the community’s goals in the period', () => {
    const { math, art, ids, app } = school;
    expect([...(goals.participants?.(math, SEPTEMBER, envOf(app)) ?? [])].sort()).toEqual([ids.ana, ids.cleo].sort());
    expect([...(goals.participants?.(art, SEPTEMBER, envOf(app)) ?? [])]).toEqual([]);
  });

  it('exports team and school goals with their check-ins, never an individual goal', () => {
    const { math, app } = school;
    const out = goals.coordinatorExport?.(math, envOf(app)) ?? {};
    expect(out.teamGoals?.map((g) => (g as { text: string }).text)).toEqual([SHARED.teamGoal, 'Shared rubric', 'Common assessment']);
    expect(out.teamGoals?.[0]).toMatchObject({ checkins: [{ status: 'at-risk' }, { status: 'on-track', percent: 60 }] });
    expect(out.schoolGoals).toEqual([expect.objectContaining({ text: SHARED.schoolGoal, level: 'school' })]);
    expect(leaks(JSON.stringify(out))).toEqual([]);
  });
});
