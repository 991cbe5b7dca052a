import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pairingCapability } from '../../../src/capabilities/pairing/index.js';
import { envOf, leaks, type RealSchool, realSchool, SEPTEMBER } from '../summaries/real-school.js';

let school: RealSchool;
beforeEach(async () => {
  school = await realSchool();
});
afterEach(async () => school.app.dispose());

describe('the pairing hooks summaries read', () => {
  it('counts many communities with the same figures as one at a time', () => {
    const { math, art, app } = school;
    const env = envOf(app);
    const many = pairingCapability.figuresOfMany?.([math, art], [SEPTEMBER], env)[0];
    // Two visits paired (the cancelled one is not), one done, one takeaway.
    expect(many?.get(math.id)).toEqual({
      'pairing.rounds': 1,
      'pairing.visitsPaired': 2,
      'pairing.visitsDone': 1,
      'pairing.takeawaysShared': 1,
    });
    for (const c of [math, art]) expect(many?.get(c.id)).toEqual(pairingCapability.figures?.(c, SEPTEMBER, env));
  });

  it('gives the observers who recorded a visit done in the period', () => {
    const { math, ids, app } = school;
    expect([...(pairingCapability.participants?.(math, SEPTEMBER, envOf(app)) ?? [])]).toEqual([ids.ana]);
    const later = { from: Date.parse('2026-09-11T00:00:00Z'), to: SEPTEMBER.to };
    // Ana's feedback on the 11th counts too; Ben's "not yet" does not.
    expect([...(pairingCapability.participants?.(math, later, envOf(app)) ?? [])]).toEqual([ids.ana]);
  });

  it('exports rounds as counts, never who visited whom, the focus or the feedback', () => {
    const { math, app } = school;
    const out = pairingCapability.coordinatorExport?.(math, envOf(app)) ?? {};
    expect(out.rounds).toEqual([expect.objectContaining({ round: '#301', visitsPaired: 2, visitsDone: 1 })]);
    const json = JSON.stringify(out);
    expect(leaks(json)).toEqual([]);
    expect(json).not.toMatch(/"(observer|observed)/);
    expect(Object.keys(out.rounds?.[0] as object).sort()).toEqual(
      ['closedAt', 'endsAt', 'readers', 'round', 'startedAt', 'visitsDone', 'visitsPaired'].sort(),
    );
  });
});
