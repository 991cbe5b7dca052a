import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meetings } from '../../../src/capabilities/meetings/index.js';
import { prepared } from '../../../src/store/db.js';
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

  it('counts a meeting on a holiday once: skipped, or cancelled, never again as a date the holiday skipped', () => {
    say(app, 'Carla', 'create Math');
    say(app, 'Carla', 'schedule weekly wed 15:30');
    const math = app.store.communities.findByChannel(1, 'math');
    if (!math) throw new Error('no Math');
    const carla = app.store.users.findByExternal(1, 'Carla')?.id as number;
    // Rows for September 2 (the schedule made it) and 23 (held), 9 (on the holiday) and 16 (cancelled, on the
    // holiday); none for 30.
    const meeting = prepared(
      app.store.db,
      `INSERT INTO meetings (workspace_id, community_id, ref, occurrence, starts_at, ends_at, status, created_at)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (community_id, occurrence) DO UPDATE SET status = excluded.status`,
    );
    for (const [ref, date, status] of [
      [901, '2026-09-02', 'scheduled'],
      [902, '2026-09-09', 'scheduled'],
      [903, '2026-09-16', 'cancelled'],
      [904, '2026-09-23', 'scheduled'],
    ] as const) {
      const startsAt = Date.parse(`${date}T13:30:00Z`);
      meeting.run(math.id, ref, date, startsAt, startsAt + 3_600_000, status, startsAt - 86_400_000);
    }
    app.store.holidays.add(
      { workspaceId: 1, communityId: null, startsOn: '2026-09-07', endsOn: '2026-09-20', name: 'Autumn break', createdBy: carla },
      Date.parse('2026-09-01T00:00:00Z'),
    );
    const env = { store: app.store, now: Date.parse('2026-10-01T00:00:00Z'), log: app.log };
    const september = { from: Date.parse('2026-09-01T00:00:00Z'), to: Date.parse('2026-09-29T00:00:00Z') };
    const figures = meetings.figures?.(math, september, env);
    expect(figures).toMatchObject({ 'meetings.planned': 4, 'meetings.held': 2, 'meetings.skipped': 2 });
    expect(meetings.figuresOfMany?.([math], [september], env)[0]?.get(math.id)).toEqual(figures);
  });
});
