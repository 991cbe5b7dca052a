import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pairing } from '../../../src/capabilities/pairing/store/index.js';
import { capabilities } from '../../../src/capabilities.js';
import { t } from '../../../src/i18n/translate.js';
import { prepared } from '../../../src/store/db.js';
import { SCHOOL_YEAR_START, type TestApp, testApp } from '../../support/app.js';
import { answerText, run } from '../../support/bot.js';
import { DAY, recordSends, type Sent } from '../meetings/recorder.js';
import { dms, inChannelPost, mathTeam, partnerOf, say, user, visitsNow } from './school.js';

let app: TestApp;
let sent: Sent[];
beforeEach(() => {
  app = testApp();
  sent = recordSends(app);
});
afterEach(async () => {
  await app.dispose();
});

const community = () => app.store.communities.findByName(user(app, 'carla').workspaceId, 'Math');
const pairingCap = () => capabilities().find((c) => c.name === 'pairing');

describe('who is paired', () => {
  it('pairs active members only: no guests, nobody paused, nobody deactivated', () => {
    mathTeam(app, ['ana', 'ben', 'dora', 'eli', 'finn', 'gus']);
    say(app, 'carla', 'role @gus guest');
    say(app, 'finn', 'pause until 2026-10-01', null);
    const ws = user(app, 'eli').workspaceId;
    app.store.users.setDeactivated(ws, user(app, 'eli').id, SCHOOL_YEAR_START);
    const h = run(app, 'carla', 'pair now', { channel: 'math' });
    const names = new Set(visitsNow(app).flatMap((v) => v.split('→')));
    expect([...names].sort()).toEqual(['ana', 'ben', 'carla', 'dora']);
    expect(Object.keys(dms(h.deliveries)).sort()).toEqual(['ana', 'ben', 'carla', 'dora']);
    expect(answerText(h)).toContain(t('en', 'pairing.now.done', { community: 'Math', ref: '#1', pairs: 2, trios: 0, leftOut: 0 }));
  });

  it('makes one trio in a ring for an odd count, everyone visiting one and visited by one', () => {
    mathTeam(app, ['ana', 'ben', 'dora', 'eli']);
    const h = run(app, 'carla', 'pair now', { channel: 'math' });
    const visits = visitsNow(app);
    expect(visits).toHaveLength(2 + 3);
    const observers = visits.map((v) => v.split('→')[0]).sort();
    const observed = visits.map((v) => v.split('→')[1]).sort();
    expect(observers).toEqual(['ana', 'ben', 'carla', 'dora', 'eli']);
    expect(observed).toEqual(observers);
    const trio = Object.values(dms(h.deliveries)).filter((m) => /You visit @\w+, and @\w+ visits you\./.test(m));
    expect(trio).toHaveLength(3);
  });

  it('keeps avoid lists private and never pairs across them; a person everyone avoids is left out and told privately', () => {
    mathTeam(app, ['ana', 'ben', 'dora']);
    for (const p of ['ana', 'ben', 'carla']) say(app, p, 'pair avoid @dora');
    expect(say(app, 'ana', 'pair avoid')).toContain('@dora');
    expect(say(app, 'ben', 'pair avoid')).not.toContain('@ana');
    const h = run(app, 'carla', 'pair now', { channel: 'math' });
    expect(visitsNow(app).some((v) => v.includes('dora'))).toBe(false);
    const told = dms(h.deliveries).dora;
    expect(told).toContain(t('en', 'pairing.dm.leftOut', { community: 'Math', ref: '#1' }));
    expect(told).not.toMatch(/ana|ben|carla/);
    const why = say(app, 'carla', 'pair why #1');
    expect(why).toContain(t('en', 'pairing.why.constrained'));
    expect(why).toContain(t('en', 'pairing.why.leftOut', { count: 1 }));
    expect(why).not.toContain('dora');
    expect(say(app, 'ana', 'pair avoid remove @dora')).toContain(t('en', 'pairing.avoid.removed', { name: '@dora' }));
  });

  it('lets only leads ask why, and shows the seed and the reasons', () => {
    mathTeam(app, ['ana', 'ben', 'dora']);
    say(app, 'carla', 'pair now');
    expect(say(app, 'ana', 'pair why #1')).toContain(t('en', 'error.notLead', { community: 'Math' }));
    const why = say(app, 'carla', 'pair why #1');
    const round = pairing(app.store).latestRound(community()?.id as number);
    expect(why).toContain(t('en', 'pairing.why.seed', { seed: String(round?.seed) }));
    expect(why).toContain(t('en', 'pairing.why.rotation', { step: 1, length: 3 }));
  });
});

describe('bad input changes nothing and says why', () => {
  beforeEach(() => {
    mathTeam(app, ['ana', 'ben', 'dora']);
    run(app, 'zoe', 'join', { channel: null });
  });

  it('refuses avoiding oneself or someone who is not a member', () => {
    expect(say(app, 'ana', 'pair avoid @ana')).toContain(t('en', 'pairing.error.avoidSelf'));
    expect(say(app, 'ana', 'pair avoid @zed')).toContain(t('en', 'pairing.error.avoidNotMember', { name: 'zed', community: 'Math' }));
    expect(pairing(app.store).avoidList(community()?.id as number, user(app, 'ana').id)).toEqual([]);
  });

  it('refuses observe commands with no round under way', () => {
    for (const cmd of ['observe focus questioning', 'observe happened yes', 'observe feedback glow: a grow: b', 'pair status'])
      expect(say(app, 'ana', cmd)).toContain(t('en', 'pairing.error.noRound', { community: 'Math' }));
  });

  it('refuses feedback from someone who makes no visit, and feedback over 4,000 characters', () => {
    say(app, 'carla', 'pair now');
    say(app, 'eve', 'join');
    expect(say(app, 'eve', 'observe feedback glow: nice grow: more')).toContain(t('en', 'pairing.error.notObserver', { ref: '#1' }));
    const long = 'x'.repeat(2100);
    expect(say(app, 'ana', `observe feedback glow: ${long} grow: ${long}`)).toContain(
      t('en', 'pairing.error.feedbackTooLong', { length: 4200, max: 4000 }),
    );
    expect(say(app, 'ana', 'observe feedback glow: only praise')).toContain(t('en', 'pairing.error.feedbackShape'));
    const stored = prepared(app.store.db, 'SELECT COUNT(*) AS n FROM pairing_visits WHERE feedback_at IS NOT NULL').get() as { n: number };
    expect(stored.n).toBe(0);
  });

  it('refuses guests the pairing commands', () => {
    say(app, 'carla', 'role @ben guest');
    expect(say(app, 'ben', 'pair avoid @ana')).toContain(t('en', 'error.notForGuests', { community: 'Math' }));
  });
});

describe('one observation', () => {
  beforeEach(() => {
    mathTeam(app, ['ana', 'ben', 'dora']);
    say(app, 'carla', 'pair now');
  });

  it('tells the observer the focus the observed teacher chose', () => {
    const visitor = visitsNow(app)
      .find((v) => v.endsWith('→ana'))
      ?.split('→')[0] as string;
    const h = run(app, 'ana', 'observe focus student-talk -- especially pair talk', { channel: 'math' });
    expect(answerText(h)).toContain(t('en', 'pairing.focus.set', { focus: 'Student talk: especially pair talk' }));
    expect(dms(h.deliveries)[visitor]).toContain(
      t('en', 'pairing.focus.told', { name: '@ana', community: 'Math', focus: 'Student talk: especially pair talk' }),
    );
    expect(say(app, visitor, 'pair status')).toContain('Focus of your visit: Student talk: especially pair talk');
  });

  it('opens the focus form without words, and takes one’s own words', () => {
    expect(say(app, 'ana', 'observe focus')).toContain(t('en', 'pairing.focus.form.title'));
    expect(say(app, 'ana', 'observe focus -- own ')).toContain(t('en', 'error.textRequired'));
    expect(say(app, 'ana', 'observe focus Wait time after questions')).toContain(
      t('en', 'pairing.focus.set', { focus: 'Wait time after questions' }),
    );
  });

  it('keeps feedback between the observer and the observed: nobody else, in any role, reads it', () => {
    say(app, 'carla', 'role @dora coach');
    run(app, 'otto', 'join', { channel: 'math' });
    say(app, 'carla', 'role @otto guest');
    const observed = partnerOf(app, 'ana');
    say(app, 'ana', 'observe happened yes');
    const h = run(
      app,
      'ana',
      'observe feedback glow: Every pupil answered the hinge question grow: Wait longer after questions notes: 3 of 24 hands up',
      { channel: 'math' },
    );
    expect(dms(h.deliveries)[observed]).toContain('Every pupil answered the hinge question');
    const readers = ['ana', 'ben', 'carla', 'dora', 'otto'];
    for (const reader of readers) {
      const status = say(app, reader, 'pair status');
      const sees = status.includes('Every pupil answered');
      expect({ reader, sees }).toEqual({ reader, sees: reader === 'ana' || reader === observed });
      const home = say(app, reader, 'home', null);
      expect(home).not.toContain('Every pupil answered');
    }
    // Leads and coordinators get nothing more: not from why, not from search, not from the figures.
    expect(say(app, 'carla', 'pair why #1')).not.toContain('hinge');
    const c = community();
    if (!c) throw new Error('no community');
    const env = { store: app.store, now: app.clock.now().getTime(), log: app.log };
    expect(JSON.stringify(pairingCap()?.searchable?.(c, env))).not.toContain('hinge');
    expect(pairingCap()?.figures?.(c, { from: 0, to: env.now + 1 }, env)).toEqual({
      'pairing.rounds': 1,
      'pairing.visitsPaired': 4,
      'pairing.visitsDone': 1,
      'pairing.takeawaysShared': 0,
    });
    // The exports of the two hold it; nobody else's does.
    const ws = app.store.workspaces.get(user(app, 'ana').workspaceId);
    if (!ws) throw new Error('no workspace');
    for (const reader of readers) {
      const exported = JSON.stringify(pairingCap()?.personalData.export({ workspace: ws, user: user(app, reader) }, env));
      if (reader === 'ana') expect(say(app, reader, 'home', null)).toContain('Math, round #1: you visit');
      expect({ reader, has: exported.includes('hinge') }).toEqual({ reader, has: reader === 'ana' || reader === observed });
    }
  });

  it('refuses feedback typed in a Teams channel before storing anything, and offers the form in private', () => {
    const h = inChannelPost(app, 'ana', 'plc observe feedback glow: secret praise grow: secret step');
    expect(answerText(h)).toContain(t('en', 'pairing.feedback.notHere'));
    expect(dms(h.deliveries).ana).toContain(t('en', 'pairing.feedback.form.title'));
    expect(JSON.stringify(prepared(app.store.db, 'SELECT * FROM pairing_visits').all())).not.toContain('secret');
  });

  it('shares a takeaway with the community only when one of the pair asks', () => {
    const h = run(app, 'ana', 'observe share Cold calling with think time worked', { channel: 'math' });
    expect(h.deliveries.some((d) => d.to === 'channel' && JSON.stringify(d.view).includes('Cold calling'))).toBe(true);
    const c = community();
    const docs = c ? pairingCap()?.searchable?.(c, { store: app.store, now: 0, log: app.log }) : [];
    expect(docs?.map((d) => d.text)).toEqual(['Cold calling with think time worked']);
    expect(docs?.[0]?.readers).toEqual({ kind: 'people', userIds: expect.arrayContaining([user(app, 'ana').id]) });
  });
});

describe('on a schedule', () => {
  beforeEach(() => {
    mathTeam(app, ['ana', 'ben', 'dora']);
  });

  it('starts rounds on the cadence in the community’s zone, skips holidays, and audits the schedule', async () => {
    const answer = say(app, 'carla', 'pair schedule biweekly mon 08:00');
    expect(answer).toContain('The next round starts Monday, September 7');
    say(app, 'carla', 'holiday 2026-09-21 2026-09-21 Staff day');
    await app.advance(SCHOOL_YEAR_START + 40 * DAY);
    const starts = [...new Set(sent.filter((s) => s.text.includes('Peer observation in Math')).map((s) => s.at))];
    // Copenhagen 08:00 is 06:00 UTC in summer time, 07:00 after the clocks go back on 25 October.
    expect(starts).toEqual(['2026-09-07T06:00:00.000Z', '2026-10-05T06:00:00.000Z']);
    const audit = prepared(app.store.db, "SELECT action, detail FROM audit_log WHERE action LIKE 'pairing.%'").all() as {
      action: string;
      detail: string;
    }[];
    expect(audit[0]?.action).toBe('pairing.schedule.set');
    expect(audit[0]?.detail).toContain('biweekly mon 08:00');
    say(app, 'carla', 'pair schedule off');
    const before = sent.length;
    await app.advance(SCHOOL_YEAR_START + 80 * DAY);
    expect(sent.slice(before).filter((s) => s.text.includes('Peer observation in Math'))).toEqual([]);
  });

  it('moves the window of the round under way when a holiday skips the next round', async () => {
    say(app, 'carla', 'pair schedule weekly mon 08:00');
    await app.advance(Date.parse('2026-09-07T07:00:00Z'));
    say(app, 'carla', 'holiday 2026-09-14 2026-09-18 Trip week');
    const round = pairing(app.store).latestRound(community()?.id as number);
    expect(new Date(round?.endsAt as number).toISOString()).toBe('2026-09-21T06:00:00.000Z');
    await app.advance(Date.parse('2026-09-20T00:00:00Z'));
    expect(sent.filter((s) => s.text.includes('Did your visit to'))).toEqual([]);
    await app.advance(Date.parse('2026-09-21T07:00:00Z'));
    expect(sent.filter((s) => s.text.includes('Did your visit to')).map((s) => s.at)[0]).toBe('2026-09-21T06:00:00.000Z');
  });

  it('keeps rounds at their local time when the community’s zone changes', async () => {
    say(app, 'carla', 'pair schedule weekly wed 07:30');
    say(app, 'carla', 'settings tz Europe/London');
    await app.advance(SCHOOL_YEAR_START + 3 * DAY);
    const starts = [...new Set(sent.filter((s) => s.text.includes('Peer observation in Math')).map((s) => s.at))];
    expect(starts).toEqual(['2026-09-02T06:30:00.000Z']);
  });

  it('reminds once about a missing focus three days before the window ends, and asks the observer when it closes', async () => {
    say(app, 'carla', 'pair now');
    say(app, 'ana', 'observe focus questioning');
    await app.advance(SCHOOL_YEAR_START + 18 * DAY + 60_000);
    const reminders = sent.filter((s) => s.text.includes('you have not chosen a focus yet'));
    expect(reminders.map((s) => s.to).sort()).toEqual(['@ben', '@carla', '@dora']);
    expect(reminders.every((s) => s.at === '2026-09-19T08:00:00.000Z')).toBe(true);
    await app.advance(SCHOOL_YEAR_START + 21 * DAY + 60_000);
    const asks = sent.filter((s) => s.text.includes('Did your visit to'));
    expect(asks.map((s) => s.to).sort()).toEqual(['@ana', '@ben', '@carla', '@dora']);
    const buttons = asks[0]?.view.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons.map((x) => x.command) : []));
    expect(buttons).toEqual(['in Math observe happened yes #1', 'in Math observe happened not-yet #1', 'in Math observe happened no #1']);
    expect(say(app, 'ana', 'observe happened not-yet #1', null)).toContain(t('en', 'pairing.happened.said.notYet'));
    say(app, 'ben', 'observe happened yes #1', null);
    await app.advance(SCHOOL_YEAR_START + 40 * DAY);
    const again = sent.filter((s) => s.text.includes('had not happened yet'));
    expect(again.map((s) => s.to)).toEqual(['@ana']);
    expect(again[0]?.at).toBe('2026-09-29T08:01:00.000Z');
  });
});

describe('a partner who leaves mid-round', () => {
  it('puts the other into another pair as a trio, and tells the three of them', () => {
    mathTeam(app, ['ana', 'ben', 'dora']);
    say(app, 'carla', 'pair now');
    const partner = partnerOf(app, 'ana');
    const h = run(app, partner, 'leave', { channel: 'math' });
    const visits = visitsNow(app);
    expect(visits).toHaveLength(3);
    expect(visits.some((v) => v.includes(partner))).toBe(false);
    expect(Object.keys(dms(h.deliveries)).sort()).toEqual(['ana', 'ben', 'carla', 'dora'].filter((p) => p !== partner).sort());
  });

  it('turns a trio whose third is paused into a pair', () => {
    mathTeam(app, ['ana', 'ben', 'dora', 'eli']);
    say(app, 'carla', 'pair now');
    const counts = new Map<string, number>();
    for (const v of visitsNow(app)) for (const p of v.split('→')) counts.set(p, (counts.get(p) ?? 0) + 1);
    const trioVisits = visitsNow(app).filter((v) => {
      const [a, b] = v.split('→');
      return !visitsNow(app).includes(`${b}→${a}`);
    });
    const third = trioVisits[0]?.split('→')[0] as string;
    say(app, third, 'pause until 2026-12-01', null);
    const after = visitsNow(app);
    expect(after).toHaveLength(4);
    for (const v of after) expect(after).toContain(v.split('→').reverse().join('→'));
  });

  it('tells the other their visit is off when no pair can take them', () => {
    mathTeam(app, ['ana']);
    say(app, 'carla', 'pair now');
    const h = run(app, 'ana', 'leave', { channel: 'math' });
    expect(dms(h.deliveries).carla).toContain(t('en', 'pairing.dm.off', { community: 'Math', ref: '#1' }));
  });
});

describe('personal data', () => {
  it('forgets notes written and received, avoid entries both ways and queued jobs, and keeps the history anonymous', () => {
    mathTeam(app, ['ana', 'ben', 'dora']);
    say(app, 'ana', 'pair avoid @ben');
    say(app, 'dora', 'pair avoid @carla');
    say(app, 'carla', 'pair now');
    const partner = partnerOf(app, 'carla');
    say(app, 'carla', 'observe feedback glow: calm start grow: more wait time');
    say(app, partner, 'observe feedback glow: lively grow: fewer slides');
    const c = community();
    const ws = app.store.workspaces.get(user(app, 'carla').workspaceId);
    if (!c || !ws) throw new Error('no school');
    const env = { store: app.store, now: app.clock.now().getTime(), log: app.log };
    const exported = pairingCap()?.personalData.export({ workspace: ws, user: user(app, 'carla') }, env) as Record<string, unknown[]>;
    expect(exported.rounds).toHaveLength(2);
    expect(JSON.stringify(exported.feedback)).toContain('calm start');
    expect(JSON.stringify(exported.feedback)).toContain('lively');
    const carla = user(app, 'carla');
    app.store.transaction(() => pairingCap()?.personalData.forget({ workspace: ws, user: carla }, env));
    const all = JSON.stringify(prepared(app.store.db, 'SELECT * FROM pairing_visits').all());
    expect(all).not.toMatch(/calm start|lively/);
    expect(prepared(app.store.db, 'SELECT COUNT(*) AS n FROM pairing_visits').get()).toEqual({ n: 4 });
    expect(
      prepared(app.store.db, 'SELECT COUNT(*) AS n FROM pairing_avoid WHERE user_id = ? OR avoid_id = ?').get(carla.id, carla.id),
    ).toEqual({ n: 0 });
    expect(pairing(app.store).avoidList(c.id, user(app, 'ana').id)).toEqual([user(app, 'ben').id]);
    const jobs = prepared(
      app.store.db,
      "SELECT COUNT(*) AS n FROM jobs WHERE kind LIKE 'pairing.%' AND json_extract(payload, '$.userId') = ?",
    ).get(carla.id);
    expect(jobs).toEqual({ n: 0 });
    // The others still count as having met in round #1.
    const history = pairing(app.store).history(c.id);
    const others = ['ana', 'ben', 'dora'].filter((p) => p !== partner);
    expect(history.get(user(app, others[0] as string).id, user(app, others[1] as string).id)?.count).toBe(1);
  });
});

describe('languages', () => {
  it('tells each teacher in their own language, Arabic right to left', () => {
    mathTeam(app, ['ana', 'ben', 'dora']);
    say(app, 'ana', 'lang de', null);
    say(app, 'ben', 'lang ar', null);
    say(app, 'dora', 'lang nl', null);
    say(app, 'carla', 'lang da', null);
    const h = run(app, 'carla', 'pair now', { channel: 'math' });
    const byName = new Map(h.deliveries.flatMap((d) => (d.to === 'user' ? [[d.user.displayName, d.view] as const] : [])));
    expect(JSON.stringify(byName.get('ana'))).toContain(t('de', 'pairing.dm.title', { community: 'Math', ref: '#1' }));
    expect(byName.get('ben')?.dir).toBe('rtl');
    expect(JSON.stringify(byName.get('ben'))).toContain(t('ar', 'pairing.focus.teamGoal'));
    expect(JSON.stringify(byName.get('dora'))).toContain(t('nl', 'pairing.dm.practice'));
    expect(answerText(h)).toContain(t('da', 'pairing.now.done', { community: 'Math', ref: '#1', pairs: 2, trios: 0, leftOut: 0 }));
    expect(t('ar', 'pairing.why.leftOut', { count: 2 })).toContain('شخصين');
    expect(t('de', 'pairing.why.repeat', { a: 'a', b: 'b', count: 3, ref: '#4' })).toContain('3-mal');
  });
});
