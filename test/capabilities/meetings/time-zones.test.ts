import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHOOL_YEAR_START, type TestApp, testApp } from '../../support/app.js';
import { answerText, run } from '../../support/bot.js';
import { DAY, recordSends, type Sent } from './recorder.js';

let app: TestApp;
let sent: Sent[];
const say = (user: string, text: string) => answerText(run(app, user, text, { channel: 'math' }));

beforeEach(() => {
  app = testApp();
  sent = recordSends(app);
  say('carla', 'create Math');
  say('ana', 'join');
});
afterEach(async () => {
  await app.dispose();
});

describe('changing a community’s time zone', () => {
  it('keeps a schedule made in UTC at its local time in the new zone, and says so', async () => {
    say('carla', 'schedule weekly thu 15:30');
    const answer = say('carla', 'settings tz Europe/Berlin');
    expect(answer).toContain('Math now uses the time zone Europe/Berlin');
    expect(answer).toContain('Meetings of Math stay at 15:30 in the new zone; the next one is Thursday, September 3 at 15:30.');
    expect(say('ana', 'next')).toContain('Thursday, September 3 at 15:30');
    await app.advance(SCHOOL_YEAR_START + 3 * DAY);
    const reminders = sent.filter((s) => s.to === '#math' && s.text.includes('Math meets'));
    // 15:30 in Berlin in September (UTC+2) is 13:30 UTC: reminders a day and an hour before.
    expect(reminders.map((s) => s.at)).toEqual(['2026-09-02T13:30:00.000Z', '2026-09-03T12:30:00.000Z']);
    expect(reminders[0]?.text).toContain('Thursday, September 3 at 15:30');
  });

  it('keeps a meeting someone already answered, with its answers, at the new zone’s 15:30', async () => {
    say('carla', 'schedule weekly thu 15:30');
    say('ana', 'rsvp yes');
    say('carla', 'settings tz America/New_York');
    const next = say('ana', 'next');
    expect(next).toContain('Thursday, September 3 at 15:30');
    expect(next).toMatch(/Coming: 1 person \(ana\)/);
    await app.advance(SCHOOL_YEAR_START + 3 * DAY);
    // 15:30 in New York in September (UTC-4) is 19:30 UTC; the reminder a day before goes out at 19:30 UTC.
    const reminder = sent.find((s) => s.to === '#math' && s.text.includes('Math meets'));
    expect(reminder?.at).toBe('2026-09-02T19:30:00.000Z');
    expect(reminder?.text).toMatch(/Coming: 1 person \(ana\)/);
  });

  it('says nothing about meetings when the community has no schedule', () => {
    expect(say('carla', 'settings tz Europe/Berlin')).not.toContain('Meetings of Math');
  });
});
