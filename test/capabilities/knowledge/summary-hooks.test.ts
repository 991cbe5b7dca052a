import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { knowledge } from '../../../src/capabilities/knowledge/index.js';
import { envOf, type RealSchool, realSchool, SEPTEMBER, SHARED } from '../summaries/real-school.js';

let school: RealSchool;
beforeEach(async () => {
  school = await realSchool();
});
afterEach(async () => school.app.dispose());

describe('the knowledge hooks summaries read', () => {
  it('counts many communities with the same figures as one at a time', () => {
    const { math, art, app } = school;
    const env = envOf(app);
    const many = knowledge.figuresOfMany?.([math, art], [SEPTEMBER], env)[0];
    expect(many?.get(math.id)).toEqual({ 'knowledge.resources': 2, 'knowledge.resourcesAdded': 1, 'knowledge.norms': 1 });
    expect(many?.get(art.id)).toEqual({ 'knowledge.resources': 0, 'knowledge.resourcesAdded': 0, 'knowledge.norms': 0 });
    for (const c of [math, art]) expect(many?.get(c.id)).toEqual(knowledge.figures?.(c, SEPTEMBER, env));
  });

  it('gives who shared to the library in the period', () => {
    const { math, ids, app } = school;
    expect([...(knowledge.participants?.(math, SEPTEMBER, envOf(app)) ?? [])]).toEqual([ids.cleo]);
  });

  it('exports the library, the norms and the charter', () => {
    const { math, art, app } = school;
    const out = knowledge.coordinatorExport?.(math, envOf(app)) ?? {};
    expect(out.library?.[0]).toMatchObject({
      resource: '#401',
      text: SHARED.resource,
      tags: ['retrieval'],
      url: 'https://example.org/retrieval',
    });
    expect(out.library).toHaveLength(2);
    expect(out.norms).toEqual([expect.objectContaining({ text: SHARED.norm })]);
    expect(out.charter).toEqual([expect.objectContaining({ mission: SHARED.mission })]);
    expect(knowledge.coordinatorExport?.(art, envOf(app))).toEqual({ library: [], norms: [], charter: [] });
  });
});
