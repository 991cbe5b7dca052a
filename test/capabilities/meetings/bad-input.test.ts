import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repos } from '../../../src/capabilities/meetings/store/index.js';
import { type TestApp, testApp } from '../../support/app.js';
import { answerText, run } from '../../support/bot.js';
import { recordSends, type Sent } from './recorder.js';
import { weeklyMath } from './school.js';

let app: TestApp;
let sent: Sent[];
const say = (user: string, text: string, channel: string | null = 'math') => answerText(run(app, user, text, { channel }));

beforeEach(() => {
  app = testApp();
  sent = recordSends(app);
  weeklyMath(app);
});
afterEach(async () => {
  await app.dispose();
});

describe('mistyped input gets the refusal that says what is wrong', () => {
  it('calls #0 what it is, in any digits', () => {
    expect(say('ana', 'agenda remove #0')).toContain('“#0” is not an item number. Write it like #12.');
    expect(say('ana', 'rsvp yes #٠')).toContain('“#٠” is not an item number.');
  });

  it('refuses a quotation mark that is never closed instead of swallowing the line', () => {
    run(app, 'carla', 'create "Grade 5 Math"', { channel: null });
    expect(say('ana', 'in "Grade 5 Math members', null)).toContain('A quotation mark is not closed.');
  });

  it('reads only decimal digits as minutes', () => {
    for (const length of ['1e2', '0x10', '0b111111']) {
      expect(say('carla', `schedule weekly wed 15:30 duration ${length}`)).toContain(`“${length}” is not a meeting length.`);
    }
    expect(repos(app.store).meetings.schedule(1)?.durationMin).toBe(60);
  });

  it('refuses dates years away, and changes nothing', () => {
    expect(say('carla', 'schedule weekly wed 15:30 from 0050-06-01')).toContain('0050-06-01 is too far from today.');
    expect(say('carla', 'move 2026-09-02 9999-12-31 15:00')).toContain(
      '9999-12-31 is too far from today. Choose a date from 2024-09-01 to 2031-09-01.',
    );
    expect(say('ana', 'next')).toContain('Wednesday, September 2 at 15:30');
  });

  it('shows the year of a meeting that is not this year, and leaves it out otherwise', () => {
    expect(say('carla', 'move 2026-09-02 2027-01-06 15:00')).toContain('Wednesday, January 6, 2027 at 15:00');
    expect(say('carla', 'move 2026-09-09 2026-09-10 15:00')).toContain('Thursday, September 10 at 15:00');
  });

  it('keeps notes for a meeting until it has started, and posts nothing before', () => {
    const next = say('ana', 'next');
    const ref = /#(\d+)/.exec(next)?.[1];
    expect(say('carla', `notes #${ref} We agreed on exit tickets`)).toContain(`Meeting #${ref} has not started yet`);
    expect(sent.filter((s) => s.to === '#math')).toEqual([]);
    expect(repos(app.store).meetings.get(Number(ref))?.notes ?? null).toBeNull();
  });
});
