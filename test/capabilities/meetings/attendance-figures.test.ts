import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meetings } from '../../../src/capabilities/meetings/index.js';
import { summaryApp } from '../summaries/fakes.js';
import { type SummaryApp, say } from '../summaries/school.js';

let app: SummaryApp;
beforeEach(() => {
  app = summaryApp();
});
afterEach(async () => app.dispose());

describe('attendance in the meetings figures', () => {
  it('counts, at each held meeting, the members (not guests) who had joined by its start', async () => {
    say(app, 'Carla', 'create Math');
    say(app, 'Lena', 'join');
    say(app, 'Carla', 'role @Gustav guest');
    say(app, 'Carla', 'schedule weekly wed 15:30');
    // September 2: Carla and Lena belong; Lena and the guest say yes.
    say(app, 'Lena', 'rsvp yes');
    say(app, 'Gustav', 'rsvp yes');
    await app.advance(Date.parse('2026-09-03T08:00:00Z'));
    app.clock.set(Date.parse('2026-09-03T08:00:00Z'));
    // Anneliese joins before September 9 and says yes to it.
    say(app, 'Anneliese', 'join');
    say(app, 'Anneliese', 'rsvp yes');
    await app.advance(Date.parse('2026-09-10T08:00:00Z'));
    app.clock.set(Date.parse('2026-09-10T08:00:00Z'));
    const math = app.store.communities.findByChannel(1, 'math');
    if (!math) throw new Error('no Math');
    const env = { store: app.store, now: app.clock.now().getTime(), log: app.log };
    const september = { from: Date.parse('2026-09-01T00:00:00Z'), to: Date.parse('2026-09-10T00:00:00Z') };
    const figures = meetings.figures?.(math, september, env);
    expect(figures).toMatchObject({ 'meetings.held': 2, 'meetings.attendanceYes': 2, 'meetings.attendanceExpected': 2 + 3 });
    // The first meeting alone: two members then.
    const first = { from: september.from, to: Date.parse('2026-09-03T00:00:00Z') };
    expect(meetings.figures?.(math, first, env)).toMatchObject({ 'meetings.attendanceYes': 1, 'meetings.attendanceExpected': 2 });
    expect(meetings.figuresOfMany?.([math], [first, september], env).map((f) => f.get(math.id))).toEqual([
      meetings.figures?.(math, first, env),
      figures,
    ]);
  });
});
