import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/translate.js';
import { SCHOOL_YEAR_START, type TestApp, testApp } from '../../support/app.js';
import { run } from '../../support/bot.js';
import { DAY, recordSends, type Sent } from '../meetings/recorder.js';
import { dms, mathTeam, partnerOf, say, visitsNow } from './school.js';

// Issue 16: a person deactivated on their platform stops receiving anything and drops out of rounds; guests never
// appear in rounds. `pairing.test.ts` covers `pair now` with a deactivation written straight to the store and a
// guest; this file covers the platform's own event, scheduled rounds, an open round, and guests on a schedule.

let app: TestApp;
let sent: Sent[];
beforeEach(() => {
  app = testApp();
  sent = recordSends(app);
});
afterEach(async () => {
  await app.dispose();
});

const workspace = { platform: 'console' as const, externalId: 'school-a' };
const deactivate = (name: string) => app.events.handle({ kind: 'deactivated', workspace, person: { externalId: name } });
const inRound = () => new Set(visitsNow(app).flatMap((v) => v.split('→')));
/** The people who got a round's DM ("Peer observation in Math") from the scheduler. */
const roundDmsTo = () => new Set(sent.filter((s) => s.text.includes('Peer observation in Math')).map((s) => s.to));

describe('a person deactivated on their platform', () => {
  beforeEach(() => {
    mathTeam(app, ['ana', 'ben', 'dora', 'eli', 'finn']);
  });

  it('is never paired by `pair now`, and hears nothing of the round', () => {
    deactivate('eli');
    const h = run(app, 'carla', 'pair now', { channel: 'math' });
    expect([...inRound()].sort()).toEqual(['ana', 'ben', 'carla', 'dora', 'finn']);
    expect(Object.keys(dms(h.deliveries))).not.toContain('eli');
  });

  it('is never paired in a scheduled round, round after round, and is paired again once reactivated', async () => {
    say(app, 'carla', 'pair schedule weekly mon 08:00');
    deactivate('eli');
    await app.advance(Date.parse('2026-09-07T07:00:00Z'));
    expect(inRound().has('eli')).toBe(false);
    expect(inRound().size).toBe(5);
    await app.advance(Date.parse('2026-09-21T07:00:00Z'));
    expect(inRound().has('eli')).toBe(false);
    expect(roundDmsTo().has('@eli')).toBe(false);
    expect(roundDmsTo().has('@ana')).toBe(true);
    app.events.handle({ kind: 'reactivated', workspace, person: { externalId: 'eli' } });
    await app.advance(Date.parse('2026-09-28T07:00:00Z'));
    expect(inRound().has('eli')).toBe(true);
  });

  it('is dropped from the open round’s visits: their partner joins another pair as a trio, and the three are told', () => {
    // Six people: three pairs. The partner of the one deactivated joins one of the two other pairs.
    say(app, 'carla', 'pair now');
    const partner = partnerOf(app, 'eli');
    const reported = deactivate('eli');
    const visits = visitsNow(app);
    expect(visits.some((v) => v.includes('eli'))).toBe(false);
    // Two pairs' four visits become a pair's two and a trio's three.
    expect(visits).toHaveLength(5);
    expect(visits.filter((v) => v.startsWith(`${partner}→`))).toHaveLength(1);
    expect(visits.filter((v) => v.endsWith(`→${partner}`))).toHaveLength(1);
    const told = Object.keys(dms(reported?.deliveries ?? []));
    expect(told).toContain(partner);
    expect(told).toHaveLength(3);
    expect(told).not.toContain('eli');
  });

  it('is dropped from the open round; a partner no pair can take is told their visit is off', () => {
    run(app, 'finn', 'leave', { channel: 'math' });
    run(app, 'dora', 'leave', { channel: 'math' });
    run(app, 'ben', 'leave', { channel: 'math' });
    // carla, ana and eli: one trio; once eli is deactivated, ana and carla visit each other.
    say(app, 'carla', 'pair now');
    expect([...inRound()].sort()).toEqual(['ana', 'carla', 'eli']);
    deactivate('eli');
    expect(visitsNow(app).sort()).toEqual(['ana→carla', 'carla→ana']);
    // With two left in a pair, one more deactivation leaves one person with nobody: told privately.
    const reported = deactivate('ana');
    expect(visitsNow(app)).toEqual([]);
    expect(dms(reported?.deliveries ?? []).carla).toContain(t('en', 'pairing.dm.off', { community: 'Math', ref: '#1' }));
  });
});

describe('guests', () => {
  it('never appear in a scheduled round, and a member made a guest mid-round leaves its visits', async () => {
    mathTeam(app, ['ana', 'ben', 'dora', 'gus']);
    say(app, 'carla', 'role @gus guest');
    say(app, 'carla', 'pair schedule weekly mon 08:00');
    for (const day of ['2026-09-07', '2026-09-14', '2026-09-21']) {
      await app.advance(Date.parse(`${day}T07:00:00Z`));
      expect([...inRound()].sort()).toEqual(['ana', 'ben', 'carla', 'dora']);
    }
    expect(roundDmsTo().has('@gus')).toBe(false);
    say(app, 'carla', 'role @dora guest');
    expect(inRound().has('dora')).toBe(false);
    await app.advance(SCHOOL_YEAR_START + 28 * DAY);
    expect([...inRound()].sort()).toEqual(['ana', 'ben', 'carla']);
  });
});
