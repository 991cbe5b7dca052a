import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonRows, prepared } from '../../src/store/db.js';

describe('rows read as one JSON array', () => {
  const db = new Database(':memory:');
  afterEach(() => db.exec('DROP TABLE IF EXISTS t'));

  it('come as the same values better-sqlite3 reads one by one, text, NULLs and large integers included', () => {
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, at INTEGER, name TEXT)');
    const put = db.prepare('INSERT INTO t (at, name) VALUES (?, ?)');
    const names = ['Ana', 'Zoë "the" \\ lead', 'مرحبا', '<!here> @channel', null, '', 'line\nbreak\u0001'];
    for (const [i, name] of names.entries()) put.run(1_790_000_000_000 * 4 + i, name);
    const sql = 'SELECT id, at, name FROM t WHERE at >= ? ORDER BY id';
    const read = prepared(db, sql).raw().all(0);
    expect(jsonRows(db, sql, 'id, at, name', 0)).toEqual(read);
    expect(read).toHaveLength(names.length);
  });

  it('take named parameters, and come as an empty list when nothing matches', () => {
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, at INTEGER)');
    db.prepare('INSERT INTO t (at) VALUES (5), (7)').run();
    expect(jsonRows(db, 'SELECT at FROM t WHERE at > :after ORDER BY at', 'at', { after: 5 })).toEqual([[7]]);
    expect(jsonRows(db, 'SELECT at FROM t WHERE at > :after', 'at', { after: 9 })).toEqual([]);
  });
});
