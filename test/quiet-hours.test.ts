import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { t } from '../src/i18n/translate.js';
import { nextAllowed, parseQuietHours, parseWorkdays, type QuietRule } from '../src/quiet-hours.js';
import { recordSends, type Sent } from './capabilities/meetings/recorder.js';
import { mathTeam, sayAs } from './capabilities/reflections/school.js';
import { SCHOOL_YEAR_START, type TestApp, testApp } from './support/app.js';
import { answerText, run } from './support/bot.js';

const SCHOOL: QuietRule = { from: 7 * 60, to: 19 * 60, days: [1, 2, 3, 4, 5] };
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('the rule as typed', () => {
  it('reads hours and days, ranges wrapping the week included', () => {
    expect(parseQuietHours('07:00-19:00')).toEqual({ from: 420, to: 1140 });
    expect(parseQuietHours('٠٧:٣٠–١٨:٠٠')).toEqual({ from: 450, to: 1080 });
    expect(parseWorkdays('mon-fri')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWorkdays('sun-thu')).toEqual([1, 2, 3, 4, 7]);
    expect(parseWorkdays('mon,wed,friday')).toEqual([1, 3, 5]);
  });

  it.each(['19:00-07:00', '07:00', '7-19', '25:00-26:00', '07:00-07:00'])('refuses the hours %j', (raw) => {
    expect(() => parseQuietHours(raw)).toThrow(UserError);
  });

  it.each(['', 'weekdays', 'mon-', 'mon-xyz', 'mon;tue'])('refuses the days %j', (raw) => {
    expect(() => parseWorkdays(raw)).toThrow(UserError);
  });
});

describe('the next allowed moment', () => {
  it('is now within the hours, the next opening outside them, and Monday after a weekend', () => {
    expect(iso(nextAllowed(at('2026-09-01T10:00:00Z'), 'Europe/Berlin', SCHOOL))).toBe('2026-09-01T10:00:00.000Z');
    // 22:00 in Berlin (CEST) on a Tuesday: Wednesday 07:00 there.
    expect(iso(nextAllowed(at('2026-09-01T20:00:00Z'), 'Europe/Berlin', SCHOOL))).toBe('2026-09-02T05:00:00.000Z');
    // 19:00 is already quiet.
    expect(iso(nextAllowed(at('2026-09-01T17:00:00Z'), 'Europe/Berlin', SCHOOL))).toBe('2026-09-02T05:00:00.000Z');
    // Saturday morning in New York: Monday 07:00 there.
    expect(iso(nextAllowed(at('2026-09-05T14:00:00Z'), 'America/New_York', SCHOOL))).toBe('2026-09-07T11:00:00.000Z');
    // Friday evening in Riyadh (no daylight saving), with a Sunday-to-Thursday week: Sunday 07:00.
    const riyadh = { ...SCHOOL, days: parseWorkdays('sun-thu') };
    expect(iso(nextAllowed(at('2026-09-03T17:00:00Z'), 'Asia/Riyadh', riyadh))).toBe('2026-09-06T04:00:00.000Z');
  });

  it('opens at 07:00 local time across a daylight-saving change', () => {
    // Europe/Berlin springs forward on Sunday 2027-03-28; Monday 07:00 is then 05:00 UTC, the Friday before 06:00 UTC.
    expect(iso(nextAllowed(at('2027-03-26T20:00:00Z'), 'Europe/Berlin', SCHOOL))).toBe('2027-03-29T05:00:00.000Z');
    expect(iso(nextAllowed(at('2027-03-25T20:00:00Z'), 'Europe/Berlin', SCHOOL))).toBe('2027-03-26T06:00:00.000Z');
    // Every day, on the night of the change itself: 07:00 CEST.
    const everyDay = { ...SCHOOL, days: [1, 2, 3, 4, 5, 6, 7] };
    expect(iso(nextAllowed(at('2027-03-28T00:30:00Z'), 'Europe/Berlin', everyDay))).toBe('2027-03-28T05:00:00.000Z');
  });
});

describe('quiet hours in a running school', () => {
  let app: TestApp;
  let sent: Sent[];
  afterEach(async () => {
    await app.dispose();
  });

  /** Math in Copenhagen; its people's platform gave no zone, so they have the install's, Copenhagen too. */
  function school(schedule: string, env: Record<string, string> = {}) {
    app = testApp({ env: { QUIET_HOURS: '07:00-19:00', WORKDAYS: 'mon-fri', DEFAULT_TZ: 'Europe/Copenhagen', ...env } });
    sent = recordSends(app);
    const say = (user: string, text: string) => answerText(run(app, user, text, { channel: 'math' }));
    say('carla', 'create Math');
    say('carla', 'settings tz Europe/Copenhagen');
    for (const p of ['ana', 'ben', 'dora']) say(p, 'join');
    say('carla', schedule);
    return say;
  }
  const nudges = () => sent.filter((s) => s.text.includes('Please post them'));

  it('holds a nudge due at 20:30 until 07:00 the next morning, and sends it once', async () => {
    school('schedule weekly wed 17:30');
    await app.advance(SCHOOL_YEAR_START + 3 * 86_400_000);
    // The meeting ends at 18:30 on Wednesday; the nudge falls due at 20:30 and waits for Thursday 07:00 in Copenhagen.
    expect(nudges().map((s) => s.at)).toEqual(['2026-09-03T05:00:00.000Z']);
    // Meeting reminders in the channel are never held: the hour-before one went at 16:30 on Wednesday.
    expect(sent.filter((s) => s.to === '#math').map((s) => s.at)).toContain('2026-09-02T14:30:00.000Z');
    await app.advance(SCHOOL_YEAR_START + 4 * 86_400_000);
    expect(nudges()).toHaveLength(1);
  });

  it('holds what falls on a Friday evening until Monday morning', async () => {
    school('schedule weekly fri 16:00');
    await app.advance(Date.parse('2026-09-08T00:00:00Z'));
    // Due Friday 19:00 (quiet already); delivered Monday 7 September, 07:00 in Copenhagen.
    expect(nudges().map((s) => s.at)).toEqual(['2026-09-07T05:00:00.000Z']);
  });

  it('follows the coordinators’ settings for the workspace, and only theirs', async () => {
    const say = school('schedule weekly wed 17:30');
    expect(say('ana', 'settings quiet 08:00-20:00')).toContain(t('en', 'error.notCoordinator'));
    expect(say('carla', 'settings quiet 20:00-08:00')).toContain('is not a span of hours');
    expect(say('carla', 'settings quiet 08:00-21:00')).toContain('between 08:00 and 21:00');
    expect(say('carla', 'settings workdays mon-thu')).toContain('Monday, Tuesday, Wednesday, Thursday');
    await app.advance(SCHOOL_YEAR_START + 3 * 86_400_000);
    // Due 20:30 on Wednesday, inside 08:00-21:00: it goes at once.
    expect(nudges().map((s) => s.at)).toEqual(['2026-09-02T18:30:00.000Z']);
  });

  it('drops a held message for someone who paused meanwhile', async () => {
    school('schedule weekly wed 17:30');
    await app.advance(Date.parse('2026-09-02T19:00:00Z'));
    expect(nudges()).toHaveLength(0);
    const reminder = sent.filter((s) => s.to === '#math').at(-1)?.text ?? '';
    const noteTaker = /Note-taker: @(\w+)/.exec(reminder)?.[1] as string;
    run(app, noteTaker, 'pause until 2026-09-20', { channel: null });
    await app.advance(Date.parse('2026-09-04T00:00:00Z'));
    expect(nudges()).toHaveLength(0);
    // The held message was dropped, not left to go out when the pause ends.
    await app.advance(Date.parse('2026-09-22T00:00:00Z'));
    expect(sent.filter((s) => s.to === `@${noteTaker}` && s.at < '2026-09-09T00:00:00.000Z')).toEqual([]);
  });

  it('keeps no quiet hours with QUIET_HOURS=off', async () => {
    school('schedule weekly wed 17:30', { QUIET_HOURS: 'off' });
    await app.advance(SCHOOL_YEAR_START + 3 * 86_400_000);
    expect(nudges().map((s) => s.at)).toEqual(['2026-09-02T18:30:00.000Z']);
  });
});

describe('quiet hours hold reflection prompts', () => {
  it('sends a prompt due at 22:00 at 07:00 the next morning, once, and its nudge likewise', async () => {
    const app = testApp({ env: { QUIET_HOURS: '07:00-19:00', WORKDAYS: 'mon-fri' }, start: Date.parse('2026-10-05T08:00:00Z') });
    try {
      const sent = recordSends(app);
      const zones: Record<string, string> = { carla: 'Europe/Berlin', ana: 'Europe/Berlin' };
      mathTeam(app, zones);
      sayAs(app, 'carla', 'prompts weekly tue 22:00', { tz: zones.carla });
      await app.advance(Date.parse('2026-10-09T00:00:00Z'));
      const toAna = sent.filter((s) => s.to === '@ana');
      const prompt = toAna.filter((s) => s.text.includes('A question for your reflection'));
      // Tuesday 22:00 in Berlin is quiet: Wednesday 07:00 there (05:00Z), once.
      expect(prompt.map((s) => s.at)).toEqual(['2026-10-07T05:00:00.000Z']);
      // The nudge, due Wednesday 22:00, waits for Thursday 07:00.
      const others = toAna.filter((s) => !s.text.includes('A question for your reflection'));
      expect(others.map((s) => s.at)).toEqual(['2026-10-08T05:00:00.000Z']);
    } finally {
      await app.dispose();
    }
  });
});

describe('quiet hours hold the DMs a command causes for others', () => {
  it('holds a new round’s pairings sent on a Saturday until Monday 07:00, and answers the lead at once', async () => {
    // Saturday 2026-09-05, 10:00 in Copenhagen.
    const app = testApp({
      env: { QUIET_HOURS: '07:00-19:00', WORKDAYS: 'mon-fri', DEFAULT_TZ: 'Europe/Copenhagen' },
      start: Date.parse('2026-09-05T08:00:00Z'),
    });
    try {
      const sent = recordSends(app);
      const say = (user: string, text: string) => run(app, user, text, { channel: 'math' });
      say('carla', 'create Math');
      for (const p of ['ana', 'ben', 'dora', 'emil']) say(p, 'join');
      const handled = say('carla', 'pair now');
      const now = handled.deliveries.filter((d) => d.to === 'user').map((d) => (d.to === 'user' ? d.user.externalId : ''));
      // Only the lead's own DM, if any, goes at once: nobody else hears on a Saturday.
      expect(now.filter((u) => u !== 'carla')).toEqual([]);
      expect(handled.deliveries.some((d) => d.to === 'asker')).toBe(true);
      await app.advance(Date.parse('2026-09-07T12:00:00Z'));
      const dms = sent.filter((s) => s.to.startsWith('@') && s.to !== '@carla');
      expect(dms.length).toBeGreaterThanOrEqual(3);
      for (const dm of dms) expect(['@ana', '@ben', '@dora', '@emil']).toContain(dm.to);
      for (const dm of dms) expect(dm.at).toBe('2026-09-07T05:00:00.000Z');
    } finally {
      await app.dispose();
    }
  });
});
