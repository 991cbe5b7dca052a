import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { knowledge } from '../../../src/capabilities/knowledge/index.js';
import { type TestApp, testApp } from '../../support/app.js';
import { answerText, run } from '../../support/bot.js';
import { DAY, recordSends, type Sent } from '../meetings/recorder.js';

let app: TestApp;
let sent: Sent[];
const say = (user: string, text: string, channel: string | null = 'math') => answerText(run(app, user, text, { channel }));
const count = (table: string) => (app.store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeEach(() => {
  app = testApp();
  sent = recordSends(app);
  say('carla', 'create Math');
  for (const p of ['ana', 'ben', 'cura', 'gus']) say(p, 'join');
  say('carla', 'role @cura curator');
  say('carla', 'role @gus guest');
});
afterEach(async () => {
  await app.dispose();
});

describe('share', () => {
  it('keeps a link with its tags, sharer and date, and lists it', () => {
    expect(say('ana', 'share #Fractions #Brüche https://example.org/exit-tickets Exit tickets that work')).toBe(
      'Added to the library of Math as #1.',
    );
    expect(say('ben', 'resources')).toContain(
      '#1 #Fractions #Brüche https://example.org/exit-tickets Exit tickets that work — shared by ana',
    );
    expect(say('ben', 'resources #brüche')).toContain('#1');
    expect(say('ben', 'resources #BRÜCHE')).toContain('#1');
    expect(say('ben', 'resources #geometry')).toContain('Nothing in the library matches that.');
  });

  it('keeps a lesson idea without a link, with tags in any script', () => {
    say('ana', 'share #قراءة #læsning Start with a picture walk before reading');
    const list = say('ben', 'resources #قراءة');
    expect(list).toContain('Start with a picture walk');
    expect(say('ben', 'resources #læsning')).toContain('Start with a picture walk');
  });

  it('does not take a Slack channel link for a tag', () => {
    say('ana', 'share see <#C123|math> for the rubric');
    expect(app.store.db.prepare('SELECT COUNT(*) AS n FROM knowledge_resource_tags').get()).toEqual({ n: 0 });
  });

  it.each([
    ['a javascript: link', 'share javascript:alert(1)', 'not a “javascript:” link'],
    ['a file: link', 'share file:///etc/passwd', 'not a “file:” link'],
    ['a data: link', 'share look data:text/html;base64,PHNjcmlwdD4=', 'not a “data:” link'],
    ['an ftp link', 'share ftp://example.org/x', 'not a “ftp:” link'],
    ['a link over 2,000 characters', `share https://example.org/${'a'.repeat(2000)}`, 'I keep links of up to 2,000'],
    ['text over 4,000 characters', `share ${'word '.repeat(900)}`, 'That text has 4,'],
    ['a tag over 50 characters', `share #${'a'.repeat(51)} idea`, 'at most 50 characters'],
    ['nothing at all', 'share', ''],
  ])('refuses %s, clearly, and changes nothing', (_, command, words) => {
    const answer = say('ana', command);
    expect(answer).toContain(words);
    expect(count('knowledge_resources')).toBe(0);
    expect(count('search_docs')).toBe(0);
    expect(app.store.jobs.pendingInTopic('x')).toEqual([]);
  });

  it('refuses in the asker’s language', () => {
    say('ana', 'lang de');
    expect(say('ana', 'share javascript:alert(1)')).toBe(
      'Ich speichere nur Weblinks (http oder https), keinen „javascript:“-Link. Es wurde nichts gespeichert.',
    );
  });

  it('a typed save says where the message action is, and saves nothing', () => {
    expect(say('ana', 'save')).toContain('Save to PLC library');
    expect(count('knowledge_resources')).toBe(0);
  });
});

describe('resources', () => {
  it('shows pinned first, then newest, ten at a time with a More button', () => {
    for (let i = 1; i <= 12; i++) {
      say('ana', `share Idea number ${i}`);
      app.clock.set(app.clock.now().getTime() + 60_000);
    }
    say('cura', 'resource pin #3');
    const first = run(app, 'ben', 'resources', { channel: 'math' });
    const text = answerText(first);
    const lines = text.split('\n').filter((l) => l.startsWith('•'));
    expect(lines).toHaveLength(10);
    expect(lines[0]).toContain('📌 #3 Idea number 3');
    expect(lines[1]).toContain('#12 Idea number 12');
    expect(text).toContain('1–10 of 12');
    const view = first.deliveries[0]?.view;
    const more = view?.blocks.find((b) => b.type === 'actions');
    expect(more && more.type === 'actions' ? more.buttons[0]?.command : null).toBe('in Math resources page 2');
    const second = say('ben', 'in Math resources page 2');
    expect(second).toContain('#2 Idea number 2');
    expect(second).toContain('#1 Idea number 1');
    expect(second).toContain('11–12 of 12');
  });

  it('filters by words, folded as the search folds them', () => {
    say('ana', 'share Leseförderung im Mathematikunterricht');
    say('ana', 'share Geometry warm-ups');
    const found = say('ben', 'resources förderung');
    expect(found).toContain('Leseförderung');
    expect(found).not.toContain('Geometry');
    expect(say('ben', 'resources FORDERUNG')).toContain('Leseförderung');
  });

  it('shows an empty library with the command that fills it', () => {
    expect(say('ben', 'resources')).toContain('The library is empty so far. Add the first resource with /plc share <link or text>.');
  });
});

describe('removing and pinning', () => {
  beforeEach(() => {
    say('ana', 'share https://example.org/rubric A rubric');
  });

  it('the sharer, a curator or a lead may remove a resource; another member may not', () => {
    expect(say('ben', 'resource remove #1')).toBe('Only whoever shared #1, the author of the message, a curator or a lead can remove it.');
    expect(count('knowledge_resources')).toBe(1);
    expect(say('ana', 'resource remove #1')).toBe('#1 is removed from the library.');
    expect(count('knowledge_resources')).toBe(0);
    expect(count('search_docs')).toBe(0);
    say('ana', 'share Another one');
    expect(say('cura', 'resource remove #2')).toBe('#2 is removed from the library.');
    say('ana', 'share A third');
    expect(say('carla', 'resource remove #3')).toBe('#3 is removed from the library.');
  });

  it('a curator or a lead may pin; a member may not', () => {
    expect(say('ana', 'resource pin #1')).toBe('Only a curator or a lead of Math can pin resources.');
    expect(say('cura', 'resource pin #1')).toBe('#1 is pinned to the top of the library.');
    expect(say('carla', 'resource pin #1')).toBe('#1 is already pinned.');
    expect(say('carla', 'resource unpin #1')).toBe('#1 is no longer pinned.');
    expect(say('carla', 'resource pin #9')).toBe('Math has no resource #9.');
  });

  it('pinned resources head the home view', () => {
    say('cura', 'resource pin #1');
    const home = say('ben', 'home', null);
    expect(home).toContain('Pinned in the library of Math');
    expect(home).toContain('📌 #1 https://example.org/rubric A rubric');
  });
});

describe('the weekly note', () => {
  it('tells the channel what is new on Friday, once, and only in a week something was added', async () => {
    say('ana', 'share #fractions Exit tickets');
    say('ben', 'share Number talks');
    // Tuesday 1 September: the note goes out on Friday 4 September at 15:00 (UTC, the community's zone).
    await app.advance(Date.parse('2026-09-04T14:59:00Z'));
    expect(sent.filter((s) => s.text.includes('New in the library'))).toEqual([]);
    await app.advance(Date.parse('2026-09-04T15:00:00Z'));
    const notes = sent.filter((s) => s.text.includes('New in the library'));
    expect(notes).toHaveLength(1);
    expect(notes[0]?.to).toBe('#math');
    expect(notes[0]?.text).toContain('2 resources were added this week:');
    expect(notes[0]?.text).toContain('Exit tickets');
    expect(notes[0]?.text).toContain('/plc resources');
    // A week with nothing new sends nothing.
    await app.advance(Date.parse('2026-09-04T15:00:00Z') + 14 * DAY);
    expect(sent.filter((s) => s.text.includes('New in the library'))).toHaveLength(1);
  });

  it('is not sent when everything added that week was removed again', async () => {
    say('ana', 'share Oops');
    say('ana', 'resource remove #1');
    await app.advance(Date.parse('2026-09-05T00:00:00Z'));
    expect(sent.filter((s) => s.text.includes('New in the library'))).toEqual([]);
  });
});

describe('personal data', () => {
  it('exports what a person shared, saved and wrote; forgetting credits it to a former member', () => {
    say('ana', 'share https://example.org/x Exit tickets');
    say('carla', 'role @ana lead');
    say('ana', 'norms add We start on time');
    const workspace = app.store.workspaces.find('console', 'school-a');
    const ana = workspace && app.store.users.findByExternal(workspace.id, 'ana');
    if (!workspace || !ana) throw new Error('no ana');
    const holder = app.personalData().find((h) => h.name === 'knowledge');
    const env = { store: app.store, now: app.clock.now().getTime(), log: app.log };
    const exported = holder?.personalData.export({ workspace, user: ana }, env) as Record<string, { text: string }[]>;
    expect(exported.resourcesShared?.map((r) => r.text)).toEqual(['https://example.org/x Exit tickets']);
    expect(exported.norms?.map((r) => r.text)).toEqual(['We start on time']);
    app.store.transaction(() => holder?.personalData.forget({ workspace, user: ana }, env));
    expect(say('ben', 'resources')).toContain('— shared by a former member');
    expect(say('ben', 'norms')).toContain('We start on time');
  });
});

describe('figures', () => {
  it('counts the library, what was added in the period, and the norms', () => {
    say('ana', 'share One');
    app.clock.set(app.clock.now().getTime() + DAY);
    say('ana', 'share Two');
    say('carla', 'norms add Listen first');
    const workspace = app.store.workspaces.find('console', 'school-a');
    const math = workspace && app.store.communities.findByName(workspace.id, 'Math');
    if (!math) throw new Error('no Math');
    const now = app.clock.now().getTime();
    const env = { store: app.store, now, log: app.log };
    expect(knowledge.figures?.(math, { from: now - DAY / 2, to: now + 1 }, env)).toEqual({
      'knowledge.resources': 2,
      'knowledge.resourcesAdded': 1,
      'knowledge.norms': 1,
    });
  });
});
