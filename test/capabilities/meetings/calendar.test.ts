import ical, { type VEvent } from 'node-ical';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerCalendarFeed } from '../../../adapters/http/calendar.js';
import { HttpServer } from '../../../adapters/http/server.js';
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
