import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditSince } from '../../../src/audit.js';
import { goals } from '../../../src/capabilities/goals/index.js';
import { withoutDisplayMarks } from '../../../src/grammar/text.js';
import { t } from '../../../src/i18n/translate.js';
import { SCHOOL_YEAR_START, type TestApp, testApp } from '../../support/app.js';
import { answerText } from '../../support/bot.js';
import { goalSchool, postInChannel, sayer } from './school.js';

let app: TestApp;
let say: ReturnType<typeof sayer>;
const DAY = 86_400_000;

beforeEach(() => {
  app = testApp();
  goalSchool(app);
  say = sayer(app);
});
afterEach(async () => {
  await app.dispose();
});

const workspaceId = () => app.store.workspaces.find('console', 'school-a')?.id as number;
const count = (sql: string) => (app.store.db.prepare(sql).get() as { n: number }).n;
const goalRows = () => count('SELECT COUNT(*) AS n FROM goals');
const checkinRows = () => count('SELECT COUNT(*) AS n FROM goal_checkins');

/** School goal #1, Math's team goal #2 aligned to it, ana's goal #3 aligned to #2. */
function plan(): void {
  say('carla', 'goal add school Every student reads every day');
  say('carla', 'goal add team aligns #1 Reading minutes up by a fifth');
  say('ana', 'goal add due 2026-12-01 aligns #2 Exit tickets in every lesson');
}

describe('three levels', () => {
  it('sets an individual goal by default, owned by its author and readable by them alone', () => {
    const answer = say('ana', 'goal add Exit tickets in every lesson');
    expect(answer).toContain(t('en', 'goal.added', { ref: '#1', level: 'me', community: 'Math', text: 'Exit tickets in every lesson' }));
    expect(answer).toContain(t('en', 'goal.readers', { level: 'me', community: 'Math' }));
    expect(say('ana', 'goals')).toContain('#1 (mine) Exit tickets in every lesson');
  });

  it('lets a member set a team goal, but not a guest', () => {
    expect(say('ben', 'goal add team Every student writes weekly')).toContain(
      t('en', 'goal.added', { ref: '#1', level: 'team', community: 'Math', text: 'Every student writes weekly' }),
    );
    expect(say('gus', 'goal add team Families read along')).toContain(t('en', 'error.notForGuests', { community: 'Math' }));
    expect(say('gus', 'goal add Families read along')).toContain(t('en', 'error.notForGuests', { community: 'Math' }));
    expect(goalRows()).toBe(1);
  });

  it('keeps school goals to coordinators: a lead may align to one but not set one', () => {
    expect(say('sara', 'goal add school Every student reads', 'science')).toContain(t('en', 'error.schoolGoalsCoordinators'));
    expect(say('carla', 'goal add school Every student reads')).toContain(
      t('en', 'goal.added', { ref: '#1', level: 'school', community: 'Math', text: 'Every student reads' }),
    );
    expect(say('sara', 'goal add team aligns #1 Lab reports read aloud', 'science')).toContain(
      t('en', 'goal.alignedTo', { ref: '#1', text: 'Every student reads' }),
    );
    expect(say('sam', 'goal add team aligns #1 Reading in labs', 'science')).toContain(t('en', 'error.alignSchoolLeads', { ref: '#1' }));
    expect(goalRows()).toBe(2);
  });

  it('takes an optional due date and refuses one that is no date', () => {
    expect(say('ana', 'goal add due 2026-12-01 Exit tickets')).toContain(t('en', 'goal.due', { date: 'Dec 1' }));
    expect(say('ana', 'goal add due 2026-13-01 Exit tickets')).toContain(t('en', 'error.badDate', { value: '2026-13-01' }));
    expect(say('ana', 'goal add -- due dates are hard')).toContain('due dates are hard');
    expect(goalRows()).toBe(2);
  });
});

describe('alignment', () => {
  it('shows the chain school ← team ← mine in `goals`', () => {
    plan();
    const list = say('ana', 'goals');
    expect(list).toContain(
      t('en', 'goal.chain', {
        chain: '#school #1 “Every student reads every day” ← team #2 “Reading minutes up by a fifth” ← #3'.replace('#school', 'school'),
      }),
    );
    expect(list).toContain('Math · no check-in yet');
  });

  it('points the chain’s arrows the way the reader reads: rightward in Arabic', () => {
    plan();
    say('ana', 'lang ar', null);
    const list = withoutDisplayMarks(say('ana', 'goals', null));
    expect(list).toContain(`${t('ar', 'goal.chainPart', { level: 'team', ref: '#2', text: 'Reading minutes up by a fifth' })} → #3`);
    expect(list).not.toContain('←');
  });

  it('refuses a wrong level in both directions', () => {
    plan();
    expect(say('ben', 'goal add aligns #1 Read aloud daily')).toContain(
      t('en', 'error.goalWrongLevel', { ref: '#1', level: 'me', wanted: 'team' }),
    );
    expect(say('carla', 'goal add team aligns #2 Another team goal')).toContain(
      t('en', 'error.goalWrongLevel', { ref: '#2', level: 'team', wanted: 'school' }),
    );
    expect(say('carla', 'goal add school aligns #1 Below itself')).toContain(t('en', 'error.schoolGoalAligns'));
    expect(goalRows()).toBe(3);
  });

  it('refuses a cycle when alignment is changed later, and keeps the chain as it was', () => {
    plan();
    expect(say('carla', 'goal align #2 #2')).toContain(t('en', 'error.goalCycle', { ref: '#2' }));
    expect(say('ana', 'goal align #3 #3')).toContain(t('en', 'error.goalCycle', { ref: '#3' }));
    expect(say('ana', 'goal align #3 #1')).toContain(t('en', 'error.goalWrongLevel', { ref: '#1', level: 'me', wanted: 'team' }));
    const aligned = app.store.db
      .prepare('SELECT ref, (SELECT ref FROM goals p WHERE p.id = g.aligns_to) AS up FROM goals g ORDER BY ref')
      .all();
    expect(aligned).toEqual([
      { ref: 1, up: null },
      { ref: 2, up: 1 },
      { ref: 3, up: 2 },
    ]);
  });

  it('lets a lead re-align a team goal, and only a lead or coordinator', () => {
    plan();
    say('carla', 'goal add school Every student writes');
    expect(say('ben', 'goal align #2 #4')).toContain(t('en', 'error.teamGoalStewards', { ref: '#2' }));
    expect(say('carla', 'goal align #2 #4')).toContain(t('en', 'goal.realigned', { ref: '#2', to: '#4', text: 'Every student writes' }));
    expect(say('carla', 'goal align #2 none')).toContain(t('en', 'goal.unaligned', { ref: '#2' }));
  });

  it('never aligns to somebody else’s individual goal, and answers as if it did not exist', () => {
    plan();
    say('carla', 'goal add team Writing across subjects');
    expect(say('ben', 'goal add aligns #3 Piggyback')).toContain(t('en', 'error.unknownGoal', { ref: '#3' }));
  });
});

describe('check-ins', () => {
  it('records status, percent and evidence, and `goals` shows the latest', () => {
    plan();
    expect(say('ana', 'checkin #3 at-risk 40% half the class used them')).toContain(
      t('en', 'checkin.done', { ref: '#3', status: 'at risk', hasPercent: 'yes', percent: 40 }),
    );
    app.clock.set(SCHOOL_YEAR_START + DAY);
    say('ana', 'checkin #3 on-track ٦٠٪ most of them did');
    expect(say('ana', 'goals')).toContain('#3 (mine) Exit tickets in every lesson\n  on track, 60% (Sep 2) · due Dec 1');
    const stored = app.store.db.prepare('SELECT status, percent, evidence FROM goal_checkins ORDER BY id').all();
    expect(stored).toEqual([
      { status: 'at-risk', percent: 40, evidence: 'half the class used them' },
      { status: 'on-track', percent: 60, evidence: 'most of them did' },
    ]);
  });

  it.each(['150%', '-3%', '1e2%', '101%', '50.5%', '0x10%', '%', '٪'])('refuses the percent %s and stores nothing', (bad) => {
    plan();
    const answer = say('ana', `checkin #3 on-track ${bad} evidence`);
    expect(answer).toContain(t('en', 'error.badPercent', { value: bad }));
    expect(checkinRows()).toBe(0);
  });

  it('accepts 0% and 100%, and a check-in without percent or evidence', () => {
    plan();
    say('ana', 'checkin #3 off-track 0%');
    say('ana', 'checkin #3 on-track 100%');
    say('ana', 'checkin #3 at-risk');
    expect(app.store.db.prepare('SELECT percent, evidence FROM goal_checkins ORDER BY id').all()).toEqual([
      { percent: 0, evidence: null },
      { percent: 100, evidence: null },
      { percent: null, evidence: null },
    ]);
  });

  it('refuses an unknown status, an unknown number and text over 4,000 characters', () => {
    plan();
    expect(say('ana', 'checkin #3 great 50%')).toContain(t('en', 'error.checkinStatus', { value: 'great' }));
    expect(say('ana', 'checkin #99 on-track')).toContain(t('en', 'error.unknownGoal', { ref: '#99' }));
    expect(say('ana', `checkin #3 on-track 50% ${'x'.repeat(4001)}`)).toContain(t('en', 'error.textTooLong', { length: 4001, max: 4000 }));
    expect(say('ana', `goal add ${'x'.repeat(4001)}`)).toContain(t('en', 'error.textTooLong', { length: 4001, max: 4000 }));
    expect(checkinRows()).toBe(0);
    expect(goalRows()).toBe(3);
  });

  it('refuses a check-in on a closed goal, with how and when it ended', () => {
    plan();
    say('ana', 'goal close #3 achieved every lesson now ends with one');
    expect(say('ana', 'checkin #3 on-track')).toContain(t('en', 'error.goalClosed', { ref: '#3', outcome: 'achieved', date: 'Sep 1' }));
    expect(checkinRows()).toBe(0);
  });

  it('answers somebody else’s individual goal exactly like an unknown number', () => {
    plan();
    const theirs = say('ben', 'checkin #3 on-track 50%');
    const unknown = say('ben', 'checkin #77 on-track 50%').replace('#77', '#3');
    expect(theirs).toBe(unknown);
    expect(checkinRows()).toBe(0);
  });

  it('opens the form with `checkin #n`, and shows a bad percent on its field with what was typed', () => {
    plan();
    const form = app.bot.handle({
      workspace: { platform: 'console', externalId: 'school-a' },
      user: { externalId: 'ana', displayName: 'ana' },
      place: { channel: null, channelName: null },
      text: 'checkin #3 on-track 150% -- groups improved',
    });
    const block = form.deliveries[0]?.view.blocks.find((b) => b.type === 'form');
    if (block?.type !== 'form') throw new Error('no form came back');
    const fields = Object.fromEntries(block.form.fields.map((f) => [f.name, f]));
    expect(fields.percent?.error).toBe(t('en', 'error.badPercent', { value: '150%' }));
    expect(fields.percent?.initial).toBe('150%');
    expect(fields.evidence?.initial).toBe('groups improved');
    expect(fields.status?.error).toBeUndefined();
    expect(checkinRows()).toBe(0);
    expect(answerText(form)).not.toContain('Checked in');
    expect(say('ana', 'checkin #3', null)).toContain('[Check in on #3]');
  });

  it('puts a missing status on the status field of a submitted form', () => {
    plan();
    const h = app.bot.handle({
      workspace: { platform: 'console', externalId: 'school-a' },
      user: { externalId: 'ana', displayName: 'ana' },
      place: { channel: null, channelName: null },
      text: 'checkin #3  50% -- x',
    });
    const block = h.deliveries[0]?.view.blocks.find((b) => b.type === 'form');
    expect(block?.type === 'form' && block.form.fields.find((f) => f.name === 'status')?.error).toBe(
      t('en', 'error.checkinStatus', { value: '50%' }),
    );
  });

  it('refuses evidence typed in a Teams channel before storing it, and sends the form to a DM', () => {
    plan();
    const h = postInChannel(app, 'ana', 'checkin #3 on-track 50% my students improved');
    expect(checkinRows()).toBe(0);
    expect(answerText(h)).toContain(t('en', 'checkin.privateChannel'));
    const dm = h.deliveries.find((d) => d.to === 'user');
    expect(dm?.to === 'user' && dm.user.externalId).toBe('ana');
    const form = dm?.view.blocks.find((b) => b.type === 'form');
    expect(form?.type === 'form' && form.form.fields.find((f) => f.name === 'percent')?.initial).toBe('50%');
    expect(JSON.stringify(dm?.view)).not.toContain('my students improved');
    // Without evidence there is nothing private in the post.
    postInChannel(app, 'ana', 'checkin #3 on-track 50%');
    expect(checkinRows()).toBe(1);
  });
});

describe('who may do what', () => {
  it('lets team members check in on a team goal, and coordinators alone on a school goal', () => {
    plan();
    expect(say('ben', 'checkin #2 on-track 30%')).toContain(
      t('en', 'checkin.done', { ref: '#2', status: 'on track', hasPercent: 'yes', percent: 30 }),
    );
    expect(say('ben', 'checkin #1 on-track')).toContain(t('en', 'error.schoolGoalCoordinators', { ref: '#1' }));
    expect(say('sam', 'checkin #2 on-track', 'science')).toContain(t('en', 'error.unknownGoal', { ref: '#2' }));
    expect(say('gus', 'checkin #2 on-track')).toContain(t('en', 'error.unknownGoal', { ref: '#2' }));
    expect(say('carla', 'checkin #1 at-risk 10%')).toContain('Checked in on #1');
    expect(checkinRows()).toBe(2);
  });

  it('closes: the owner an individual goal; a lead, a coordinator or its author a team goal; coordinators a school goal', () => {
    plan();
    say('ben', 'goal add team Writing across subjects');
    expect(say('ben', 'goal close #3 dropped')).toContain(t('en', 'error.unknownGoal', { ref: '#3' }));
    expect(say('carla', 'goal close #3 dropped')).toContain(t('en', 'error.unknownGoal', { ref: '#3' }));
    expect(say('ana', 'goal close #2 achieved')).toContain(t('en', 'error.teamGoalStewards', { ref: '#2' }));
    expect(say('ben', 'goal close #4 dropped the team chose reading')).toContain(
      t('en', 'goal.closed', { ref: '#4', outcome: 'dropped', text: 'Writing across subjects' }),
    );
    expect(say('ana', 'goal close #1 achieved')).toContain(t('en', 'error.schoolGoalCoordinators', { ref: '#1' }));
    expect(say('carla', 'goal close #2 achieved')).toContain('#2 is closed as achieved');
    expect(say('ana', 'goal close #3 achieved')).toContain('#3 is closed as achieved');
    expect(say('ana', 'goal close #3 dropped')).toContain(t('en', 'error.goalClosed', { ref: '#3', outcome: 'achieved', date: 'Sep 1' }));
  });

  it('lets leads and coordinators set the check-in cadence, not members, and audits it', () => {
    expect(say('ana', 'checkins weekly fri 14:00')).toContain(t('en', 'error.notLead', { community: 'Math' }));
    expect(say('sara', 'checkins school weekly fri 14:00', 'science')).toContain(t('en', 'error.schoolGoalsCoordinators'));
    expect(say('sara', 'checkins biweekly mon 08:00', 'science')).toContain('The goals of Science');
    expect(say('sara', 'checkins off', 'science')).toContain(t('en', 'checkins.off', { scope: 'community', community: 'Science' }));
    expect(say('carla', 'checkins school monthly 1st mon 09:00')).toContain('The school’s goals');
    const trail = auditSince(app.store, workspaceId(), 0).filter((r) => r.action.startsWith('schedule.checkins'));
    expect(trail.map((r) => [r.action, r.detail])).toEqual([
      ['schedule.checkins.set', { scope: 'community', cadence: 'biweekly mon 08:00' }],
      ['schedule.checkins.off', { scope: 'community' }],
      ['schedule.checkins.set', { scope: 'school', cadence: 'monthly 1st mon 09:00' }],
    ]);
  });
});

describe('privacy', () => {
  it('never shows an individual goal to a teammate, a guest, another community or another workspace', () => {
    plan();
    say('ana', 'checkin #3 on-track 50% my private evidence');
    const secret = 'Exit tickets in every lesson';
    const readers: [string, string | null, string][] = [
      ['ben', 'math', 'school-a'],
      ['gus', 'math', 'school-a'],
      ['sam', 'science', 'school-a'],
      ['carla', 'math', 'school-a'],
      ['dan', 'physics', 'school-b'],
    ];
    for (const [user, channel, ws] of readers) {
      const seen = [
        say(user, 'goals', channel, ws),
        say(user, 'goals page 2', channel, ws),
        say(user, 'checkin #3', channel, ws),
        say(user, 'checkin #3 on-track 10%', channel, ws),
        say(user, 'goal close #3 dropped', channel, ws),
        say(user, 'goal align #3 #2', channel, ws),
        say(user, 'home', null, ws),
      ].join('\n');
      expect(seen, user).not.toContain(secret);
      expect(seen, user).not.toContain('my private evidence');
    }
    expect(checkinRows()).toBe(1);
  });

  it('shows a guest no goals at all, and another workspace none of this school’s', () => {
    plan();
    expect(say('gus', 'goals')).toContain(t('en', 'goals.none', { command: { command: 'goal add <text>' } }).replace('/plc ', '/plc '));
    expect(say('dan', 'goals', 'physics', 'school-b')).not.toContain('Every student reads');
    expect(say('dan', 'checkin #1 on-track', 'physics', 'school-b')).toContain(t('en', 'error.unknownGoal', { ref: '#1' }));
  });

  it('shows team goals to the team only', () => {
    plan();
    expect(say('ben', 'goals')).toContain('Reading minutes up by a fifth');
    expect(say('sam', 'goals', 'science')).not.toContain('Reading minutes up by a fifth');
    expect(say('sam', 'goals', 'science')).toContain('Every student reads every day');
  });

  it('pages a long list ten at a time with a More button', () => {
    for (let i = 1; i <= 12; i++) say('ana', `goal add Goal number ${i}`);
    const first = say('ana', 'goals');
    expect(first).toContain('Goal number 10');
    expect(first).not.toContain('Goal number 11');
    expect(first).toContain(t('en', 'list.range', { from: 1, to: 10, total: 12 }));
    expect(first).toContain('/plc goals page 2');
    expect(say('ana', 'goals page 2')).toContain('Goal number 12');
  });
});

describe('the capability’s hooks', () => {
  it('exports a person’s goals and check-ins with dates and readers', () => {
    plan();
    say('ana', 'checkin #3 on-track 50% evidence');
    say('ana', 'checkin #2 at-risk');
    const ana = app.store.users.findByExternal(workspaceId(), 'ana');
    const workspace = app.store.workspaces.get(workspaceId());
    if (!ana || !workspace) throw new Error('no ana');
    const data = goals.personalData.export({ workspace, user: ana }, { store: app.store, now: app.clock.now().getTime(), log: app.log });
    expect(data.goals).toMatchObject([{ ref: 3, level: 'me', readers: 'self', text: 'Exit tickets in every lesson', due: '2026-12-01' }]);
    expect(data.checkins).toMatchObject([
      { goal: 3, status: 'on-track', percent: 50, evidence: 'evidence', readers: 'self' },
      { goal: 2, status: 'at-risk', readers: 'community' },
    ]);
  });

  it('forgets a person’s individual goals and check-ins, and keeps the team goals they set, credited to nobody', () => {
    plan();
    say('ana', 'goal add team Ana’s team goal');
    say('ana', 'checkin #2 at-risk');
    say('ben', 'checkin #2 on-track');
    const ana = app.store.users.findByExternal(workspaceId(), 'ana');
    const workspace = app.store.workspaces.get(workspaceId());
    if (!ana || !workspace) throw new Error('no ana');
    app.store.transaction(() =>
      goals.personalData.forget({ workspace, user: ana }, { store: app.store, now: app.clock.now().getTime(), log: app.log }),
    );
    expect(app.store.db.prepare('SELECT ref, author_id AS author FROM goals ORDER BY ref').all()).toMatchObject([
      { ref: 1 },
      { ref: 2 },
      { ref: 4, author: null },
    ]);
    expect(checkinRows()).toBe(1);
  });
});
