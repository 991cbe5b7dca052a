import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import { goals } from '../../../src/capabilities/goals/index.js';
import { repos as meetingRepos } from '../../../src/capabilities/meetings/store/index.js';
import { loadConfig } from '../../../src/config.js';
import { t } from '../../../src/i18n/translate.js';
import { ManualClock } from '../../../src/ports.js';
import { Store } from '../../../src/store/store.js';
import { SCHOOL_YEAR_START, type TestApp, testApp } from '../../support/app.js';
import { recordSends, type Sent } from '../meetings/recorder.js';
import { goalSchool, sayer, setZone } from './school.js';

const DAY = 86_400_000;
let app: TestApp;
let sent: Sent[];
let say: ReturnType<typeof sayer>;

beforeEach(() => {
  app = testApp();
  sent = recordSends(app);
  goalSchool(app);
  say = sayer(app);
});
afterEach(async () => {
  await app.dispose();
});

const asks = () => sent.filter((s) => s.text.includes('Time to check in'));
const asksTo = (who: string) => asks().filter((s) => s.to === who);

describe('scheduled check-in asks', () => {
  it('asks each owner at the cadence’s time in their own time zone, with the form and a button', async () => {
    setZone(app, 'ana', 'Europe/Berlin');
    setZone(app, 'ben', 'America/New_York');
    say('ana', 'goal add Exit tickets in every lesson');
    say('ben', 'goal add Cold calling with wait time');
    say('carla', 'checkins weekly fri 14:00');
    await app.advance(SCHOOL_YEAR_START + 4 * DAY);
    expect(asks().map((s) => [s.to, s.at])).toEqual([
      ['@ana', '2026-09-04T12:00:00.000Z'],
      ['@ben', '2026-09-04T18:00:00.000Z'],
    ]);
    const ask = asksTo('@ana')[0];
    expect(ask?.text).toContain(t('en', 'goals.ask.title', { community: 'Math' }));
    expect(ask?.text).toContain('#1 (mine) Exit tickets in every lesson');
    expect(ask?.text).not.toContain('Cold calling');
    expect(ask?.view.blocks.some((b) => b.type === 'form')).toBe(true);
    expect(ask?.view.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons.map((x) => x.command) : []))).toEqual(['checkin #1']);
  });

  it('asks once per date, however often the schedule is planned, and again the next week', async () => {
    say('ana', 'goal add Exit tickets in every lesson');
    say('carla', 'checkins weekly fri 14:00');
    await app.advance(SCHOOL_YEAR_START + 4 * DAY);
    await app.advance(SCHOOL_YEAR_START + 5 * DAY);
    expect(asksTo('@ana')).toHaveLength(1);
    await app.advance(SCHOOL_YEAR_START + 11 * DAY);
    expect(asksTo('@ana').map((s) => s.at)).toEqual(['2026-09-04T14:00:00.000Z', '2026-09-11T14:00:00.000Z']);
  });

  it('sends the ask to that week’s meeting facilitator for a team goal', async () => {
    say('carla', 'schedule weekly wed 15:30');
    say('ben', 'goal add team Every student writes weekly');
    say('carla', 'checkins weekly fri 14:00');
    await app.advance(SCHOOL_YEAR_START + 11 * DAY);
    const math = app.store.communities.findByName(app.store.workspaces.find('console', 'school-a')?.id as number, 'Math');
    const facilitatorOf = (date: string) => {
      const m = math && meetingRepos(app.store).meetings.byOccurrence(math.id, date);
      const ws = app.store.workspaces.find('console', 'school-a')?.id as number;
      return `@${app.store.users.get(ws, m?.facilitatorId ?? 0)?.externalId}`;
    };
    const second = facilitatorOf('2026-09-09');
    expect(second).not.toBe(facilitatorOf('2026-09-02'));
    expect(asks().map((s) => [s.to, s.at.slice(0, 10)])).toEqual([
      [facilitatorOf('2026-09-02'), '2026-09-04'],
      [second, '2026-09-11'],
    ]);
    // The meeting took #1.
    expect(asks()[1]?.text).toContain('#2 (team) Every student writes weekly');
  });

  it('falls back to the lead when the team does not meet that week', async () => {
    say('ben', 'goal add team Every student writes weekly');
    say('carla', 'checkins weekly fri 14:00');
    await app.advance(SCHOOL_YEAR_START + 4 * DAY);
    expect(asks().map((s) => s.to)).toEqual(['@carla']);
  });

  it('asks nobody who is paused, nor about goals that closed meanwhile', async () => {
    say('ana', 'goal add Exit tickets in every lesson');
    say('ben', 'goal add Cold calling');
    say('ana', 'pause until 2026-09-14', null);
    say('carla', 'checkins weekly fri 14:00');
    await app.advance(SCHOOL_YEAR_START + 2 * DAY);
    say('ben', 'goal close #2 achieved');
    await app.advance(SCHOOL_YEAR_START + 18 * DAY);
    expect(asks().map((s) => [s.to, s.at.slice(0, 10)])).toEqual([['@ana', '2026-09-18']]);
  });

  it('hands a paused facilitator’s team goals to the lead', async () => {
    say('ben', 'goal add team Every student writes weekly');
    say('carla', 'checkins weekly fri 14:00');
    // The asks of Friday 4 September are planned (from midnight UTC) and not yet sent (14:00).
    await app.advance(SCHOOL_YEAR_START + 3 * DAY);
    // carla leads and is to be asked (no meetings); when she pauses, the other lead is asked instead.
    say('carla', 'role @ana lead');
    say('carla', 'pause until 2026-09-10', null);
    await app.advance(SCHOOL_YEAR_START + 4 * DAY);
    expect(asks().map((s) => s.to)).toEqual(['@ana']);
  });

  it('keeps the goals of someone who leaves theirs, and stops asking about them', async () => {
    say('ana', 'goal add Exit tickets in every lesson');
    say('carla', 'checkins weekly fri 14:00');
    await app.advance(SCHOOL_YEAR_START + 3 * DAY);
    say('ana', 'leave');
    await app.advance(SCHOOL_YEAR_START + 14 * DAY);
    expect(asks()).toEqual([]);
    expect(say('ana', 'goals', null)).toContain('#1 (mine) Exit tickets in every lesson');
    expect(say('ana', 'checkin #1 on-track 80%', null)).toContain('Checked in on #1');
  });

  it('stops with `checkins off`', async () => {
    say('ana', 'goal add Exit tickets in every lesson');
    say('carla', 'checkins weekly fri 14:00');
    say('carla', 'checkins off');
    await app.advance(SCHOOL_YEAR_START + 14 * DAY);
    expect(asks()).toEqual([]);
  });

  it('asks coordinators about the school’s goals on the school’s cadence', async () => {
    say('carla', 'goal add school Every student reads every day');
    say('carla', 'checkins school weekly mon 09:00');
    await app.advance(SCHOOL_YEAR_START + 7 * DAY);
    expect(asks().map((s) => [s.to, s.at])).toEqual([['@carla', '2026-09-07T09:00:00.000Z']]);
    expect(asks()[0]?.text).toContain(t('en', 'goals.ask.titleSchool'));
  });

  it('withdraws the asks queued for someone who is forgotten', async () => {
    say('ana', 'goal add team Reading minutes up');
    say('carla', 'role @ana lead');
    say('carla', 'role @carla member');
    say('carla', 'checkins weekly fri 14:00');
    await app.advance(SCHOOL_YEAR_START + DAY);
    const ws = app.store.workspaces.find('console', 'school-a');
    const ana = ws && app.store.users.findByExternal(ws.id, 'ana');
    expect(app.store.db.prepare("SELECT COUNT(*) AS n FROM jobs WHERE kind = 'goals.ask' AND state = 'pending'").get()).toEqual({ n: 0 });
    await app.advance(SCHOOL_YEAR_START + 3 * DAY);
    expect(app.store.db.prepare("SELECT COUNT(*) AS n FROM jobs WHERE kind = 'goals.ask' AND state = 'pending'").get()).toEqual({ n: 1 });
    if (!ws || !ana) throw new Error('no ana');
    app.store.transaction(() =>
      goals.personalData.forget({ workspace: ws, user: ana }, { store: app.store, now: app.clock.now().getTime(), log: app.log }),
    );
    expect(app.store.db.prepare("SELECT COUNT(*) AS n FROM jobs WHERE kind = 'goals.ask' AND state = 'pending'").get()).toEqual({ n: 0 });
  });
});

describe('after a restart', () => {
  it('sends the ask that was planned before, once', async () => {
    const kept = testApp();
    const keptSay = sayer(kept);
    goalSchool(kept);
    keptSay('ana', 'goal add Exit tickets in every lesson');
    keptSay('carla', 'checkins weekly fri 14:00');
    await kept.advance(SCHOOL_YEAR_START + 3 * DAY);
    await kept.close();
    const clock = new ManualClock(SCHOOL_YEAR_START + 3 * DAY);
    const config = loadConfig({ DATABASE_PATH: kept.dbPath, LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    const again = createApp(config, { clock, store: Store.open(kept.dbPath), log: pino({ level: 'silent' }) });
    const restarted = recordSends(Object.assign(again, { clock, dbPath: kept.dbPath, dispose: async () => {} }));
    await again.advance(SCHOOL_YEAR_START + 5 * DAY);
    await again.advance(SCHOOL_YEAR_START + 6 * DAY);
    expect(restarted.filter((s) => s.text.includes('Time to check in')).map((s) => [s.to, s.at])).toEqual([
      ['@ana', '2026-09-04T14:00:00.000Z'],
    ]);
    await again.close();
    rmSync(dirname(kept.dbPath), { recursive: true, force: true });
  });
});
