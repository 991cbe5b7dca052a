import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reflections } from '../../../src/capabilities/reflections/index.js';
import { envOf, leaks, MARKERS, type RealSchool, realSchool, SEPTEMBER, SHARED } from '../summaries/real-school.js';

let school: RealSchool;
beforeEach(async () => {
  school = await realSchool();
});
afterEach(async () => school.app.dispose());

describe('the reflections hooks summaries read', () => {
  it('counts many communities with the same figures as one at a time', () => {
    const { math, art, app } = school;
    const env = envOf(app);
    const many = reflections.figuresOfMany?.([math, art], [SEPTEMBER], env)[0];
    expect(many?.get(math.id)).toEqual({ 'reflections.count': 3, 'reflections.reflectors': 2, 'reflections.shared': 2 });
    expect(many?.get(art.id)).toEqual({ 'reflections.count': 1, 'reflections.reflectors': 1, 'reflections.shared': 0 });
    for (const c of [math, art]) expect(many?.get(c.id)).toEqual(reflections.figures?.(c, SEPTEMBER, env));
    expect(reflections.figuresOfMany?.([], [SEPTEMBER], env)[0]?.size).toBe(0);
  });

  it('gives who reflected in the period, whatever the visibility', () => {
    const { math, ids, app } = school;
    expect([...(reflections.participants?.(math, SEPTEMBER, envOf(app)) ?? [])].sort()).toEqual([ids.ana, ids.ben].sort());
    expect([...(reflections.participants?.(math, { from: 0, to: SEPTEMBER.from }, envOf(app)) ?? [])]).toEqual([ids.ben]);
  });

  it('exports only what was shared with coordinators, never a private or team-only reflection', () => {
    const { math, art, app } = school;
    const out = reflections.coordinatorExport?.(math, envOf(app)) ?? {};
    expect(out.sharedWithCoordinators).toEqual([expect.objectContaining({ text: SHARED.reflection, readers: 'coordinators' })]);
    const json = JSON.stringify(out);
    expect(leaks(json)).toEqual([]);
    expect(json).not.toContain(MARKERS.teamReflection);
    expect(reflections.coordinatorExport?.(art, envOf(app))).toEqual({ sharedWithCoordinators: [] });
  });
});
