import { describe, expect, it } from 'vitest';
import { planOccurrences } from '../../../../src/capabilities/meetings/domain/meeting-plan.js';
import { ruleFor } from '../../../../src/grammar/recurrence.js';

const rule = ruleFor({ freq: 'weekly', weekday: 3, time: { hour: 15, minute: 30 }, from: null }, 'UTC', '2026-09-01');
const from = Date.parse('2026-09-01T00:00Z');
const to = Date.parse('2026-10-01T00:00Z');
const held = (plan: ReturnType<typeof planOccurrences>) =>
  plan.filter((p) => p.state === 'held').map((p) => new Date(p.startsAt).toISOString());

describe('holidays, cancellations and moves', () => {
  it('skips the meetings in a holiday, both ends included', () => {
    const plan = planOccurrences(rule, [], [{ id: 1, startsOn: '2026-09-09', endsOn: '2026-09-16', name: 'Autumn' }], from, to);
    expect(plan.filter((p) => p.state === 'holiday').map((p) => p.occurrence)).toEqual(['2026-09-09', '2026-09-16']);
    expect(held(plan)).toEqual(['2026-09-02T15:30:00.000Z', '2026-09-23T15:30:00.000Z', '2026-09-30T15:30:00.000Z']);
  });

  it('marks a cancelled meeting and leaves the others', () => {
    const plan = planOccurrences(rule, [{ occurrence: '2026-09-09', status: 'cancelled', moved: false, startsAt: 0 }], [], from, to);
    expect(plan.find((p) => p.occurrence === '2026-09-09')?.state).toBe('cancelled');
    expect(held(plan)).toHaveLength(4);
  });

  it('holds a moved meeting at its new time, even inside a holiday', () => {
    const movedTo = Date.parse('2026-09-10T09:00Z');
    const plan = planOccurrences(
      rule,
      [{ occurrence: '2026-09-09', status: 'scheduled', moved: true, startsAt: movedTo }],
      [{ id: 1, startsOn: '2026-09-08', endsOn: '2026-09-12', name: null }],
      from,
      to,
    );
    expect(plan.find((p) => p.occurrence === '2026-09-09')).toMatchObject({ state: 'held', moved: true, startsAt: movedTo });
  });

  it('finds a meeting moved into the window from outside it', () => {
    const movedTo = Date.parse('2026-09-30T08:00Z');
    const plan = planOccurrences(rule, [{ occurrence: '2026-10-07', status: 'scheduled', moved: true, startsAt: movedTo }], [], from, to);
    expect(plan.find((p) => p.occurrence === '2026-10-07')).toMatchObject({ occurrence: '2026-10-07', startsAt: movedTo, state: 'held' });
  });
});
