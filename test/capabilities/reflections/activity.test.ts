import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seeded } from '../../../src/capabilities/pairing/domain/random.js';
import {
  type ActivityEntry,
  applied,
  BLOCK_HOURS,
  entriesOf,
  HOUR_MS,
  packed,
} from '../../../src/capabilities/reflections/domain/activity.js';
import { rebuildActivity, reflections } from '../../../src/capabilities/reflections/index.js';
import { ActivityRepo } from '../../../src/capabilities/reflections/store/activity.js';
import { repos } from '../../../src/capabilities/reflections/store/index.js';
import type { Visibility } from '../../../src/capabilities/reflections/store/reflections.js';
import type { Period } from '../../../src/capability.js';
import type { Community } from '../../../src/store/communities.js';
import { prepared } from '../../../src/store/db.js';
import { type TestApp, testApp } from '../../support/app.js';
import { answerText, run } from '../../support/bot.js';

const entry = (author: number, hour: number, count = 1, shared = 0): ActivityEntry => ({ author, hour, count, shared });

describe('a block of reflection activity', () => {
  it('keeps entries sorted by author and hour, whatever order they come in', () => {
    const block = packed([entry(2, 10), entry(1, 30), entry(1, 20, 2, 1)]);
    expect(entriesOf(block as Uint8Array)).toEqual([entry(1, 20, 2, 1), entry(1, 30), entry(2, 10)]);
    expect(packed([entry(1, 5, 0)])).toBeNull();
  });

  it('adds, counts up and takes away one reflection at a time, dropping an entry with nothing left', () => {
    let block = applied(null, [{ author: 7, hour: 100, count: 1, shared: 1 }]);
    block = applied(block, [{ author: 3, hour: 100, count: 1, shared: 0 }]);
    block = applied(block, [{ author: 7, hour: 100, count: 1, shared: 0 }]);
    block = applied(block, [{ author: 7, hour: 99, count: 1, shared: 0 }]);
    expect(entriesOf(block as Uint8Array)).toEqual([entry(3, 100), entry(7, 99), entry(7, 100, 2, 1)]);
    block = applied(block, [{ author: 7, hour: 100, count: -1, shared: -1 }]);
    block = applied(block, [{ author: 3, hour: 100, count: -1, shared: 0 }]);
    expect(entriesOf(block as Uint8Array)).toEqual([entry(7, 99), entry(7, 100)]);
    // A deletion the block does not hold changes nothing.
    expect(entriesOf(applied(block, [{ author: 9, hour: 1, count: -1, shared: 0 }]) as Uint8Array)).toEqual([entry(7, 99), entry(7, 100)]);
    block = applied(block, [{ author: 7, hour: 99, count: -1, shared: 0 }]);
    expect(applied(block, [{ author: 7, hour: 100, count: -1, shared: 0 }])).toBeNull();
  });

  it('comes to the same block one change at a time as all at once', () => {
    const changes = [
      { author: 4, hour: 12, count: 1, shared: 1 },
      { author: 1, hour: 40, count: 1, shared: 0 },
      { author: 4, hour: 12, count: 1, shared: 0 },
      { author: 2, hour: 3, count: 1, shared: 1 },
      { author: 4, hour: 12, count: -1, shared: -1 },
      { author: 1, hour: 40, count: -1, shared: 0 },
    ];
    let oneByOne: Uint8Array | null = null;
    for (const c of changes) oneByOne = applied(oneByOne, [c]);
    expect(applied(null, changes)).toEqual(oneByOne);
    expect(entriesOf(oneByOne as Uint8Array)).toEqual([entry(2, 3, 1, 1), entry(4, 12)]);
  });

  it('never counts more shared than written', () => {
    const block = packed([entry(1, 1, 1, 5)]);
    expect(entriesOf(block as Uint8Array)).toEqual([entry(1, 1, 1, 1)]);
  });
});

describe("a community's blocks read for a summary", () => {
  let app: TestApp;
  beforeEach(() => {
    app = testApp();
    answerText(run(app, 'carla', 'create Math', { channel: 'math' }));
    answerText(run(app, 'carla', 'create Art', { channel: 'art' }));
  });
  afterEach(async () => app.dispose());

  it('come as one run of bytes a community, each block whole, whatever bytes they hold', () => {
    const [math, art] = app.store.communities.list(1).map((c) => c.id) as [number, number];
    // Every byte value, NUL and bytes that are no UTF-8 among them, at every offset: SQLite joins them as text.
    const bytes = (seed: number, n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + seed) % 256);
    const blocks: [number, number, Uint8Array][] = [
      [math, 10, bytes(0, 12 * 40)],
      [math, 11, bytes(1, 12)],
      [math, 13, bytes(5, 12 * 300)],
      [math, 14, bytes(9, 12 * 2)],
      [art, 11, Uint8Array.from([0, 0, 0, 0, 0xff, 0xfe, 0xc0, 0x80, 0, 0xed, 0xa0, 0x80])],
    ];
    const put = prepared(app.store.db, 'INSERT INTO reflection_activity (community_id, block, entries) VALUES (?, ?, ?)');
    for (const [c, block, entries] of blocks) put.run(c, block, entries);
    const read = new Map(repos(app.store).reflections.activity.entries([math, art], 11, 13));
    expect([...read.keys()].sort()).toEqual([math, art].sort());
    // Math's blocks 11 and 13 (10 and 14 are outside), joined in some order; Art's one block as it is.
    const got = Buffer.from(read.get(math) as Uint8Array);
    const [b11, b13] = [blocks[1]?.[2], blocks[2]?.[2]] as [Uint8Array, Uint8Array];
    expect([Buffer.concat([b11, b13]), Buffer.concat([b13, b11])].some((b) => b.equals(got))).toBe(true);
    expect(Buffer.from(read.get(art) as Uint8Array).equals(Buffer.from(blocks[4]?.[2] as Uint8Array))).toBe(true);
    expect(repos(app.store).reflections.activity.entries([art], 12, 20)).toEqual([]);
  });

  it('come whole from a file that keeps text as UTF-16 too, where SQLite would convert them as text', () => {
    const db = new Database(':memory:');
    db.pragma("encoding = 'UTF-16le'");
    db.exec('CREATE TABLE reflection_activity (community_id INTEGER, block INTEGER, entries BLOB, PRIMARY KEY (community_id, block))');
    const a = Uint8Array.from([0, 0xd8, 0x00, 0xdc, 0xff, 0xfe, 0, 0, 1, 2, 3, 0]);
    const b = Uint8Array.from([0xc0, 0x80, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]);
    const put = db.prepare('INSERT INTO reflection_activity VALUES (?, ?, ?)');
    put.run(1, 1, a);
    put.run(1, 2, b);
    const [[id, got]] = new ActivityRepo(db).entries([1], 1, 2) as [[number, Uint8Array]];
    expect(id).toBe(1);
    expect([Buffer.concat([a, b]), Buffer.concat([b, a])].some((x) => x.equals(Buffer.from(got)))).toBe(true);
    db.close();
  });
});

const START = Date.parse('2026-09-01T00:00:00Z');
const DAY = 86_400_000;

describe('the activity summaries count from', () => {
  let app: TestApp;
  let communities: Community[];
  let authors: number[];
  // Seeded, so every run writes the same reflections.
  const next = seeded(42);
  let ref = 1000;

  beforeEach(() => {
    app = testApp();
    answerText(run(app, 'carla', 'create Math', { channel: 'math' }));
    answerText(run(app, 'carla', 'create Art', { channel: 'art' }));
    for (const u of ['ana', 'ben', 'cleo']) answerText(run(app, u, 'join', { channel: 'math' }));
    answerText(run(app, 'xav', 'join', { channel: 'art' }));
    communities = app.store.communities.list(1);
    authors = ['carla', 'ana', 'ben', 'cleo', 'xav'].map((u) => app.store.users.findByExternal(1, u)?.id as number);
  });
  afterEach(async () => app.dispose());

  const env = () => ({ store: app.store, now: START + 200 * DAY, log: app.log });
  const write = (n: number, span: number) => {
    const vis: Visibility[] = ['private', 'team', 'coordinator'];
    app.store.transaction(() => {
      for (let i = 0; i < n; i++) {
        const community = communities[Math.floor(next() * communities.length)] as Community;
        repos(app.store).reflections.add({
          workspaceId: 1,
          communityId: community.id,
          ref: ref++,
          authorId: authors[Math.floor(next() * authors.length)] as number,
          visibility: vis[Math.floor(next() * vis.length)] as Visibility,
          text: 'Exit tickets again',
          questionKey: null,
          // Often two in the same hour, so entries count more than one.
          createdAt: START + Math.floor(next() * span) - (i % 3 === 0 ? 0 : Math.floor(next() * 20 * 60_000)),
        });
      }
    });
  };
  /** Periods of every kind: whole hours, ends inside an hour, inside one hour, across blocks, overlapping, empty (37 of them). */
  const periods = (): Period[] => {
    const out: Period[] = [
      { from: START, to: START + 30 * DAY },
      { from: START + 30 * DAY, to: START + 60 * DAY },
      { from: START + 7 * HOUR_MS + 1234, to: START + 40 * DAY + 59 * 60_000 },
      { from: START + 3 * HOUR_MS + 60_000, to: START + 3 * HOUR_MS + 30 * 60_000 },
      { from: START - 10 * DAY, to: START + 100 * DAY },
      { from: START + 50 * DAY, to: START + 50 * DAY },
      { from: (Math.ceil(START / HOUR_MS / BLOCK_HOURS) * BLOCK_HOURS - 5) * HOUR_MS + 17, to: START + 45 * DAY + 1 },
    ];
    // More than 32 in all: the counting takes periods 32 at a time, so the second batch is compared too.
    for (let i = 0; i < 30; i++) {
      const from = START + Math.floor(next() * 80 * DAY);
      out.push({ from, to: from + Math.floor(next() * 40 * DAY) });
    }
    return out;
  };
  /** Each community's figures and reflectors in each period, read from the reflections themselves. */
  const fromReflections = (ps: readonly Period[]) =>
    ps.map((p) => ({
      figures: new Map(communities.map((c) => [c.id, reflections.figures?.(c, p, env())])),
      people: new Map(
        communities.map((c) => [
          c.id,
          (
            prepared(
              app.store.db,
              'SELECT DISTINCT author_id AS id FROM reflections WHERE community_id = ? AND created_at >= ? AND created_at < ? ORDER BY id',
            ).all(c.id, p.from, p.to) as { id: number }[]
          ).map((r) => r.id),
        ]),
      ),
    }));
  const expectSameAsReflections = () => {
    const ps = periods();
    const counted = reflections.figuresOfMany?.(communities, ps, env()) ?? [];
    const people = reflections.participantsOfMany?.(communities, ps, env()) ?? [];
    const truth = fromReflections(ps);
    let nonEmpty = 0;
    for (const [i, t] of truth.entries()) {
      for (const c of communities) {
        expect(counted[i]?.get(c.id), `period ${i}, ${c.name}`).toEqual(t.figures.get(c.id));
        expect(
          [...(people[i]?.get(c.id) ?? [])].sort((a, b) => a - b),
          `period ${i}, ${c.name}`,
        ).toEqual(t.people.get(c.id));
        if ((t.figures.get(c.id)?.['reflections.count'] ?? 0) > 0) nonEmpty++;
      }
    }
    // The comparison is about real counts, not two empty answers.
    expect(nonEmpty).toBeGreaterThan(10);
  };
  const stored = () => prepared(app.store.db, 'SELECT community_id, block, entries FROM reflection_activity ORDER BY 1, 2').all();

  it('give the figures and the people the reflections give, in periods that start and end anywhere', () => {
    write(400, 100 * DAY);
    expectSameAsReflections();
  });

  it('follow a deletion, a forgotten person and the retention purge, and count afresh to the same blocks', () => {
    write(400, 100 * DAY);
    const some = prepared(app.store.db, 'SELECT id FROM reflections ORDER BY id LIMIT 40').all() as { id: number }[];
    app.store.transaction(() => {
      for (const { id } of some) repos(app.store).reflections.remove(id);
    });
    expectSameAsReflections();
    app.store.transaction(() => repos(app.store).reflections.removeAllOf(1, authors[1] as number));
    expectSameAsReflections();
    app.store.transaction(() => repos(app.store).reflections.removeBefore(START + 35 * DAY + 17));
    expectSameAsReflections();
    const kept = stored();
    rebuildActivity(app.store.db);
    expect(stored()).toEqual(kept);
  });

  it('is filled by the migration from the reflections there are, and leaves with a deleted community', () => {
    write(200, 60 * DAY);
    const kept = stored();
    expect(kept.length).toBeGreaterThan(2);
    prepared(app.store.db, 'DELETE FROM reflection_activity').run();
    rebuildActivity(app.store.db);
    expect(stored()).toEqual(kept);
    prepared(app.store.db, 'DELETE FROM communities WHERE id = ?').run(communities[0]?.id);
    expect(stored().every((r) => (r as { community_id: number }).community_id !== communities[0]?.id)).toBe(true);
  });

  it('counts what `reflect` writes', () => {
    answerText(run(app, 'ana', 'reflect team Exit tickets showed who needed the second example', { channel: 'math' }));
    answerText(run(app, 'ana', 'reflect Quiet hands worked', { channel: 'math' }));
    const now = app.clock.now().getTime();
    const period = { from: now - DAY, to: now + 1 };
    const math = communities.find((c) => c.name === 'Math') as Community;
    expect(reflections.figuresOfMany?.([math], [period], env())[0]?.get(math.id)).toEqual({
      'reflections.count': 2,
      'reflections.reflectors': 1,
      'reflections.shared': 1,
    });
  });
});
