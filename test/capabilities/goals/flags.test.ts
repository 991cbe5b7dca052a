import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { goals } from '../../../src/capabilities/goals/index.js';
import { t, translator } from '../../../src/i18n/translate.js';
import type { Community } from '../../../src/store/communities.js';
import { SCHOOL_YEAR_START, type TestApp, testApp } from '../../support/app.js';
import { goalSchool, sayer } from './school.js';

const DAY = 86_400_000;
let app: TestApp;
let say: ReturnType<typeof sayer>;

beforeEach(() => {
  app = testApp();
  goalSchool(app);
  say = sayer(app);
});
afterEach(async () => {
  await app.dispose();
});

const math = (): Community => {
  const ws = app.store.workspaces.find('console', 'school-a')?.id as number;
  return app.store.communities.findByName(ws, 'Math') as Community;
};
const env = () => ({ store: app.store, now: app.clock.now().getTime(), log: app.log, i18n: translator('en') });
const figuresAt = (to: number) => goals.figures?.(math(), { from: SCHOOL_YEAR_START, to }, env());
const attentionAt = (to: number) => goals.attention?.(math(), { from: SCHOOL_YEAR_START, to }, env());

describe('a goal without check-ins for two periods', () => {
  it('flags a team goal for the summaries after two weeks of a weekly cadence, by number and text', () => {
    say('carla', 'checkins weekly fri 14:00');
    say('ben', 'goal add team Every student writes weekly');
    expect(attentionAt(SCHOOL_YEAR_START + 13 * DAY)).toEqual([]);
    expect(figuresAt(SCHOOL_YEAR_START + 13 * DAY)?.['goals.noCheckin']).toBe(0);
    const at = SCHOOL_YEAR_START + 14 * DAY;
    expect(attentionAt(at)).toEqual([t('en', 'goals.attention.never', { ref: '#1', text: 'Every student writes weekly', date: 'Sep 1' })]);
    expect(figuresAt(at)?.['goals.noCheckin']).toBe(1);
  });

  it('waits four weeks when the community asks for no check-ins, counting from the last one', () => {
    say('ben', 'goal add team Every student writes weekly');
    app.clock.set(SCHOOL_YEAR_START + 20 * DAY);
    say('ben', 'checkin #1 at-risk');
    expect(attentionAt(SCHOOL_YEAR_START + 60 * DAY)).toEqual([]);
    expect(attentionAt(SCHOOL_YEAR_START + 76 * DAY)).toEqual([
      t('en', 'goals.attention.quiet', { ref: '#1', text: 'Every student writes weekly', date: 'Sep 21' }),
    ]);
  });

  it('never counts or names an individual goal in figures or attention, and flags it to its owner at home', () => {
    say('ana', 'goal add My private goal');
    say('ben', 'goal add team Every student writes weekly');
    say('ben', 'checkin #2 on-track 20%');
    say('ana', 'checkin #1 off-track');
    const at = SCHOOL_YEAR_START + 60 * DAY;
    expect(figuresAt(at)).toEqual({
      'goals.open': 1,
      'goals.onTrack': 1,
      'goals.atRisk': 0,
      'goals.offTrack': 0,
      'goals.noCheckin': 1,
      'goals.achieved': 0,
      'goals.dropped': 0,
      'goals.checkins': 1,
    });
    expect(JSON.stringify(attentionAt(at))).not.toContain('My private goal');
    app.clock.set(at);
    expect(say('ana', 'home', null)).toContain(t('en', 'goals.home.quiet', { ref: '#1', text: 'My private goal', date: 'Sep 1' }));
    expect(say('ben', 'home', null)).not.toContain('My private goal');
    expect(say('carla', 'home', null)).not.toContain('My private goal');
  });

  it('counts what closed in the period and check-ins by status at its end', () => {
    say('ben', 'goal add team One');
    say('ben', 'goal add team Two');
    say('ben', 'goal add team Three');
    say('ben', 'checkin #1 off-track');
    say('ben', 'checkin #2 at-risk');
    say('carla', 'goal close #3 dropped');
    app.clock.set(SCHOOL_YEAR_START + 3 * DAY);
    say('carla', 'goal close #1 achieved');
    expect(goals.figures?.(math(), { from: SCHOOL_YEAR_START, to: SCHOOL_YEAR_START + DAY }, env())).toMatchObject({
      'goals.open': 2,
      'goals.offTrack': 1,
      'goals.atRisk': 1,
      'goals.dropped': 1,
      'goals.achieved': 0,
      'goals.checkins': 2,
    });
    expect(goals.figures?.(math(), { from: SCHOOL_YEAR_START + DAY, to: SCHOOL_YEAR_START + 5 * DAY }, env())).toMatchObject({
      'goals.open': 1,
      'goals.achieved': 1,
      'goals.checkins': 0,
    });
  });
});
