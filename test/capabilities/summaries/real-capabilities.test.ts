import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderPlain } from '../../../src/views/plain.js';
import { run } from '../../support/bot.js';
import { leaks, MARKERS, type RealSchool, realSchool, SHARED, sayIn } from './real-school.js';

let school: RealSchool;
beforeEach(async () => {
  school = await realSchool();
});
afterEach(async () => school.app.dispose());

/** Everything a command sends anyone, as text, files and the chart's SVG alt included. */
const everything = (user: string, text: string, channel: string | null) =>
  run(school.app, user, text, { channel })
    .deliveries.map((d) => `${renderPlain(d.view)}\n${JSON.stringify(d.view)}`)
    .join('\n');

describe('status and export over the real capabilities', () => {
  it('status shows the real capabilities’ September figures for Math, and no private word', () => {
    const status = sayIn(school.app, 'carla', 'status');
    expect(status).toContain('== Math · the last 30 days ==');
    // Ana reflected and checked in, Ben reflected, Cleo checked in and shared; Carla's check-in is on a school goal.
    expect(status).toContain('Active members: 3 of 4 ');
    expect(status).toContain('Reflections: 3 ');
    // Ana and Ben of four members.
    expect(status).toContain('Members who reflected: 50% ');
    expect(status).toContain('Reflections shared with the team or coordinators: 2 ');
    expect(status).toContain('Observation visits: 1 done of 2 paired');
    expect(status).toContain(
      'Team and school goals: 2 open (1 on track, 0 at risk, 0 off track, 1 without a check-in, 1 achieved, 0 dropped)',
    );
    expect(status).toContain('Norms: 1');
    expect(leaks(status)).toEqual([]);
  });

  it('status all carries every community’s real figures, and nothing private anywhere, the chart included', () => {
    const all = everything('carla', 'status all', null);
    expect(all).toContain('Math');
    expect(all).toContain('Art');
    expect(leaks(all)).toEqual([]);
    expect(all).not.toContain(SHARED.reflection);
  });

  it('export community carries what coordinators may read, and never private, team-only or individual words', () => {
    for (const format of ['json', 'csv']) {
      const handled = run(school.app, 'carla', `in Math export community ${format}`, { channel: null });
      const file = handled.deliveries[0]?.view.blocks.find((b) => b.type === 'file') as { file: { content: string } } | undefined;
      const content = file?.file.content ?? '';
      for (const shared of [SHARED.reflection, SHARED.teamGoal, SHARED.schoolGoal, SHARED.norm, SHARED.resource, SHARED.mission]) {
        expect(content).toContain(shared);
      }
      expect(leaks(content)).toEqual([]);
      expect(content).not.toContain(MARKERS.teamReflection);
    }
    const exported = run(school.app, 'carla', 'in Math export community json', { channel: null });
    const file = exported.deliveries[0]?.view.blocks.find((b) => b.type === 'file') as { file: { content: string } } | undefined;
    const json = JSON.parse(file?.file.content ?? '{}') as Record<string, unknown>;
    expect((json.figures as Record<string, number>)['pairing.visitsDone']).toBe(1);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining([
        'reflections.sharedWithCoordinators',
        'goals.teamGoals',
        'goals.schoolGoals',
        'pairing.rounds',
        'knowledge.library',
        'knowledge.norms',
        'knowledge.charter',
      ]),
    );
  });

  it('a member’s status names nobody and shows nothing private', () => {
    const status = sayIn(school.app, 'ana', 'status');
    expect(leaks(status)).toEqual([]);
    for (const name of ['ana', 'ben', 'cleo']) expect(status).not.toMatch(new RegExp(`\\b${name}\\b`));
  });
});
