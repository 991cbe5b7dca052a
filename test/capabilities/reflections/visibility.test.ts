import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reflections } from '../../../src/capabilities/reflections/index.js';
import { repos } from '../../../src/capabilities/reflections/store/index.js';
import { type TestApp, testApp } from '../../support/app.js';
import { sayAs } from './school.js';

/**
 * The visibility matrix: ana writes one reflection of each kind in Math; everyone else asks for them through every
 * list and answer. Words that only ana wrote show whether anything leaked.
 */
let app: TestApp;
const refs: Record<'private' | 'team' | 'coordinator', number> = { private: 0, team: 0, coordinator: 0 };
const WORDS = { private: 'PRIVATE-WORDS', team: 'TEAM-WORDS', coordinator: 'COORDINATOR-WORDS' } as const;

type Who = 'ana' | 'ben' | 'lena' | 'cora' | 'gus' | 'sam' | 'wes';
const where: Record<Who, { workspace?: string; channel: string | null }> = {
  ana: { channel: 'math' },
  ben: { channel: 'math' },
  lena: { channel: 'math' },
  cora: { channel: 'math' },
  gus: { channel: 'math' },
  sam: { channel: 'science' },
  wes: { workspace: 'school-b', channel: 'math' },
};
const ask = (who: Who, text: string) => sayAs(app, who, text, where[who]);

beforeAll(() => {
  app = testApp();
  const a = (user: string, text: string, channel = 'math', workspace = 'school-a') => sayAs(app, user, text, { channel, workspace });
  a('carla', 'create Math');
  a('carla', 'create Science', 'science');
  for (const p of ['ana', 'ben', 'lena', 'gus']) a(p, 'join');
  a('sam', 'join', 'science');
  a('carla', 'role @lena lead');
  a('carla', 'role @gus guest');
  a('carla', 'coordinator add @cora');
  a('carla', 'leave');
  // Another school, with a community of the same name and a reflection of its own, numbered past ana's.
  a('wes', 'create Math', 'math', 'school-b');
  for (let i = 0; i < 5; i++) a('wes', `agenda add Item ${i}`, 'math', 'school-b');
  a('wes', 'reflect team Our own school-b words', 'math', 'school-b');
  for (const kind of ['private', 'team', 'coordinator'] as const) {
    const option = kind === 'private' ? '' : `${kind} `;
    const saved = a('ana', `reflect ${option}${WORDS[kind]}`);
    refs[kind] = Number(/#(\d+)/.exec(saved)?.[1]);
  }
});
afterAll(async () => {
  await app.dispose();
});

/** Which of ana's reflections each person may read. */
const mayRead: Record<Who, ('private' | 'team' | 'coordinator')[]> = {
  ana: ['private', 'team', 'coordinator'],
  ben: ['team'],
  lena: ['team', 'coordinator'],
  cora: ['coordinator'],
  gus: [],
  sam: [],
  wes: [],
};
const kinds = ['private', 'team', 'coordinator'] as const;
const others: Who[] = ['ben', 'lena', 'cora', 'gus', 'sam', 'wes'];

describe('who reads which reflection', () => {
  it('gave the three reflections their numbers', () => {
    expect(Object.values(refs).every((n) => n > 0)).toBe(true);
  });

  it.each(others)('%s sees none of ana’s reflections in their own list', (who) => {
    const mine = ask(who, 'reflections');
    for (const kind of kinds) expect(mine).not.toContain(WORDS[kind]);
  });

  it('ana sees all three in her own list, with who reads each', () => {
    const mine = ask('ana', 'reflections');
    for (const kind of kinds) expect(mine).toContain(WORDS[kind]);
    expect(mine).toContain('· private');
    expect(mine).toContain('· team');
    expect(mine).toContain('· leads and coordinators');
  });

  it.each(['ben', 'lena', 'cora'] as const)('%s sees exactly what their role allows in “reflections team”', (who) => {
    const team = ask(who, 'in Math reflections team');
    for (const kind of kinds) {
      if (mayRead[who].includes(kind)) expect(team).toContain(WORDS[kind]);
      else expect(team).not.toContain(WORDS[kind]);
    }
  });

  it('ana does not find her own in “reflections team”, which is the others’', () => {
    expect(ask('ana', 'reflections team')).toContain('Nobody in Math has shared a reflection that you may read.');
  });

  it('refuses the guest, and a member of another community, the team list of Math', () => {
    expect(ask('gus', 'reflections team')).toContain('Guests of Math don’t take part in that');
    expect(ask('sam', 'in Math reflections team')).toContain('You are not a member of Math');
    for (const who of ['gus', 'sam'] as const)
      for (const kind of kinds) expect(ask(who, 'in Math reflections team')).not.toContain(WORDS[kind]);
  });

  it('shows the other school only its own reflections, even under a community of the same name', () => {
    const team = ask('wes', 'reflections team');
    for (const kind of kinds) expect(team).not.toContain(WORDS[kind]);
    expect(ask('wes', 'reflections')).toContain('Our own school-b words');
  });

  it.each(others.flatMap((who) => kinds.map((kind) => [who, kind] as const)))(
    '%s asking for ana’s %s reflection by number',
    (who, kind) => {
      const shown = ask(who, `reflection #${refs[kind]}`);
      if (mayRead[who].includes(kind)) expect(shown).toContain(WORDS[kind]);
      // Not readable: the same answer as a number nobody has, so existence does not leak.
      else expect(shown).toBe(ask(who, 'reflection #99999').replace('#99999', `#${refs[kind]}`));
    },
  );

  it.each(others.flatMap((who) => kinds.map((kind) => [who, kind] as const)))(
    '%s cannot edit or delete ana’s %s reflection, and is answered as for an unknown number',
    (who, kind) => {
      const unknown = (verb: string) =>
        ask(who, `reflection ${verb} #99999${verb === 'edit' ? ' changed' : ''}`).replace('#99999', `#${refs[kind]}`);
      expect(ask(who, `reflection edit #${refs[kind]} changed`)).toBe(unknown('edit'));
      expect(ask(who, `reflection delete #${refs[kind]}`)).toBe(unknown('delete'));
    },
  );

  it('left every reflection of ana’s as she wrote it', () => {
    const mine = ask('ana', 'reflections');
    for (const kind of kinds) expect(mine).toContain(WORDS[kind]);
    expect(mine).not.toContain('changed');
  });

  it('offers search only the shared ones, with their readers by role and their author', () => {
    const { store } = app;
    const ws = store.workspaces.find('console', 'school-a');
    const math = store.communities.findByName(ws?.id as number, 'Math');
    const id = (name: string) => store.users.findByExternal(ws?.id as number, name)?.id as number;
    const docs = reflections.searchable?.(math as NonNullable<typeof math>, { store, now: app.clock.now().getTime(), log: app.log }) ?? [];
    expect(docs.map((d) => d.text)).toEqual([WORDS.team, WORDS.coordinator]);
    expect(docs.map((d) => d.readers)).toEqual([
      { kind: 'participants', userIds: [id('ana')] },
      { kind: 'leads', userIds: [id('ana')] },
    ]);
  });

  it.each(Object.keys(where) as Who[])('lets %s find by search only what they may read', (who) => {
    for (const kind of ['team', 'coordinator'] as const) {
      const found = ask(who, `search ${WORDS[kind].split('-')[0]?.toLowerCase()} words`);
      if (mayRead[who].includes(kind)) expect(found).toContain(WORDS[kind]);
      else expect(found).not.toContain(WORDS[kind]);
    }
    expect(ask(who, 'search private words')).not.toContain(WORDS.private);
  });

  it('counts for summaries without saying who or what', () => {
    const { store } = app;
    const ws = store.workspaces.find('console', 'school-a');
    const math = store.communities.findByName(ws?.id as number, 'Math') as NonNullable<ReturnType<typeof store.communities.findByName>>;
    const figures = reflections.figures?.(math, { from: 0, to: app.clock.now().getTime() + 1 }, { store, now: 0, log: app.log });
    expect(figures).toEqual({ 'reflections.count': 3, 'reflections.reflectors': 1, 'reflections.shared': 2 });
    expect(repos(store).reflections.counts(math.id, 0, 1)).toEqual({ count: 0, reflectors: 0, shared: 0 });
  });
});
