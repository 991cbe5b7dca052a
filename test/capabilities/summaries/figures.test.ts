import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { figuresOfAll } from '../../../src/capabilities/summaries/figures.js';
import type { Capability } from '../../../src/capability.js';
import { summaryApp } from './fakes.js';
import { ASKED_AT, type SummaryApp, say, seedSchool } from './school.js';

let app: SummaryApp;
afterEach(async () => app.dispose());

describe('the figures of a status, on a school whose numbers are worked out by hand', () => {
  beforeEach(async () => {
    app = summaryApp();
    await seedSchool(app);
  });

  it('counts September in Math: members, meetings held of planned, attendance, reflections, visits, goals', () => {
    const status = say(app, 'Carla', 'status');
    expect(status).toContain('== Math · the last 30 days ==');
    // Carla, Lena, Anneliese, Bartholomew and Cosima; the guest is not a member here.
    expect(status).toContain('Members: 5 ');
    // Anneliese, Bartholomew and Cosima answered RSVPs, Lena wrote notes; Carla did nothing recorded.
    expect(status).toContain('Active members: 4 of 5 ');
    // September 2, 9 and 30 held; the 16th cancelled; the 23rd a holiday.
    expect(status).toContain('Meetings: 3 held of 5 planned ');
    // 3 + 2 + 0 yes of 5 members at 3 meetings (the guest's yes is not attendance).
    expect(status).toContain('Attendance: 33% ');
    expect(status).toContain('Reflections: 3 · trend ▁▁▁▁▃█ (0, 0, 0, 0, 1, 3)');
    // Anneliese and Cosima of five members.
    expect(status).toContain('Members who reflected: 40% ');
    expect(status).toContain('Reflections shared with the team or coordinators: 2 ');
    expect(status).toContain('Observation visits: 5 done of 8 paired');
    expect(status).toContain(
      'Team and school goals: 3 open (1 on track, 1 at risk, 0 off track, 1 without a check-in, 0 achieved, 0 dropped)',
    );
    expect(status).toContain('Norms: 4');
  });

  it('lists what needs attention: the cancelled and the skipped meeting, and what the other capabilities point out', () => {
    const status = say(app, 'Lena', 'status');
    expect(status).toContain('Needs attention:');
    expect(status).toContain('• 1 meeting was cancelled.');
    expect(status).toContain('• 1 meeting was skipped for a holiday.');
    expect(status).toContain('• Team goal #70 “Exit tickets in every class” is at risk.');
    expect(status).toContain('• Observation round #90 has few visits done.');
  });

  it('covers the days asked for', () => {
    // The last 10 days: September 21 to October 1, with only the meeting of September 30 held.
    const status = say(app, 'Carla', 'status since 10d');
    expect(status).toContain('== Math · the last 10 days ==');
    expect(status).toContain('Meetings: 1 held of 2 planned');
    expect(status).toContain('Reflections: 1 ');
    expect(say(app, 'Carla', 'status since 0d')).toContain('“0d” is not a period I can summarize.');
    expect(say(app, 'Carla', 'status since 1e2')).toContain('“1e2” is not a number');
  });

  it('shows no share of participation for a community under 3 members, in the text and in the chart', () => {
    const art = say(app, 'Carla', 'status Art');
    expect(art).toContain('Members: 2 ');
    expect(art).toContain('Reflections: 1 ');
    expect(art).toContain('With fewer than 3 members, no shares of participation are shown.');
    expect(art).not.toContain('Attendance');
    expect(art).not.toContain('Members who reflected');
    expect(art).not.toContain('Active members');
    const all = say(app, 'Carla', 'status all', null);
    // The chart takes only Math, the one community with three members: Art's members never make a share.
    expect(all).toContain('for the one community with at least 3 members taken together');
    expect(all).not.toMatch(/Art: (attendance|reflected)/);
  });

  it('shows the trend with the numbers beside it, oldest first', () => {
    const status = say(app, 'Carla', 'status');
    expect(status).toContain('Trends show the last 6 periods of 30 days, oldest first.');
    expect(status).toMatch(/Meetings: 3 held of 5 planned · trend [▁-█]{6} \(0, 0, 0, 0, 0, 3\)/);
  });

  it('answers in the reader’s language, right to left in Arabic', () => {
    say(app, 'Anneliese', 'lang de');
    const de = say(app, 'Anneliese', 'status');
    expect(de).toContain('Treffen: 3 von 5 geplanten fanden statt');
    expect(de).toContain('Teilnahme: 33');
    say(app, 'Cosima', 'lang ar');
    const h = say(app, 'Cosima', 'status');
    expect(h).toContain('الاجتماعات');
  });
});

describe('figures nobody offers', () => {
  it('are left out, never shown as 0', async () => {
    app = summaryApp({ fakes: false });
    await seedSchool(app);
    const status = say(app, 'Carla', 'status');
    expect(status).toContain('Meetings: 3 held of 5 planned');
    for (const absent of ['Reflections', 'Members who reflected', 'Observation visits', 'goals', 'Norms', 'Resources']) {
      expect(status).not.toContain(absent);
    }
    // Active members come from the meetings alone: Anneliese, Bartholomew, Cosima and Lena.
    expect(status).toContain('Active members: 4 of 5');
  });
});

describe('figuresOfAll', () => {
  it('merges the figures of every capability that offers them, however many, with the members', async () => {
    app = summaryApp();
    await seedSchool(app);
    const communities = app.store.communities.list(1);
    // Eight capabilities answer for many communities at once, one for one at a time.
    // Only the figure hooks matter here: the rest of a capability is left out.
    type Source = Pick<Capability, 'name' | 'figures' | 'figuresOfMany'>;
    const sources: Source[] = Array.from({ length: 8 }, (_, k) => ({
      name: `c${k}`,
      figuresOfMany: (all, periods) => periods.map((_, i) => new Map(all.map((c) => [c.id, { [`c${k}.n`]: k * 10 + i }]))),
    }));
    sources.push({ name: 'single', figures: (c) => ({ 'single.id': c.id }) });
    const periods = [
      { from: ASKED_AT - 60 * 86_400_000, to: ASKED_AT - 30 * 86_400_000 },
      { from: ASKED_AT - 30 * 86_400_000, to: ASKED_AT },
    ];
    const out = figuresOfAll(() => sources as Capability[], communities, periods, { store: app.store, now: ASKED_AT, log: app.log });
    expect(communities.length).toBeGreaterThan(1);
    for (const [i] of periods.entries()) {
      for (const c of communities) {
        const f = out[i]?.get(c.id) ?? {};
        for (let k = 0; k < 8; k++) expect(f[`c${k}.n`], `period ${i}, capability ${k}`).toBe(k * 10 + i);
        expect(f['single.id']).toBe(c.id);
        expect(f['summaries.members']).toBeGreaterThanOrEqual(0);
        expect(Object.keys(f)).toHaveLength(10);
      }
    }
  });
});

it('the status is of the asked instant: figures move with the clock', async () => {
  app = summaryApp();
  await seedSchool(app);
  await app.advance(ASKED_AT + 40 * 86_400_000);
  app.clock.set(ASKED_AT + 40 * 86_400_000);
  // No meeting of September lies in the last 30 days any more; October's Wednesdays do.
  expect(say(app, 'Carla', 'status')).toContain('Reflections: 0 · trend');
});
