import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { participantsFromQuery } from '../src/capability.js';
import type { Community } from '../src/store/communities.js';
import { Store } from '../src/store/store.js';

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plc-participants-'));
  store = Store.open(join(dir, 'plc.sqlite'));
  // Events of a capability: who did something in which community, and when.
  store.db.exec('CREATE TABLE events (community_id INTEGER NOT NULL, user_id INTEGER NOT NULL, at INTEGER NOT NULL)');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const of = participantsFromQuery(
  `SELECT community_id AS communityId, user_id AS id, at FROM events
     WHERE community_id IN (SELECT value FROM json_each(:ids)) AND at >= :from AND at < :to`,
);
const community = (id: number) => ({ id }) as Community;
const env = () => ({ store, now: 1_000, log: pino({ level: 'silent' }) });
const plain = (maps: Map<number, Iterable<number>>[]) =>
  maps.map((m) => Object.fromEntries([...m].map(([id, people]) => [id, [...people].sort((a, b) => a - b)])));

describe('participantsFromQuery', () => {
  it('sorts events into every period that holds them, each member once a period, each community apart', () => {
    const insert = store.db.prepare('INSERT INTO events VALUES (?, ?, ?)');
    for (const [c, u, at] of [
      [1, 10, 100],
      [1, 10, 150],
      [1, 11, 199],
      [1, 12, 200],
      [2, 10, 250],
      [2, 13, 399],
      [3, 14, 150],
    ] as const) {
      insert.run(c, u, at);
    }
    // Periods as a status asks (back to back), one spanning both, and one nobody acted in; community 3 not asked.
    const periods = [
      { from: 100, to: 200 },
      { from: 200, to: 400 },
      { from: 0, to: 1_000 },
      { from: 400, to: 500 },
    ];
    expect(plain(of([community(1), community(2)], periods, env()))).toEqual([
      { 1: [10, 11] },
      { 1: [12], 2: [10, 13] },
      { 1: [10, 11, 12], 2: [10, 13] },
      {},
    ]);
  });

  it('answers no periods with none, and periods without events with empty maps', () => {
    expect(of([community(1)], [], env())).toEqual([]);
    expect(plain(of([community(1)], [{ from: 0, to: 10 }], env()))).toEqual([{}]);
  });
});
