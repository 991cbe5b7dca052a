import { afterEach, describe, expect, it } from 'vitest';
import { SEED_QUESTIONS } from '../../../src/capabilities/reflections/bank.js';
import { LOCALES } from '../../../src/i18n/locales.js';
import { type MessageKey, t } from '../../../src/i18n/translate.js';
import { type TestApp, testApp } from '../../support/app.js';
import { DAY, recordSends, type Sent } from '../meetings/recorder.js';
import { mathTeam, sayAs } from './school.js';

let app: TestApp;
afterEach(async () => {
  await app?.dispose();
});

/** Monday 2026-09-07. */
const MONDAY = Date.parse('2026-09-07T06:00:00Z');
/** The prompts a person was sent (they open with a heading; nudges do not). */
const prompts = (sent: Sent[], to: string) => sent.filter((s) => s.to === to && s.view.blocks[0]?.type === 'heading');
const question = (s: Sent) => (s.view.blocks[1]?.type === 'text' ? s.view.blocks[1].text : '');

describe('the question bank', () => {
  it('holds every seeded question in all five languages, each its own', () => {
    for (const locale of LOCALES) {
      const texts = SEED_QUESTIONS.map((q) => t(locale, `question.${q}` as MessageKey));
      expect(new Set(texts).size).toBe(SEED_QUESTIONS.length);
      for (const text of texts) expect(text.trim().length).toBeGreaterThan(10);
    }
  });

  it('asks each person every question once before repeating, in their language, and a community’s own in its language', async () => {
    app = testApp({ start: MONDAY });
    const sent = recordSends(app);
    mathTeam(app);
    sayAs(app, 'ben', 'lang de', { channel: null });
    sayAs(app, 'carla', 'prompts weekly mon 09:00');
    await app.advance(MONDAY + 2 * 7 * DAY);
    // Added after two rounds' weeks: asked to the English readers within their current round, never to ben.
    sayAs(app, 'carla', 'prompts add What surprised you about your students this week?');
    await app.advance(MONDAY + 11 * 7 * DAY);
    const ana = prompts(sent, '@ana').map(question);
    const seeds = SEED_QUESTIONS.map((q) => t('en', `question.${q}` as MessageKey));
    expect(ana).toEqual([...seeds, 'What surprised you about your students this week?', seeds[0]]);
    const ben = prompts(sent, '@ben').map(question);
    const german = SEED_QUESTIONS.map((q) => t('de', `question.${q}` as MessageKey));
    expect(ben).toEqual([...german, german[0], german[1]]);
  });

  it('takes a question of the community’s own from a lead, within a question’s length', () => {
    app = testApp({ start: MONDAY });
    mathTeam(app);
    expect(sayAs(app, 'carla', 'prompts add What did a student teach you?')).toContain(t('en', 'prompts.added', { community: 'Math' }));
    expect(sayAs(app, 'carla', `prompts add ${'?'.repeat(301)}`)).toContain('the limit is 300');
    expect(sayAs(app, 'carla', 'prompts add')).toContain(t('en', 'error.textRequired'));
  });
});

describe('a streak', () => {
  /** Each of `users` reflects on the Wednesday of each of `weeks`; returns the last answer of each. */
  const weekly = (users: string[], weeks: number[]) => {
    const last: Record<string, string> = {};
    for (const w of weeks) {
      app.clock.set(MONDAY + w * 7 * DAY + 2 * DAY);
      for (const user of users) last[user] = sayAs(app, user, `reflect Week ${w}`, { channel: null });
    }
    return last;
  };

  it('rests over a holiday week of the community instead of breaking', () => {
    app = testApp({ start: MONDAY });
    mathTeam(app);
    sayAs(app, 'carla', 'create Science', { channel: 'science' });
    sayAs(app, 'sam', 'join', { channel: 'science' });
    sayAs(app, 'carla', 'holiday 2026-09-21 2026-09-25 Autumn');
    // Weeks 0 and 1, none in week 2 (Math's holiday), then week 3: Science had no holiday, so sam's breaks.
    const last = weekly(['ana', 'sam'], [0, 1, 3]);
    expect(last.ana).toContain('You have reflected 3 weeks in a row.');
    expect(last.sam).toContain('You have reflected 1 week in a row.');
  });

  it('rests over a week the person was paused', () => {
    app = testApp({ start: MONDAY });
    mathTeam(app);
    weekly(['ana'], [0, 1]);
    app.clock.set(MONDAY + 2 * 7 * DAY);
    sayAs(app, 'ana', 'pause until 2026-09-28', { channel: null });
    expect(weekly(['ana'], [3]).ana).toContain('You have reflected 3 weeks in a row.');
    expect(sayAs(app, 'ana', 'home', { channel: null })).toContain('3 weeks in a row');
  });
});
