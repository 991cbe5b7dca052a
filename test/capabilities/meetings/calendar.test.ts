import ical, { type VEvent } from 'node-ical';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerCalendarFeed } from '../../../adapters/http/calendar.js';
import { HttpServer } from '../../../adapters/http/server.js';
import { capabilities } from '../../../src/capabilities.js';
import { type TestApp, testApp } from '../../support/app.js';
import { answerText, run } from '../../support/bot.js';

let app: TestApp;
let http: HttpServer;
let base: string;
const say = (user: string, text: string) => answerText(run(app, user, text, { channel: 'math' }));

beforeEach(async () => {
  app = testApp({ env: { PUBLIC_URL: 'https://plc.example.org' } });
  http = new HttpServer({ log: pino({ level: 'silent' }), healthy: () => true });
  registerCalendarFeed(http, app);
  base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
  say('carla', 'create Math');
  say('carla', 'settings tz Europe/Berlin');
  say('ana', 'join');
  say('ben', 'join');
  say('carla', 'schedule weekly wed 15:30 duration 45 where Room 12');
  say('carla', 'holiday 2026-10-12 2026-10-23 Autumn break');
  say('carla', 'cancel 2026-09-09');
  say('carla', 'move 2026-09-16 2026-09-17 08:00');
});
afterEach(async () => {
  await http.close();
  await app.dispose();
});

/** The link `calendar` answers with, turned into a local address. */
function feedUrl(answer: string): string {
  const url = /https:\/\/plc\.example\.org(\/calendar\/[A-Za-z0-9_-]+\.ics)/.exec(answer)?.[1];
  expect(url).toBeDefined();
  return `${base}${url}`;
}

/** What the feed answers at `url`: 200 with the calendar, or 404 for a link that does not (or no longer) work. */
async function status(url: string): Promise<number> {
  const res = await fetch(url);
  await res.arrayBuffer();
  return res.status;
}

async function events(url: string): Promise<VEvent[]> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/calendar');
  const parsed = ical.sync.parseICS(await res.text());
  return Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
}

describe('the calendar feed', () => {
  it('is an iCalendar that an independent parser reads: meetings at local time, cancellations, moves and holidays', async () => {
    const list = await events(feedUrl(say('ana', 'calendar')));
    const meeting = (day: string) => list.find((e) => e.uid === `plc-meeting-1-${day}`);
    expect(meeting('2026-09-02')?.start.toISOString()).toBe('2026-09-02T13:30:00.000Z');
    expect(meeting('2026-09-02')?.end.toISOString()).toBe('2026-09-02T14:15:00.000Z');
    expect(meeting('2026-09-02')?.location).toBe('Room 12');
    expect(meeting('2026-09-09')?.status).toBe('CANCELLED');
    expect(meeting('2026-09-16')?.start.toISOString()).toBe('2026-09-17T06:00:00.000Z');
    // Across the change to winter time the meeting stays at 15:30 in Berlin.
    expect(meeting('2026-10-28')?.start.toISOString()).toBe('2026-10-28T14:30:00.000Z');
    expect(meeting('2026-10-14')?.status).toBe('CANCELLED');
    const holiday = list.find((e) => e.summary === 'No meeting: Autumn break' && e.datetype === 'date');
    expect(holiday).toBeDefined();
  });

  it('stops answering the old link after `calendar reset`', async () => {
    const old = feedUrl(say('ana', 'calendar'));
    const fresh = feedUrl(say('ana', 'calendar reset'));
    expect(fresh).not.toBe(old);
    expect((await fetch(old)).status).toBe(404);
    expect((await events(fresh)).length).toBeGreaterThan(40);
    expect((await fetch(`${base}/calendar/not-a-real-token-at-all.ics`)).status).toBe(404);
  });
});

describe('each person’s own calendar link', () => {
  const workspace = { platform: 'console' as const, externalId: 'school-a' };

  it('is a different link for each member, and a reset replaces only the asker’s', async () => {
    const ana = feedUrl(say('ana', 'calendar'));
    const ben = feedUrl(say('ben', 'calendar'));
    expect(ben).not.toBe(ana);
    expect(feedUrl(say('ana', 'calendar'))).toBe(ana);
    const fresh = feedUrl(say('ben', 'calendar reset'));
    expect([await status(ana), await status(ben), await status(fresh)]).toEqual([200, 404, 200]);
  });

  it('gives a guest a link of their own, whose reset leaves the members’ links working', async () => {
    say('carla', 'role @gus guest');
    const ana = feedUrl(say('ana', 'calendar'));
    const gus = feedUrl(say('gus', 'calendar'));
    const fresh = feedUrl(say('gus', 'calendar reset'));
    expect([await status(ana), await status(gus), await status(fresh)]).toEqual([200, 404, 200]);
  });

  it('stops working when its person leaves the community, and keeps working for the others', async () => {
    const ana = feedUrl(say('ana', 'calendar'));
    const ben = feedUrl(say('ben', 'calendar'));
    say('ana', 'leave');
    expect([await status(ana), await status(ben)]).toEqual([404, 200]);
    // Coming back gives a new link; the old one stays dead.
    say('ana', 'join');
    const again = feedUrl(say('ana', 'calendar'));
    expect(again).not.toBe(ana);
    expect([await status(ana), await status(again)]).toEqual([404, 200]);
  });

  it('stops working when its person leaves the community’s channel', async () => {
    const ana = feedUrl(say('ana', 'calendar'));
    app.events.handle({ kind: 'left', workspace, person: { externalId: 'ana' }, channel: 'math' });
    expect(await status(ana)).toBe(404);
  });

  it('stops working when its person is deactivated on their platform, and stays dead when they are back', async () => {
    const ana = feedUrl(say('ana', 'calendar'));
    const ben = feedUrl(say('ben', 'calendar'));
    app.events.handle({ kind: 'deactivated', workspace, person: { externalId: 'ana' } });
    expect([await status(ana), await status(ben)]).toEqual([404, 200]);
    app.events.handle({ kind: 'reactivated', workspace, person: { externalId: 'ana' } });
    expect(await status(ana)).toBe(404);
    expect(await status(feedUrl(say('ana', 'calendar')))).toBe(200);
  });

  it('keeps working while its person is paused', async () => {
    const ana = feedUrl(say('ana', 'calendar'));
    expect(say('ana', 'pause until 2026-09-20')).toContain('2026');
    expect(await status(ana)).toBe(200);
  });

  it('stops working when the person is forgotten', async () => {
    const ana = feedUrl(say('ana', 'calendar'));
    const person = (name: string) => {
      const w = app.store.workspaces.find('console', 'school-a');
      const user = w && app.store.users.findByExternal(w.id, name);
      if (!w || !user) throw new Error(`no ${name}`);
      return { workspace: w, user };
    };
    const meetings = capabilities().find((c) => c.name === 'meetings');
    const env = { store: app.store, now: app.clock.now().getTime(), log: app.log };
    expect(meetings?.personalData.export(person('ana'), env)).toMatchObject({ calendarLinks: [{ community: 'Math', readers: 'self' }] });
    app.store.transaction(() => meetings?.personalData.forget(person('ana'), env));
    expect(await status(ana)).toBe(404);
  });
});
