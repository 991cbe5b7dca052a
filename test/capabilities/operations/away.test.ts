import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pairing } from '../../../src/capabilities/pairing/store/index.js';
import type { Community } from '../../../src/store/communities.js';
import { type TestApp, testApp } from '../../support/app.js';
import { answerText, run } from '../../support/bot.js';
import { recordSends, type Sent } from '../meetings/recorder.js';

/**
 * Pauses and the school's holidays, capability by capability, over weeks of the school's own schedules run by
 * the scheduler (the clock port moved over them, as `:clock` does in the console).
 *
 * Math in Copenhagen: carla leads (and coordinates) ana, ben, dora and eli. It meets Wednesdays at 15:30, asks
 * a reflection question on Fridays at 15:00 and for goal check-ins on Thursdays at 14:00 (in each person's own
 * zone: the default, UTC), starts an observation round on Mondays at 08:00; ana and carla are both
 * coordinators, each with a digest on Mondays at 07:30.
 */
let app: TestApp;
let sent: Sent[];
const say = (user: string, text: string, channel: string | null = 'math') => answerText(run(app, user, text, { channel }));

beforeEach(() => {
  app = testApp();
  sent = recordSends(app);
  say('carla', 'create Math');
  say('carla', 'settings tz Europe/Copenhagen');
  for (const p of ['ana', 'ben', 'dora', 'eli']) say(p, 'join');
  say('carla', 'schedule weekly wed 15:30');
  say('carla', 'prompts weekly fri 15:00');
  say('carla', 'checkins weekly thu 14:00');
  say('carla', 'pair schedule weekly mon 08:00');
  say('carla', 'coordinator add @ana');
  for (const p of ['ana', 'carla']) say(p, 'digest weekly mon 07:30', null);
  for (const p of ['ana', 'ben']) say(p, 'goal add Exit tickets in every lesson');
});
afterEach(async () => {
  await app.dispose();
});

/** What kind of scheduled message each is, by what its reader sees. */
const KINDS = {
  prompt: 'A question for your reflection in Math',
  ask: 'Time to check in on your goals in Math',
  digest: 'Your digest of',
  round: 'Peer observation in Math',
  nudge: 'Please post them',
} as const;
type Kind = keyof typeof KINDS;

/** The direct messages of a kind, as `name day` (the UTC date it came on), in order. */
function dmsOf(kind: Kind, from = '', to = '9999'): string[] {
  return sent
    .filter((s) => s.to.startsWith('@') && s.text.includes(KINDS[kind]) && s.at >= from && s.at < to)
    .map((s) => `${s.to.slice(1)} ${s.at.slice(0, 10)}`);
}

/** Who had which duty in each meeting reminder posted in the channel, by the meeting's date. */
function duties(from = '', to = '9999'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sent.filter((x) => x.to === '#math' && x.at >= from && x.at < to)) {
    const meets = /Math meets (\w+, \w+ \d+)/.exec(s.text);
    const duty = /Facilitator: @(\w+)\nNote-taker: @(\w+)/.exec(s.text);
    if (meets && duty) out[meets[1] as string] = `${duty[1]}+${duty[2]}`;
  }
  return out;
}

const math = (): Community => {
  const ws = app.store.workspaces.find('console', 'school-a');
  const c = ws && app.store.communities.findByName(ws.id, 'Math');
  if (!c) throw new Error('no Math');
  return c;
};

/** Everyone in each observation round started in the period, by the round's start (UTC date). */
function rounds(from = '', to = '9999'): Record<string, string[]> {
  const repo = pairing(app.store);
  const out: Record<string, string[]> = {};
  const community = math();
  for (const round of repo.roundsBetween(community.id, 0, Number.MAX_SAFE_INTEGER)) {
    const day = new Date(round.startedAt).toISOString();
    if (day < from || day >= to) continue;
    const names = repo
      .visits(round.id)
      .filter((v) => v.cancelledAt === null)
      .flatMap((v) =>
        [v.observerId, v.observedId].map((id) => (id === null ? '?' : app.store.users.get(community.workspaceId, id)?.displayName)),
      );
    out[day.slice(0, 10)] = [...new Set(names)].sort() as string[];
  }
  return out;
}

describe('a paused person, in every capability', () => {
  /** ana pauses on Tuesday 1 September until Tuesday 15 September (her zone: UTC). */
  const PAUSE_ENDS = '2026-09-15T00:00:00.000Z';

  it('hears nothing, holds no duty and is paired in no round, while the others go on', async () => {
    expect(say('ana', 'pause until 2026-09-15', null)).toContain('You are paused until Tuesday, September 15, 2026.');
    await app.advance(Date.parse(PAUSE_ENDS) - 1);

    // Direct messages of every kind: none to ana, while ben and carla get theirs.
    expect(sent.filter((s) => s.to === '@ana')).toEqual([]);
    expect(dmsOf('prompt').filter((d) => d.startsWith('ben'))).toEqual(['ben 2026-09-04', 'ben 2026-09-11']);
    expect(dmsOf('ask').filter((d) => d.startsWith('ben'))).toEqual(['ben 2026-09-03', 'ben 2026-09-10']);
    expect(dmsOf('digest')).toEqual(['carla 2026-09-07', 'carla 2026-09-14']);
    // Meeting duties (and so the note-taker's nudge): never ana's.
    const held = duties();
    expect(Object.keys(held)).toEqual(['Wednesday, September 2', 'Wednesday, September 9']);
    expect(Object.values(held).filter((d) => d.includes('ana'))).toEqual([]);
    expect(dmsOf('nudge').length).toBeGreaterThan(0);
    // Observation rounds: everyone but ana.
    expect(rounds()).toEqual({
      '2026-09-07': ['ben', 'carla', 'dora', 'eli'],
      '2026-09-14': ['ben', 'carla', 'dora', 'eli'],
    });
  });

  it('comes back by itself when the pause ends, with no pile of what was missed', async () => {
    say('ana', 'pause until 2026-09-15', null);
    await app.advance(Date.parse(PAUSE_ENDS) - 1);
    expect(sent.filter((s) => s.to === '@ana')).toEqual([]);
    // Nobody types resume: the clock passes the end of the pause.
    await app.advance(Date.parse('2026-10-01T00:00:00Z'));

    expect(dmsOf('prompt', PAUSE_ENDS).filter((d) => d.startsWith('ana'))).toEqual(['ana 2026-09-18', 'ana 2026-09-25']);
    expect(dmsOf('ask', PAUSE_ENDS).filter((d) => d.startsWith('ana'))).toEqual(['ana 2026-09-17', 'ana 2026-09-24']);
    expect(dmsOf('digest', PAUSE_ENDS).filter((d) => d.startsWith('ana'))).toEqual(['ana 2026-09-21', 'ana 2026-09-28']);
    expect(Object.values(rounds(PAUSE_ENDS)).every((people) => people.includes('ana'))).toBe(true);
    expect(Object.keys(rounds(PAUSE_ENDS))).toEqual(['2026-09-21', '2026-09-28']);
    // Two duties a meeting among five people: in three meetings ana has one again.
    const after = duties(PAUSE_ENDS);
    expect(Object.keys(after)).toEqual(['Wednesday, September 16', 'Wednesday, September 23', 'Wednesday, September 30']);
    expect(Object.values(after).some((d) => d.includes('ana'))).toBe(true);
    expect(say('ana', 'resume', null)).toBe('You are not paused.');
  });
});

describe('a holiday of the whole school (holiday all)', () => {
  /** The autumn break: Monday 5 to Friday 16 October. */
  const BREAK = ['2026-10-05T00:00:00.000Z', '2026-10-17T00:00:00.000Z'] as const;

  beforeEach(async () => {
    expect(say('carla', 'holiday all 2026-10-05 2026-10-16 Autumn break')).toContain('A holiday for the whole school');
    await app.advance(Date.parse('2026-10-25T00:00:00Z'));
  });

  it('skips the meetings, and the channel is told once', () => {
    expect(Object.keys(duties('2026-09-28'))).toEqual(['Wednesday, September 30', 'Wednesday, October 21']);
    const inBreak = sent.filter((s) => s.to === '#math' && s.at >= BREAK[0] && s.at < BREAK[1]).map((s) => s.text);
    expect(inBreak).toEqual([
      'Math does not meet on these days: Wednesday, October 7, 2026; Wednesday, October 14, 2026 (Autumn break).\nThe next meeting is Wednesday, October 21 at 15:30.',
    ]);
  });

  it('asks nobody to reflect or to check in during it', () => {
    expect(dmsOf('prompt', ...BREAK)).toEqual([]);
    expect(dmsOf('ask', ...BREAK)).toEqual([]);
    // Before and after the break, each of the five is asked to reflect and the goals' owners to check in.
    expect(dmsOf('prompt', '2026-10-17', '2026-10-25')).toHaveLength(5);
    expect(dmsOf('ask', '2026-10-17', '2026-10-25').sort()).toEqual(['ana 2026-10-22', 'ben 2026-10-22']);
    expect(dmsOf('prompt', '2026-09-28', BREAK[0])).toHaveLength(5);
  });

  it('starts no observation round in it', () => {
    expect(Object.keys(rounds('2026-09-28'))).toEqual(['2026-09-28', '2026-10-19']);
  });

  it('sends no digest in it: the next one, after the break, covers the last 30 days as always', () => {
    expect(dmsOf('digest', ...BREAK)).toEqual([]);
    expect(dmsOf('digest', '2026-09-28').sort()).toEqual(['ana 2026-09-28', 'ana 2026-10-19', 'carla 2026-09-28', 'carla 2026-10-19']);
  });
});
