import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pairingPairedCount } from '../../../src/capabilities/pairing/migrations/612-paired-count.js';
import { prepared } from '../../../src/store/db.js';
import { type RealSchool, realSchool } from '../summaries/real-school.js';

let school: RealSchool;
beforeEach(async () => {
  school = await realSchool();
});
afterEach(async () => school.app.dispose());

/** Each round's kept count beside the count of its visits not cancelled. */
const counts = () =>
  prepared(
    school.app.store.db,
    `SELECT r.id, r.paired AS kept,
       (SELECT COUNT(*) FROM pairing_visits v WHERE v.round_id = r.id AND v.cancelled_at IS NULL) AS counted
     FROM pairing_rounds r ORDER BY r.id`,
  ).all() as { id: number; kept: number; counted: number }[];
const expectKept = (total: number) => {
  const all = counts();
  for (const c of all) expect(c.kept, `round ${c.id}`).toBe(c.counted);
  expect(
    all.reduce((n, c) => n + c.kept, 0),
    JSON.stringify(all),
  ).toBe(total);
};

describe("a round's kept count of visits paired", () => {
  it('follows visits added, cancelled, moved and deleted, and the migration fills it', () => {
    const db = school.app.store.db;
    // The school's round: Ana visits Ben, Ben visits Ana, and Cleo's visit was cancelled.
    expectKept(2);
    const round = (prepared(db, 'SELECT id FROM pairing_rounds').get() as { id: number }).id;
    const visit = (observer: number) =>
      (prepared(db, 'SELECT id FROM pairing_visits WHERE observer_id = ?').get(observer) as { id: number }).id;
    prepared(db, 'UPDATE pairing_visits SET cancelled_at = 1 WHERE id = ?').run(visit(school.ids.ben));
    expectKept(1);
    prepared(db, 'UPDATE pairing_visits SET cancelled_at = NULL WHERE id = ?').run(visit(school.ids.ben));
    expectKept(2);
    const other = prepared(
      db,
      `INSERT INTO pairing_rounds (workspace_id, community_id, ref, seq, seed, mode, length, started_at, ends_at)
         SELECT workspace_id, community_id, ref + 100, seq + 1, seed, mode, length, started_at + 1, ends_at FROM pairing_rounds WHERE id = ?`,
    ).run(round).lastInsertRowid as number;
    prepared(db, 'UPDATE pairing_visits SET round_id = ? WHERE id = ?').run(other, visit(school.ids.ana));
    expectKept(2);
    expect(counts().find((c) => c.id === other)?.kept).toBe(1);
    prepared(db, 'DELETE FROM pairing_visits WHERE id = ?').run(visit(school.ids.ana));
    expectKept(1);
    prepared(db, 'UPDATE pairing_rounds SET paired = 0').run();
    const fill = pairingPairedCount.sql.split(';').find((s) => s.includes('UPDATE pairing_rounds SET paired')) as string;
    db.exec(fill);
    expectKept(1);
  });
});
