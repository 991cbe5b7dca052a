import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.js';
import type { Readers } from '../../src/capability.js';
import { loadConfig } from '../../src/config.js';
import { askerOf, type SearchIndex, searchIndex, snippet } from '../../src/search/index.js';
import type { Community } from '../../src/store/communities.js';
import { Store } from '../../src/store/store.js';
import { type TestApp, testApp } from '../support/app.js';

let app: TestApp;
let index: SearchIndex;
let math: Community;
let science: Community;
let authorId: number;
let ref = 0;

function community(name: string): Community {
  const { store } = app;
  const { workspace } = store.workspaces.ensure('console', 'school-a', null, 0);
  const lead = store.users.upsert(workspace.id, { externalId: `${name}-lead`, displayName: `${name}-lead` }, 0);
  return store.communities.create(workspace.id, { name, channel: name, channelName: name, tz: 'UTC', locale: 'en', createdBy: lead.id }, 0);
}

function add(where: Community, text: string, readers: Readers = { kind: 'community' }, source = 'resource'): number {
  ref += 1;
  index.put(where, { ref, source, text, at: ref, readers });
  return ref;
}

/** The refs a person of `role` in `where` (a member by default) finds. */
const find = (query: string, where: Community = math, role: string | null = 'member', coordinator = false, userId = 999) =>
  index.search(askerOf(where.id, userId, role, coordinator), query).map((h) => h.ref);

beforeEach(() => {
  app = testApp();
  index = searchIndex(app.store);
  math = community('math');
  science = community('science');
  const { workspace } = app.store.workspaces.ensure('console', 'school-a', null, 0);
  authorId = app.store.users.upsert(workspace.id, { externalId: 'ana', displayName: 'ana' }, 0).id;
});
afterEach(async () => {
  await app.dispose();
});

describe('the search index finds words in every language', () => {
  it('German: a word inside a compound, with or without its umlaut and ß', () => {
    const a = add(math, 'Die Leseförderung in Klasse drei zeigt nach sechs Wochen deutliche Fortschritte.');
    const b = add(math, 'Straßenverkehrserziehung steht im Frühjahr für die vierten Klassen an.');
    add(math, 'Wir haben im Mathematikunterricht Lerntagebücher eingeführt.');
    expect(find('förderung')).toEqual([a]);
    expect(find('FORDERUNG')).toEqual([a]);
    expect(find('strasse')).toEqual([b]);
    expect(find('Frühjahr Klassen')).toEqual([b]);
  });

  it('Danish: æ, ø and å fold, and a word of a compound is found', () => {
    const a = add(math, 'Øvelserne med brøker fungerede bedst i små grupper.');
    const b = add(math, 'Læringsfællesskabet vil samle gode eksempler på feedback til eleverne.');
    expect(find('ovelserne')).toEqual([a]);
    expect(find('brøker')).toEqual([a]);
    expect(find('fællesskab')).toEqual([b]);
    expect(find('sma grupper')).toEqual([a]);
  });

  it('Dutch: the diaeresis folds and compounds are found', () => {
    const a = add(math, 'De ideeën voor differentiatie komen uit de studiedag van oktober.');
    const b = add(math, 'De leesbevordering in groep vijf laat na zes weken duidelijke vooruitgang zien.');
    expect(find('ideeen')).toEqual([a]);
    expect(find('bevordering')).toEqual([b]);
    expect(find('Coöperatief')).toEqual([]);
  });

  it('Arabic: diacritics, tatweel and the forms of alef, yaa and taa marbuta fold', () => {
    const a = add(math, 'اتفق المُعَلِّمُونَ على أن نبدأ كل اجتماع بنجاح من الأسبوع.');
    const b = add(math, 'تحتاج مجموعة القراءة إلى وقت أطول مع النصوص المعلوماتية قبل التقييم.');
    expect(find('المعلمون')).toEqual([a]);
    expect(find('علي')).toEqual([a]);
    expect(find('الاسبوع')).toEqual([a]);
    expect(find('مجموعه القراءه')).toEqual([b]);
    expect(find('الـقـراءة')).toEqual([b]);
  });

  it('English: every word must match, and the better match comes first', () => {
    const once = add(
      math,
      'Exit tickets showed that most students still confuse numerators and denominators in the long fractions unit we taught.',
    );
    const twice = add(math, 'Fractions, fractions: exit tickets on fractions.');
    add(math, 'We tried think-pair-share and the quiet students spoke up more.');
    expect(find('fractions')).toEqual([twice, once]);
    expect(find('exit tickets students')).toEqual([once]);
    expect(find('"exit tickets"')).toEqual([twice, once]);
  });

  it('searches of one or two characters look at the community’s rows directly', () => {
    const a = add(math, 'Grade 5 reading groups');
    add(science, 'Grade 5 lab safety');
    expect(find('5')).toEqual([a]);
    expect(find('5 reading')).toEqual([a]);
    expect(find('ab', science)).toEqual([ref]);
  });

  it('FTS syntax in a search is read as words, never as an error', () => {
    const a = add(math, 'Fractions with exit tickets, NEAR the end of class.');
    for (const q of [
      '"fractions',
      'fractions"',
      'fract*',
      '-fractions',
      'NEAR(fractions exit)',
      'fractions OR',
      'AND',
      '(',
      '^',
      ':',
      '"""',
    ])
      expect(() => find(q)).not.toThrow();
    expect(find('"fractions')).toEqual([a]);
    expect(find('NEAR')).toEqual([a]);
    expect(find('fract*')).toEqual([a]);
  });
});

describe('the search index keeps communities and readers apart', () => {
  it('never finds another community’s text', () => {
    add(science, 'Fractions in the science lab');
    expect(find('fractions')).toEqual([]);
    expect(find('fr')).toEqual([]);
  });

  it('finds a text only for those its readers name, at every level', () => {
    const everyone = add(math, 'rubric for everyone');
    const team = add(math, 'rubric for the team', { kind: 'participants' });
    const leads = add(math, 'rubric for leads', { kind: 'leads' });
    const coordinators = add(math, 'rubric for the coordinator', { kind: 'coordinators', userIds: [authorId] });
    const own = add(math, 'rubric only for ana', { kind: 'people', userIds: [authorId] });
    const at = (role: string | null, coordinator = false, userId = 999) => new Set(find('rubric', math, role, coordinator, userId));
    expect(at('guest')).toEqual(new Set([everyone]));
    expect(at('member')).toEqual(new Set([everyone, team]));
    expect(at('lead')).toEqual(new Set([everyone, team, leads]));
    // A coordinator reads every level of the community but the team's, unless they belong to it.
    expect(at(null, true)).toEqual(new Set([everyone, leads, coordinators]));
    expect(at('guest', true)).toEqual(new Set([everyone, leads, coordinators]));
    expect(at('member', true)).toEqual(new Set([everyone, team, leads, coordinators]));
    expect(at('guest', false, authorId)).toEqual(new Set([everyone, coordinators, own]));
    expect(at('member', false, authorId)).toEqual(new Set([everyone, team, coordinators, own]));
    // Short searches take the same road.
    expect(new Set(find('ru'))).toEqual(new Set([everyone, team]));
    expect(new Set(find('ru', math, null, true))).toEqual(new Set([everyone, leads, coordinators]));
  });

  it('a team text names its author, who finds it once, whatever their role becomes; a coordinator from outside does not', () => {
    const team = add(math, 'rubric by ana for the team', { kind: 'participants', userIds: [authorId] });
    expect(find('rubric', math, 'member', false, authorId)).toEqual([team]);
    expect(find('rubric', math, 'guest', false, authorId)).toEqual([team]);
    expect(find('rubric', math, null, true, authorId)).toEqual([team]);
    expect(find('ru', math, null, true, authorId)).toEqual([team]);
    expect(find('rubric', math, null, true)).toEqual([]);
    expect(find('rubric', math, 'guest')).toEqual([]);
  });

  it('a document put again replaces the old one, with its new readers', () => {
    const r = add(math, 'private first draft', { kind: 'people', userIds: [authorId] });
    expect(find('draft')).toEqual([]);
    index.put(math, { ref: r, source: 'resource', text: 'shared final draft', at: 1, readers: { kind: 'participants' } });
    expect(find('draft')).toEqual([r]);
    expect(find('first')).toEqual([]);
    index.remove({ communityId: math.id, source: 'resource', ref: r });
    expect(find('draft')).toEqual([]);
  });

  it('removes what it forgets from the index itself, with secure-delete on', () => {
    const r = add(math, 'zyxwvut secret');
    const indexed = () =>
      (app.store.db.prepare('SELECT COUNT(*) AS n FROM search_fts WHERE search_fts MATCH ?').get(`"${math.id}tzyx"`) as { n: number }).n;
    expect(index.flush()).toBeGreaterThan(0);
    expect(indexed()).toBe(1);
    index.remove({ communityId: math.id, source: 'resource', ref: r });
    const config = app.store.db.prepare("SELECT v FROM search_fts_config WHERE k = 'secure-delete'").get() as { v: number };
    expect(config.v).toBe(1);
    expect(indexed()).toBe(0);
  });

  it('indexes a document after it is put, a batch at a time, and a search never misses one still waiting', async () => {
    const refs = Array.from({ length: 40 }, (_, i) => add(math, `waiting lesson study ${i}`));
    expect(index.waiting()).toBe(40);
    // A search indexes what waits before it reads.
    expect(new Set(find('lesson'))).toEqual(new Set(refs));
    expect(index.waiting()).toBe(0);
    const later = add(math, 'quietly indexed later');
    expect(index.waiting()).toBe(1);
    await vi.waitFor(() => expect(index.waiting()).toBe(0), { timeout: 2000 });
    expect(find('quietly')).toEqual([later]);
  });

  it('indexes what waits while another connection holds the write lock, once it lets go', async () => {
    // Another process writes to the file (as the checkpointer's connection changes the log): a batch that read
    // first and wrote after found its read out of date and failed at once, busy; one that takes the lock first waits.
    // The index's own timer would index them meanwhile: here only the flush below does.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const refs = Array.from({ length: 3 }, (_, i) => add(math, `contended lesson ${i}`));
    const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    const other = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require(${JSON.stringify(sqlite)}))(${JSON.stringify(app.dbPath)});
         db.exec('BEGIN IMMEDIATE');
         db.prepare("INSERT INTO meta (key, value) VALUES ('contended', 'yes')").run();
         process.stdout.write('locked\\n');
         setTimeout(() => { db.exec('COMMIT'); db.close(); }, 300);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => other.on('exit', resolve));
    try {
      await new Promise<void>((resolve) => other.stdout.once('data', () => resolve()));
      expect(index.flush()).toBe(3);
    } finally {
      vi.useRealTimers();
      await exited;
    }
    expect(app.store.getMeta('contended')).toBe('yes');
    expect(new Set(find('contended'))).toEqual(new Set(refs));
  });

  it('keeps what waits for the index across a restart: the next start indexes it', async () => {
    add(math, 'restart proof zzqv');
    const { dbPath } = app;
    app.store.db.close();
    const reopened = createApp(loadConfig({ DATABASE_PATH: dbPath, LOG_LEVEL: 'silent', NODE_ENV: 'test' }), {
      store: Store.open(dbPath),
      log: pino({ level: 'silent' }),
    });
    const again = searchIndex(reopened.store);
    expect(again.waiting()).toBe(0);
    const hits = again.search(askerOf(math.id, 999, 'member', false), 'zzqv');
    expect(hits.map((h) => h.body)).toEqual(['restart proof zzqv']);
    await reopened.close();
  });

  it('forgets a document removed before it was indexed, and the index never gets it', () => {
    const r = add(math, 'qqqxyz gone before indexing');
    index.remove({ communityId: math.id, source: 'resource', ref: r });
    expect(index.waiting()).toBe(0);
    expect(index.flush()).toBe(0);
    expect(find('qqqxyz')).toEqual([]);
  });
});

describe('snippets', () => {
  it('cut the text as written around the first match, at word boundaries', () => {
    const long = `${'Am Anfang stand eine lange Einleitung über das Schuljahr. '.repeat(5)}Dann kam die Leseförderung für alle Klassen. ${'Zum Schluss noch mehr Text. '.repeat(5)}`;
    const s = snippet(long, 'forderung');
    expect(s).toContain('Leseförderung');
    expect(s.startsWith('… ')).toBe(true);
    expect(s.endsWith(' …')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(170);
    expect(snippet('short text', 'x')).toBe('short text');
  });
});
