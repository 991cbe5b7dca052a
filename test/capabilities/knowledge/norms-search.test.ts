import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capabilities } from '../../../src/capabilities.js';
import { searchIndex } from '../../../src/search/index.js';
import { rebuildSearchIfStale } from '../../../src/search/rebuild.js';
import type { Community } from '../../../src/store/communities.js';
import { type TestApp, testApp } from '../../support/app.js';
import { answerText, run } from '../../support/bot.js';
import { DAY, recordSends, type Sent } from '../meetings/recorder.js';

let app: TestApp;
let sent: Sent[];
const say = (user: string, text: string, channel: string | null = 'math', workspace?: string) =>
  answerText(run(app, user, text, { channel, ...(workspace ? { workspace } : {}) }));

function community(name: string): Community {
  const workspace = app.store.workspaces.find('console', 'school-a');
  const found = workspace && app.store.communities.findByName(workspace.id, name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}
function userId(name: string): number {
  const workspace = app.store.workspaces.find('console', 'school-a');
  const found = workspace && app.store.users.findByExternal(workspace.id, name);
  if (!found) throw new Error(`no ${name}`);
  return found.id;
}

beforeEach(() => {
  app = testApp();
  sent = recordSends(app);
  say('carla', 'create Math');
  for (const p of ['ana', 'ben', 'gus', 'lena']) say(p, 'join');
  say('carla', 'role @gus guest');
  say('carla', 'role @lena lead');
  say('carla', 'create Science', 'science');
  say('sam', 'join', 'science');
});
afterEach(async () => {
  await app.dispose();
});

describe('norms', () => {
  it('a lead adds and removes norms; everyone reads them; a member cannot change them', () => {
    expect(say('lena', 'norms add We start and end on time')).toBe('Norm #1 is added for Math.');
    say('lena', 'norms add Everyone speaks before anyone speaks twice');
    expect(say('ana', 'norms add Phones away')).toBe('Only a lead of Math or a coordinator can do that.');
    const list = say('gus', 'norms');
    expect(list).toContain('== Norms of Math ==');
    expect(list).toContain('• #1 We start and end on time');
    expect(list).toContain('• #2 Everyone speaks before anyone speaks twice');
    expect(say('ana', 'norms remove #1')).toBe('Only a lead of Math or a coordinator can do that.');
    expect(say('lena', 'norms remove #1')).toBe('Norm #1 is removed.');
    expect(say('lena', 'norms remove #1')).toBe('Math has no norm #1.');
    expect(say('ana', 'norms')).not.toContain('on time');
  });

  it('head every meeting reminder in short form, with the command for the whole list', async () => {
    for (const n of ['We start and end on time', 'Everyone speaks before anyone speaks twice', 'Assume good intent', 'Phones away'])
      say('carla', `norms add ${n}`);
    say('carla', 'schedule weekly wed 15:30');
    await app.advance(app.clock.now().getTime() + 2 * DAY);
    const reminder = sent.find(
      (s) => s.to === '#math' && s.text.includes('Exit') === false && s.text.includes('RSVP') === false && s.text.includes('Our norms'),
    );
    expect(reminder?.text).toContain(
      'Our norms: We start and end on time · Everyone speaks before anyone speaks twice · Assume good intent (and one more) — all of them: /plc norms',
    );
    // The norms come first, right under the reminder's heading.
    const blocks = reminder?.view.blocks ?? [];
    expect(blocks[0]?.type).toBe('heading');
    expect(blocks[1]?.type).toBe('context');
  });

  it('a reminder of a team without norms has no norms line', async () => {
    say('carla', 'schedule weekly wed 15:30');
    await app.advance(app.clock.now().getTime() + 2 * DAY);
    const reminders = sent.filter((s) => s.to === '#math');
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.some((s) => s.text.includes('Our norms'))).toBe(false);
  });

  it('the team is asked to review them every twelve weeks while it has any', async () => {
    say('carla', 'norms add We start on time');
    const start = app.clock.now().getTime();
    await app.advance(start + 12 * 7 * DAY - DAY);
    expect(sent.filter((s) => s.text.includes('look at its'))).toEqual([]);
    await app.advance(start + 12 * 7 * DAY + DAY);
    const asks = sent.filter((s) => s.text.includes('look at its'));
    expect(asks).toHaveLength(1);
    expect(asks[0]?.text).toContain('It has been 12 weeks: a good moment for Math to look at its norm again.');
    say('carla', 'norms remove #1');
    await app.advance(start + 30 * 7 * DAY);
    expect(sent.filter((s) => s.text.includes('look at its'))).toHaveLength(1);
  });

  it('with terms marked, the team is asked at each term start instead, once however often the term is typed', async () => {
    const start = app.clock.now().getTime();
    say('carla', 'norms add We start on time');
    say('lena', 'norms add We bring student work');
    // Nine weeks on, a term start four weeks later is marked (twice): it replaces the twelve-week ask.
    await app.advance(start + 9 * 7 * DAY);
    say('carla', 'term start 2026-12-01 Winter term', null);
    say('carla', 'term start 2026-12-01 Winter term', null);
    await app.advance(Date.parse('2026-11-30T12:00:00Z'));
    expect(sent.filter((s) => s.text.includes('look at its'))).toEqual([]);
    await app.advance(Date.parse('2026-12-02T00:00:00Z'));
    const asks = sent.filter((s) => s.text.includes('look at its'));
    expect(asks.map((s) => `${s.to} ${s.at}`)).toEqual(['#math 2026-12-01T09:00:00.000Z']);
    expect(asks[0]?.text).toContain('A new term begins: a good moment for Math to look at its 2 norms again.');
    // No term start ahead: twelve weeks on again, and Science, with no norms, is never asked.
    await app.advance(Date.parse('2027-02-23T12:00:00Z'));
    expect(sent.filter((s) => s.text.includes('look at its')).map((s) => s.at)).toEqual([
      '2026-12-01T09:00:00.000Z',
      '2027-02-23T09:00:00.000Z',
    ]);
    expect(sent.filter((s) => s.to === '#science')).toEqual([]);
  });
});

describe('charter', () => {
  it('shows the mission and the norms; a lead writes the mission', () => {
    expect(say('ana', 'charter')).toContain('No mission is written down yet. A lead writes it with /plc charter mission <text>.');
    expect(say('ana', 'charter mission We learn from each other')).toBe('Only a lead of Math or a coordinator can do that.');
    say('lena', 'norms add We start on time');
    const charter = say('lena', 'charter mission We learn from each other, for every student');
    expect(charter).toContain('== Charter of Math ==');
    expect(charter).toContain('We learn from each other, for every student');
    expect(charter).toContain('What we agreed on:');
    expect(charter).toContain('• #1 We start on time');
  });

  it('heads help typed in the community’s channel, and only there', () => {
    say('lena', 'charter mission We learn from each other');
    const inChannel = say('ana', 'help');
    expect(inChannel.startsWith('== Charter of Math ==\nWe learn from each other')).toBe(true);
    expect(inChannel).toContain('/plc charter');
    expect(say('ana', 'help', null)).not.toContain('Charter of Math');
    expect(say('sam', 'help', 'science')).not.toContain('Charter of Math');
    // Help about one command stays about that command.
    expect(say('ana', 'help share')).not.toContain('Charter of Math');
  });
});

describe('search', () => {
  /** Texts of every kind of reader, as the reflections and pairing capabilities will index them. */
  function seedReaders(): void {
    const math = community('Math');
    const index = searchIndex(app.store);
    app.store.transaction(() => {
      index.put(math, {
        ref: 900,
        source: 'reflection',
        text: 'Rubric reflection shared with the team',
        at: 1,
        readers: { kind: 'participants' },
      });
      index.put(math, {
        ref: 901,
        source: 'reflection',
        text: 'Rubric reflection ana keeps private',
        at: 2,
        readers: { kind: 'people', userIds: [userId('ana')] },
      });
      index.put(math, {
        ref: 902,
        source: 'reflection',
        text: 'Rubric reflection for the coordinator',
        at: 3,
        readers: { kind: 'coordinators', userIds: [userId('ben')] },
      });
      index.put(math, { ref: 903, source: 'takeaway', text: 'Rubric takeaway for the leads', at: 4, readers: { kind: 'leads' } });
    });
    say('ben', 'share Rubric for lab reports');
  }

  const refsIn = (answer: string) => [...answer.matchAll(/^• (#\d+)/gm)].map((m) => m[1]);

  it('finds resources, norms and meeting notes, saying where each came from', async () => {
    say('ana', 'share #fractions Exit tickets for fractions');
    say('carla', 'norms add We bring student work about fractions');
    say('carla', 'schedule weekly tue 09:00');
    await app.advance(app.clock.now().getTime() + 2 * 3_600_000);
    expect(say('carla', 'notes We looked at fractions exit tickets together')).toContain('kept');
    const found = say('ben', 'search fractions');
    expect(found).toContain('== Search in Math: fractions ==');
    expect(found).toMatch(/• #1 · Library · .* — #fractions Exit tickets for fractions/);
    expect(found).toMatch(/• #2 · Norm · .* — We bring student work about fractions/);
    expect(found).toMatch(/· Meeting notes · .* — We looked at fractions exit tickets together/);
  });

  it('shows each person only what they may read: coordinator, lead, member, guest, author, another community, another workspace', () => {
    seedReaders();
    // carla is the coordinator, lena a lead, ben a member (and the author of the coordinator reflection), gus a guest.
    expect(refsIn(say('carla', 'search rubric')).sort()).toEqual(['#900', '#902', '#903', refsIn(say('ben', 'search lab'))[0]].sort());
    expect(refsIn(say('lena', 'search rubric')).sort()).toEqual(['#900', '#903', refsIn(say('ben', 'search lab'))[0]].sort());
    expect(refsIn(say('ben', 'search rubric')).sort()).toEqual(['#900', '#902', refsIn(say('ben', 'search lab'))[0]].sort());
    expect(refsIn(say('ana', 'search rubric')).sort()).toEqual(['#900', '#901', refsIn(say('ben', 'search lab'))[0]].sort());
    expect(refsIn(say('gus', 'search rubric'))).toEqual(refsIn(say('ben', 'search lab')));
    // The private reflection is in nobody else's results: no hit, no snippet, no count.
    for (const who of ['carla', 'lena', 'ben', 'gus']) {
      const answer = say(who, 'search private');
      expect(answer).not.toContain('keeps private');
      expect(answer).toContain('Nothing you can read in Math matches that.');
      expect(say(who, 'search ri')).not.toContain('keeps private');
    }
    expect(say('sam', 'search rubric', 'science')).toContain('Nothing you can read in Science matches that.');
    expect(say('sam', 'in Math search rubric', 'science')).toContain('You are not a member of Math');
    // Another workspace has its own Math, and finds nothing of this one's.
    say('olga', 'create Math', 'math', 'school-b');
    const other = say('olga', 'search rubric', 'math', 'school-b');
    expect(other).toContain('Nothing you can read in Math matches that.');
    expect(other).not.toContain('#9');
  });

  it('pages the hits ten at a time, best first, with a More button that repeats the search', () => {
    for (let i = 1; i <= 13; i++) say('ana', `share Fractions idea ${i}${i === 7 ? ', fractions again, fractions' : ''}`);
    const first = run(app, 'ben', 'search fractions', { channel: 'math' });
    const text = answerText(first);
    expect(refsIn(text)).toHaveLength(10);
    expect(refsIn(text)[0]).toBe('#7');
    expect(text).toContain('1–10 of 13');
    const actions = first.deliveries[0]?.view.blocks.find((b) => b.type === 'actions');
    expect(actions?.type === 'actions' ? actions.buttons[0]?.command : null).toBe('in Math search page 2 fractions');
    expect(refsIn(say('ben', 'in Math search page 2 fractions'))).toHaveLength(3);
  });

  it('reads FTS syntax as words and refuses a search with no words', () => {
    say('ana', 'share Exit tickets near the end of class, or after it');
    for (const q of ['"exit', 'exit*', '-exit', 'NEAR(exit tickets)', 'exit OR', '"exit tickets"'])
      expect(say('ben', `search ${q}`)).toContain('Exit tickets');
    expect(say('ben', 'search " * -')).toContain('Tell me a word or two to look for.');
    expect(say('ben', 'search')).toContain('Please add the text.');
  });

  it('shows snippets as plain text, which renderers escape', () => {
    say('ana', 'share <!channel> *bold* <@U1|boss> fractions');
    const h = run(app, 'ben', 'search fractions', { channel: 'math' });
    const list = h.deliveries[0]?.view.blocks.find((b) => b.type === 'list');
    const item = list?.type === 'list' ? list.items[0] : null;
    expect(typeof item).toBe('string');
    expect(item).toContain('<!channel> *bold*');
  });

  it('is rebuilt from every capability’s documents when the index is missing or outdated', async () => {
    say('ana', 'share Exit tickets');
    say('carla', 'schedule weekly tue 09:00');
    await app.advance(app.clock.now().getTime() + 2 * 3_600_000);
    say('carla', 'notes Exit tickets again');
    app.store.db.exec('DELETE FROM search_docs');
    expect(say('ben', 'search exit')).toContain('Nothing you can read');
    app.store.setMeta('search.version', 'old');
    rebuildSearchIfStale(capabilities(), { store: app.store, now: app.clock.now().getTime(), log: app.log });
    const found = say('ben', 'search exit');
    expect(found).toContain('Library');
    expect(found).toContain('Meeting notes');
  });

  it('rebuilds an archived community’s documents too, which its members may still search', () => {
    say('ana', 'share Exit tickets');
    expect(say('carla', 'archive')).not.toContain('Only');
    app.store.db.exec('DELETE FROM search_docs');
    app.store.setMeta('search.version', 'old');
    rebuildSearchIfStale(capabilities(), { store: app.store, now: app.clock.now().getTime(), log: app.log });
    expect(say('ben', 'in Math search exit', null)).toContain('Exit tickets');
  });
});
