import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { goals } from '../../../src/capabilities/goals/index.js';
import { prepared } from '../../../src/store/db.js';
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

  it('counts as one at a time in periods of every kind, with check-ins on their ends and at the same instant', () => {
    const { math, art, app, ids } = school;
    const env = envOf(app);
    const team = (prepared(app.store.db, "SELECT id FROM goals WHERE level = 'team' ORDER BY id").pluck().all() as number[]).slice(0, 3);
    // After the team goals were set (August 1), while one of them closes (September 20).
    const start = Date.parse('2026-08-02T00:00:00Z');
    const DAY = 86_400_000;
    const periods = [
      { from: start + 30 * DAY, to: start + 60 * DAY },
      { from: start + 60 * DAY, to: start + 90 * DAY },
      { from: start + 45 * DAY + 1234, to: start + 75 * DAY - 1 },
      { from: start + 80 * DAY, to: start + 80 * DAY },
      { from: start + 10 * DAY, to: start + 150 * DAY },
      { from: start + 140 * DAY, to: start + 200 * DAY },
    ];
    // Check-ins before every period, then spread over them in an order that is not their time's.
    const statuses = ['on-track', 'at-risk', 'off-track'];
    const checkins: [number, number, string][] = [];
    for (let i = 0; i < 40; i++)
      checkins.push([i % 3, start + ((i * 7919) % 170) * DAY + ((i * 104_729) % DAY), statuses[(i * 5) % 3] as string]);
    // On the first goal: one just before the end of the first period, then two at the same instant on its end (the
    // later one is the latest by then), and one on the start of the third.
    checkins.push(
      [0, start + 60 * DAY - 1, 'on-track'],
      [0, start + 60 * DAY, 'at-risk'],
      [0, start + 60 * DAY, 'off-track'],
      [0, start + 45 * DAY + 1234, 'on-track'],
    );
    for (const [goal, at, status] of checkins) {
      prepared(app.store.db, 'INSERT INTO goal_checkins (goal_id, author_id, status, percent, evidence, at) VALUES (?, ?, ?, ?, ?, ?)').run(
        team[goal],
        ids.cleo,
        status,
        50,
        null,
        at,
      );
    }
    const many = goals.figuresOfMany?.([math, art], periods, env) ?? [];
    let statusCounted = 0;
    for (const [i, p] of periods.entries()) {
      for (const c of [math, art]) {
        const one = goals.figures?.(c, p, env);
        expect(many[i]?.get(c.id), `period ${i}, ${c.name}`).toEqual(one);
        statusCounted += (one?.['goals.onTrack'] ?? 0) + (one?.['goals.atRisk'] ?? 0) + (one?.['goals.offTrack'] ?? 0);
      }
    }
    // Not two empty answers: the latest statuses were counted.
    expect(statusCounted).toBeGreaterThan(5);
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
