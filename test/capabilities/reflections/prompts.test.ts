import { DateTime } from 'luxon';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import { repos } from '../../../src/capabilities/reflections/store/index.js';
import { loadConfig } from '../../../src/config.js';
import { t } from '../../../src/i18n/translate.js';
import { ManualClock } from '../../../src/ports.js';
import { Store } from '../../../src/store/store.js';
import { type TestApp, testApp } from '../../support/app.js';
import { answerText } from '../../support/bot.js';
import { DAY, HOUR, recordSends, type Sent } from '../meetings/recorder.js';
import { mathTeam, runAs, sayAs } from './school.js';

let app: TestApp;
afterEach(async () => {
  await app.dispose();
});

const ZONES = { carla: 'Europe/Berlin', ana: 'Europe/Berlin', ben: 'America/New_York', gus: 'Europe/Berlin' };
/** Monday 2026-10-19, the week before Europe leaves summer time (25 October) and two before the United States (1 November). */
const BEFORE_DST = Date.parse('2026-10-19T08:00:00Z');

function school(start = BEFORE_DST): Sent[] {
  app = testApp({ start });
  const sent = recordSends(app);
  mathTeam(app, ZONES);
  return sent;
}

const local = (s: Sent, tz: string) => DateTime.fromISO(s.at, { zone: tz }).toFormat('ccc yyyy-MM-dd HH:mm');
/** The prompts (not the nudges) a person was sent. */
const prompts = (sent: Sent[], to: string) => sent.filter((s) => s.to === to && s.text.includes('A question for your reflection'));

describe('reflection prompts', () => {
  it('reach each member at the local time in their own zone, through both daylight-saving changes', async () => {
    const sent = school();
    expect(sayAs(app, 'carla', 'prompts weekly fri 15:00', { tz: ZONES.carla })).toContain('every Friday at 15:00');
    await app.advance(BEFORE_DST + 21 * DAY);
    expect(prompts(sent, '@ana').map((s) => local(s, 'Europe/Berlin'))).toEqual([
      'Fri 2026-10-23 15:00',
      'Fri 2026-10-30 15:00',
      'Fri 2026-11-06 15:00',
    ]);
    expect(prompts(sent, '@ben').map((s) => local(s, 'America/New_York'))).toEqual([
      'Fri 2026-10-23 15:00',
      'Fri 2026-10-30 15:00',
      'Fri 2026-11-06 15:00',
    ]);
    // The same wall-clock time is another instant once each zone has changed: 13:00Z, then 14:00Z in Berlin.
    expect(prompts(sent, '@ana').map((s) => s.at)).toEqual([
      '2026-10-23T13:00:00.000Z',
      '2026-10-30T14:00:00.000Z',
      '2026-11-06T14:00:00.000Z',
    ]);
    expect(prompts(sent, '@ben').map((s) => s.at)).toEqual([
      '2026-10-23T19:00:00.000Z',
      '2026-10-30T19:00:00.000Z',
      '2026-11-06T20:00:00.000Z',
    ]);
    // Guests get none, nor does the lead's channel.
    expect(sent.filter((s) => s.to === '@gus' || s.to.startsWith('#'))).toEqual([]);
  });

  it('name the community, ask a question, and carry a button that opens the form for that community', async () => {
    const sent = school();
    sayAs(app, 'carla', 'prompts weekly fri 15:00');
    await app.advance(BEFORE_DST + 5 * DAY);
    const [prompt] = prompts(sent, '@ana');
    expect(prompt?.text).toContain(t('en', 'prompt.title', { count: 1, community: 'Math', communities: 'Math' }));
    expect(prompt?.text).toContain(t('en', 'question.prerequisites'));
    const button = prompt?.view.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []))[0];
    expect(button).toEqual({ label: t('en', 'prompt.answer'), command: 'in Math reflect' });
    // Pressing it in the DM opens the form with the prompt's question, and the answer belongs to Math.
    const form = answerText(runAs(app, 'ana', button?.command as string, { channel: null, tz: ZONES.ana }));
    expect(form).toContain(t('en', 'question.prerequisites'));
    expect(form).toContain('/plc in Math reflect {visibility} -- {text}');
    expect(sayAs(app, 'ana', 'in Math reflect private -- They needed fractions first', { channel: null })).toContain('in Math');
  });

  it('merge the prompts of one day into one message with a button per community', async () => {
    const sent = school();
    runAs(app, 'carla', 'create Science', { channel: 'science' });
    runAs(app, 'ana', 'join', { channel: 'science' });
    sayAs(app, 'carla', 'prompts weekly fri 15:00');
    runAs(app, 'carla', 'prompts weekly fri 09:00', { channel: 'science' });
    await app.advance(BEFORE_DST + 6 * DAY);
    const unique = prompts(sent, '@ana');
    expect(unique).toHaveLength(1);
    expect(local(unique[0] as Sent, 'Europe/Berlin')).toBe('Fri 2026-10-23 09:00');
    const buttons = unique[0]?.view.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
    expect(buttons).toEqual([
      { label: t('en', 'prompt.answerFor', { community: 'Math' }), command: 'in Math reflect' },
      { label: t('en', 'prompt.answerFor', { community: 'Science' }), command: 'in Science reflect' },
    ]);
    // ben is in Math only: his prompt is Math's, at its time.
    expect(prompts(sent, '@ben').map((s) => local(s, 'America/New_York'))).toEqual(['Fri 2026-10-23 15:00']);
  });

  it('nudge once, a day later at the same local time, when nobody answered; never a second time', async () => {
    const sent = school();
    sayAs(app, 'carla', 'prompts weekly fri 15:00');
    await app.advance(BEFORE_DST + 5 * DAY);
    // ana answers, ben does not.
    sayAs(app, 'ana', 'reflect Fractions first, then decimals', { tz: ZONES.ana });
    await app.advance(BEFORE_DST + 12 * DAY);
    const nudges = (to: string) => sent.filter((s) => s.to === to && s.text.includes('is still open'));
    expect(nudges('@ana')).toEqual([]);
    expect(nudges('@ben').map((s) => local(s, 'America/New_York'))).toEqual(['Sat 2026-10-24 15:00']);
    expect(nudges('@ben')[0]?.text).toContain(t('en', 'question.prerequisites'));
    // Another week unanswered: one nudge for that prompt too, and still only one for the first.
    await app.advance(BEFORE_DST + 21 * DAY);
    expect(nudges('@ben').map((s) => local(s, 'America/New_York'))).toEqual([
      'Sat 2026-10-24 15:00',
      'Sat 2026-10-31 15:00',
      'Sat 2026-11-07 15:00',
    ]);
  });

  it('skip a paused person, a deactivated one, and everyone on a holiday of the community', async () => {
    const sent = school();
    sayAs(app, 'carla', 'prompts weekly fri 15:00');
    sayAs(app, 'ana', 'pause until 2026-10-26', { channel: null });
    const workspace = app.store.workspaces.find('console', 'school-a');
    const ben = app.store.users.findByExternal(workspace?.id as number, 'ben');
    app.store.users.setDeactivated(workspace?.id as number, ben?.id as number, BEFORE_DST);
    sayAs(app, 'carla', 'holiday 2026-11-02 2026-11-06 Autumn');
    await app.advance(BEFORE_DST + 21 * DAY);
    // ana was paused on the 23rd and on holiday on the 6th; ben gets nothing at all.
    expect(prompts(sent, '@ana').map((s) => local(s, 'Europe/Berlin'))).toEqual(['Fri 2026-10-30 15:00']);
    expect(prompts(sent, '@ben')).toEqual([]);
  });

  it('wait for the later community’s time when the earlier one is on holiday that day', async () => {
    const sent = school();
    runAs(app, 'carla', 'create Science', { channel: 'science' });
    runAs(app, 'ana', 'join', { channel: 'science' });
    sayAs(app, 'carla', 'prompts weekly fri 15:00');
    runAs(app, 'carla', 'prompts weekly fri 09:00', { channel: 'science' });
    runAs(app, 'carla', 'holiday 2026-10-23 2026-10-23 Open day', { channel: 'science' });
    await app.advance(BEFORE_DST + 6 * DAY);
    const [only, ...rest] = prompts(sent, '@ana');
    expect(rest).toEqual([]);
    expect(local(only as Sent, 'Europe/Berlin')).toBe('Fri 2026-10-23 15:00');
    expect(only?.view.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])).map((b) => b.command)).toEqual(['in Math reflect']);
  });

  it('come back to someone reactivated on their platform, without anything else changing', async () => {
    const sent = school();
    sayAs(app, 'carla', 'prompts weekly fri 15:00');
    const workspace = app.store.workspaces.find('console', 'school-a')?.id as number;
    const ana = app.store.users.findByExternal(workspace, 'ana')?.id as number;
    app.store.users.setDeactivated(workspace, ana, BEFORE_DST);
    await app.advance(BEFORE_DST + 5 * DAY);
    app.store.users.setDeactivated(workspace, ana, null);
    await app.advance(BEFORE_DST + 12 * DAY);
    expect(prompts(sent, '@ana').map((s) => local(s, 'Europe/Berlin'))).toEqual(['Fri 2026-10-30 15:00']);
  });

  it('stop with prompts off, and for someone who leaves the community', async () => {
    const sent = school();
    sayAs(app, 'carla', 'prompts weekly fri 15:00');
    await app.advance(BEFORE_DST + 5 * DAY);
    expect(prompts(sent, '@ana')).toHaveLength(1);
    sayAs(app, 'ben', 'leave');
    await app.advance(BEFORE_DST + 12 * DAY);
    expect(prompts(sent, '@ana')).toHaveLength(2);
    expect(prompts(sent, '@ben')).toHaveLength(1);
    expect(sayAs(app, 'carla', 'prompts off')).toContain(t('en', 'prompts.off', { community: 'Math' }));
    await app.advance(BEFORE_DST + 40 * DAY);
    expect(prompts(sent, '@ana')).toHaveLength(2);
    expect(sayAs(app, 'carla', 'prompts off')).toContain(t('en', 'prompts.alreadyOff', { community: 'Math' }));
  });

  it('wait in home until answered, with a button, and only for the person prompted', async () => {
    school();
    sayAs(app, 'carla', 'prompts weekly fri 15:00');
    await app.advance(BEFORE_DST + 5 * DAY);
    const home = runAs(app, 'ana', 'home', { channel: null }).deliveries[0]?.view;
    const homeText = answerText(runAs(app, 'ana', 'home', { channel: null }));
    expect(homeText).toContain(t('en', 'home.promptOpen', { community: 'Math', question: t('en', 'question.prerequisites') }));
    expect(home?.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []))).toEqual([
      { label: t('en', 'prompt.answerFor', { community: 'Math' }), command: 'in Math reflect' },
    ]);
    expect(sayAs(app, 'gus', 'home', { channel: null })).not.toContain('asks:');
    sayAs(app, 'ana', 'reflect Answered');
    expect(sayAs(app, 'ana', 'home', { channel: null })).not.toContain('asks:');
    expect(sayAs(app, 'ben', 'home', { channel: null })).toContain('Math asks:');
  });

  it('are for leads only', () => {
    school();
    expect(sayAs(app, 'ana', 'prompts weekly fri 15:00')).toContain(t('en', 'error.notLead', { community: 'Math' }));
    expect(sayAs(app, 'ana', 'prompts add What surprised you?')).toContain(t('en', 'error.notLead', { community: 'Math' }));
    expect(app.store.jobs.counts().pending).toBe(0);
    sayAs(app, 'carla', 'prompts weekly fri 15:00');
    sayAs(app, 'carla', 'prompts add What surprised you?');
    sayAs(app, 'carla', 'prompts off');
    const audit = app.store.db.prepare("SELECT action, detail FROM audit_log WHERE action LIKE 'prompts.%' ORDER BY id").all();
    expect(audit).toEqual([
      { action: 'prompts.set', detail: JSON.stringify({ cadence: 'weekly fri 15:00' }) },
      { action: 'prompts.questionAdded', detail: JSON.stringify({ locale: 'en' }) },
      { action: 'prompts.off', detail: null },
    ]);
  });

  it('are sent once, even when the bot restarts and plans again', async () => {
    const sent = school();
    sayAs(app, 'carla', 'prompts weekly fri 15:00');
    await app.advance(BEFORE_DST + 5 * DAY);
    // Planning again (as a restart's seed, or a new schedule with the same time) queues nothing twice.
    sayAs(app, 'carla', 'prompts weekly fri 15:00');
    const { reflections } = await import('../../../src/capabilities/reflections/index.js');
    const { JobHandlers } = await import('../../../src/scheduler/handlers.js');
    const handlers = new JobHandlers();
    reflections.jobs?.(handlers);
    for (const seed of handlers.seeds()) seed({ store: app.store, now: app.clock.now().getTime(), log: app.log });
    await app.advance(BEFORE_DST + 12 * DAY);
    expect(prompts(sent, '@ana').map((s) => local(s, 'Europe/Berlin'))).toEqual(['Fri 2026-10-23 15:00', 'Fri 2026-10-30 15:00']);
  });
});

describe('a restart', () => {
  it('sends each prompt once: the next one waits in the database file for the next process', async () => {
    const sent = school();
    sayAs(app, 'carla', 'prompts weekly fri 15:00');
    await app.advance(BEFORE_DST + 5 * DAY);
    expect(prompts(sent, '@ana')).toHaveLength(1);
    const at = app.clock.now().getTime();
    // The process stops; another opens the same file, at the same moment, and runs its scheduler on.
    await app.close();
    const config = loadConfig({ DATABASE_PATH: app.dbPath, LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    const clock = new ManualClock(at);
    // Set up as the first process was (a test app): no introductions, which would open other DMs with a heading too.
    const next = createApp(config, { clock, store: Store.open(app.dbPath), log: pino({ level: 'silent' }), introduce: false });
    const again: Sent[] = [];
    next.messenger.register('console', {
      async send(_w, to, view) {
        again.push({
          to: to.kind === 'user' ? `@${to.user}` : '#',
          text: '',
          at: clock.now().toISOString(),
          view,
          sent: { conversation: '', message: '' },
        });
        return { conversation: '', message: String(again.length) };
      },
      async update() {},
    });
    await next.advance(BEFORE_DST + 12 * DAY);
    const heads = (to: string) =>
      again.filter((s) => s.to === to && s.view.blocks[0]?.type === 'heading').map((s) => local(s, 'Europe/Berlin'));
    expect(heads('@ana')).toEqual(['Fri 2026-10-30 15:00']);
    // afterEach's dispose closes the first app again (a no-op) and removes the file.
    await next.close();
  });
});

describe('the prompt schedule', () => {
  it('says how it stands and counts the community’s own questions', () => {
    school();
    expect(sayAs(app, 'carla', 'prompts')).toContain('Math sends no reflection questions.');
    sayAs(app, 'carla', 'prompts biweekly thu 16:30');
    sayAs(app, 'carla', 'prompts add What surprised you this week?');
    const status = sayAs(app, 'carla', 'prompts');
    expect(status).toContain('every other Thursday at 16:30');
    expect(status).toContain('1 question of the community’s own.');
  });

  it('refuses a cadence it cannot read, and changes nothing', () => {
    school();
    expect(sayAs(app, 'carla', 'prompts fortnightly fri 15:00')).toContain(t('en', 'error.badCadence'));
    expect(sayAs(app, 'carla', 'prompts')).toContain('Math sends no reflection questions.');
  });

  it('hours are not lost to a restart of the process: the next prompt is a row in the job table', () => {
    school();
    sayAs(app, 'carla', 'prompts weekly fri 15:00');
    const due = app.store.db.prepare("SELECT key, due_at AS dueAt FROM jobs WHERE kind = 'reflections.prompt' ORDER BY due_at").all() as {
      key: string;
      dueAt: number;
    }[];
    // carla (the lead, who takes part) and ana in Berlin, ben in New York; gus is a guest.
    expect(due.map((j) => new Date(j.dueAt).toISOString())).toEqual([
      '2026-10-23T13:00:00.000Z',
      '2026-10-23T13:00:00.000Z',
      '2026-10-23T19:00:00.000Z',
    ]);
    expect(new Set(due.map((j) => j.key)).size).toBe(3);
  });

  it('follows a person who moves west to their new local time', async () => {
    const sent = school();
    sayAs(app, 'carla', 'prompts weekly fri 15:00');
    // ana's platform now reports Los Angeles: her prompt comes at 15:00 there, not at 15:00 in Berlin.
    runAs(app, 'ana', 'home', { channel: null, tz: 'America/Los_Angeles' });
    await app.advance(BEFORE_DST + 6 * DAY);
    expect(prompts(sent, '@ana').map((s) => local(s, 'America/Los_Angeles'))).toEqual(['Fri 2026-10-23 15:00']);
  });

  it('sends a prompt planned before a move east on the same day, at most twelve hours late, and never two that day', async () => {
    const sent = school();
    sayAs(app, 'carla', 'prompts weekly fri 15:00');
    runAs(app, 'ana', 'home', { channel: null, tz: 'Asia/Tokyo' });
    await app.advance(BEFORE_DST + 5 * DAY + 12 * HOUR);
    expect(prompts(sent, '@ana').map((s) => local(s, 'Asia/Tokyo'))).toEqual(['Fri 2026-10-23 22:00']);
  });
});

describe('the question a reflection answers', () => {
  /** The question key of the person's latest reflection. */
  const answered = (userId: number) =>
    app.store.db.prepare('SELECT question_key FROM reflections WHERE author_id = ? ORDER BY id DESC LIMIT 1').pluck().get(userId) ?? null;

  it('is the latest open prompt of its community sent in the past week; every open prompt of that community is then answered', () => {
    school();
    const store = app.store;
    const workspace = store.workspaces.find('console', 'school-a');
    const ana = workspace && store.users.findByExternal(workspace.id, 'ana');
    const math = workspace && store.communities.findByName(workspace.id, 'Math');
    if (!workspace || !ana || !math) throw new Error('the school was not set up');
    const { prompts } = repos(store);
    const sent = (localDate: string, questionKey: string, at: number) =>
      prompts.recordPrompt({ workspaceId: workspace.id, communityId: math.id, userId: ana.id, localDate, questionKey }, at);
    sent('2026-10-09', 'seed:too-old', BEFORE_DST - 10 * DAY);
    sent('2026-10-16', 'seed:what-worked', BEFORE_DST - 3 * DAY);
    sent('2026-10-18', 'seed:what-was-hard', BEFORE_DST - DAY);
    sent('2026-10-17', 'seed:evidence', BEFORE_DST - 2 * DAY);
    sayAs(app, 'ana', 'reflect Wait time worked.', { tz: ZONES.ana });
    expect(answered(ana.id)).toBe('seed:what-was-hard');
    expect(prompts.unansweredOn(ana.id, '2026-10-09')).toEqual([]);
    expect(prompts.unansweredOn(ana.id, '2026-10-16')).toEqual([]);
    // Answered now, nothing is left open: the next reflection answers no prompt.
    sayAs(app, 'ana', 'reflect And the exit tickets.', { tz: ZONES.ana });
    expect(answered(ana.id)).toBeNull();
  });

  it('is looked up in the index of open prompts, not among every prompt the person was ever sent', () => {
    school();
    const plan = (sql: string) =>
      (
        app.store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(
          ...sql
            .split('?')
            .slice(1)
            .map(() => 1),
        ) as { detail: string }[]
      )
        .map((r) => r.detail)
        .join('; ');
    const where = 'FROM reflection_prompts WHERE community_id = ? AND user_id = ? AND answered_at IS NULL';
    expect(plan(`SELECT 1 ${where} LIMIT 1`)).toContain('reflection_prompts_open');
    expect(plan(`SELECT question_key ${where} AND sent_at >= ? ORDER BY sent_at DESC LIMIT 1`)).toContain('reflection_prompts_open');
    expect(plan(`UPDATE reflection_prompts SET answered_at = ? WHERE community_id = ? AND user_id = ? AND answered_at IS NULL`)).toContain(
      'reflection_prompts_open',
    );
  });

  it('is none when the only open prompt is more than a week old, which is still answered', () => {
    school();
    const workspace = app.store.workspaces.find('console', 'school-a');
    const ben = workspace && app.store.users.findByExternal(workspace.id, 'ben');
    const math = workspace && app.store.communities.findByName(workspace.id, 'Math');
    if (!workspace || !ben || !math) throw new Error('the school was not set up');
    const { prompts } = repos(app.store);
    prompts.recordPrompt(
      { workspaceId: workspace.id, communityId: math.id, userId: ben.id, localDate: '2026-10-09', questionKey: 'seed:old' },
      BEFORE_DST - 8 * DAY,
    );
    sayAs(app, 'ben', 'reflect Groups worked.', { tz: ZONES.ben });
    expect(answered(ben.id)).toBeNull();
    expect(prompts.unansweredOn(ben.id, '2026-10-09')).toEqual([]);
  });
});
