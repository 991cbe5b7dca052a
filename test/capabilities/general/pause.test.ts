import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHOOL_YEAR_START, type TestApp, testApp } from '../../support/app.js';
import { answerText, run } from '../../support/bot.js';
import { DAY, recordSends, type Sent } from '../meetings/recorder.js';
import { weeklyMath } from '../meetings/school.js';

let app: TestApp;
let sent: Sent[];
const say = (user: string, text: string) => answerText(run(app, user, text, { channel: 'math' }));
const reminders = () => sent.filter((s) => s.to === '#math' && s.text.includes('Math meets'));

/** Math in Copenhagen (carla leads ana, ben and dora), meeting Wednesdays at 15:30; today is Tuesday 1 September. */
beforeEach(() => {
  app = testApp();
  sent = recordSends(app);
  weeklyMath(app);
});
afterEach(async () => {
  await app.dispose();
});

describe('pause until a date', () => {
  it('says until when, and that it ends by itself', () => {
    expect(say('ana', 'pause until 2026-09-20')).toBe(
      'You are paused until Sunday, September 20, 2026. Until then I send you no direct messages, and you get no meeting duties and no observation partner. It ends by itself; /plc resume ends it sooner.',
    );
  });

  it('hands on a duty the paused person held, and gives them none while paused', async () => {
    expect(say('ana', 'next')).toMatch(/Facilitator: @carla\nNote-taker: @ana/);
    say('ana', 'pause until 2026-09-20');
    expect(say('carla', 'next')).toMatch(/Facilitator: @carla\nNote-taker: @ben/);
    await app.advance(SCHOOL_YEAR_START + 15 * DAY);
    const duties = reminders().map((r) => /Facilitator: @(\w+)\nNote-taker: @(\w+)/.exec(r.text)?.slice(1).join('+'));
    expect(duties.length).toBeGreaterThan(2);
    expect(duties.filter((d) => d?.includes('ana'))).toEqual([]);
  });

  it('sends them no direct message while paused, and the pause ends by itself on its date', async () => {
    // ana takes notes on Wednesday 2 September and posts none: the nudge, a DM, comes two hours after the meeting.
    expect(say('ana', 'next')).toMatch(/Note-taker: @ana/);
    await app.advance(Date.parse('2026-09-02T14:00:00Z'));
    say('ana', 'pause until 2026-09-03');
    await app.advance(Date.parse('2026-09-03T12:00:00Z'));
    expect(sent.filter((s) => s.to === '@ana')).toEqual([]);
    // It is 3 September in Copenhagen's zone, and ana's own zone is the default (UTC): the pause is over.
    expect(say('ana', 'resume')).toBe('You are not paused.');
  });

  it('would have nudged the same note-taker without the pause', async () => {
    await app.advance(Date.parse('2026-09-03T12:00:00Z'));
    expect(sent.filter((s) => s.to === '@ana').map((s) => s.text)).toEqual([expect.stringContaining('Please post them')]);
  });

  it('ends with resume, after which duties come round again', async () => {
    say('ana', 'pause until 2026-12-01');
    expect(say('ana', 'resume')).toBe('Welcome back: your pause is over, and you hear from me again.');
    expect(say('ana', 'resume')).toBe('You are not paused.');
    await app.advance(SCHOOL_YEAR_START + 22 * DAY);
    expect(reminders().some((r) => /Facilitator: @ana|Note-taker: @ana/.test(r.text))).toBe(true);
  });

  it('refuses a date that has begun, a pause of more than a year, and a missing date, changing nothing', () => {
    expect(say('ana', 'pause until 2026-09-01')).toContain('Tuesday, September 1, 2026 has already begun. Choose a later date.');
    expect(say('ana', 'pause until 2027-09-03')).toContain('A pause lasts at most 366 days.');
    expect(say('ana', 'pause 2026-09-20')).toContain('Something is missing here.');
    expect(say('ana', 'pause until soon')).toContain('is not a date');
    expect(say('ana', 'resume')).toBe('You are not paused.');
  });

  it('answers in the person’s language', () => {
    say('ana', 'lang de');
    expect(say('ana', 'pause until 2026-09-20')).toContain('Du pausierst bis Sonntag, 20. September 2026.');
  });
});
