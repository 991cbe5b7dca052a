import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pairingPairedCount } from '../../../src/capabilities/pairing/migrations/612-paired-count.js';
import { pairingDoneVisits } from '../../../src/capabilities/pairing/migrations/613-done-visits.js';
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

/** The kept visits done, and the same read from the visits and their rounds: (community, when, visit) each. */
const done = () => {
  const db = school.app.store.db;
  return {
    kept: prepared(db, 'SELECT community_id, at, visit_id FROM pairing_done ORDER BY visit_id').raw().all() as number[][],
    counted: prepared(
      db,
      `SELECT r.community_id, v.happened_at, v.id FROM pairing_visits v JOIN pairing_rounds r ON r.id = v.round_id
         WHERE v.happened = 'yes' AND v.happened_at IS NOT NULL AND v.cancelled_at IS NULL ORDER BY v.id`,
    )
      .raw()
      .all() as number[][],
  };
};
const expectDone = (n: number) => {
  const { kept, counted } = done();
  expect(kept).toEqual(counted);
  expect(kept).toHaveLength(n);
};

describe('the visits done, kept by community and time', () => {
  it('follow visits answered, cancelled, moved and deleted, a round moved or deleted, and the migration fills them', () => {
    const db = school.app.store.db;
    const run = (sql: string, ...args: unknown[]) => prepared(db, sql).run(...args);
    const visit = (observer: number) =>
      (prepared(db, 'SELECT id FROM pairing_visits WHERE observer_id = ?').get(observer) as { id: number }).id;
    // The school's round: Ana's visit to Ben is done; Ben's is not yet; Cleo's was cancelled.
    expectDone(1);
    run(
      "UPDATE pairing_visits SET happened = 'yes', happened_at = ? WHERE id = ?",
      Date.parse('2026-09-20T09:00:00Z'),
      visit(school.ids.ben),
    );
    expectDone(2);
    run('UPDATE pairing_visits SET happened_at = happened_at + 60000 WHERE id = ?', visit(school.ids.ben));
    expectDone(2);
    run("UPDATE pairing_visits SET happened = 'no' WHERE id = ?", visit(school.ids.ben));
    expectDone(1);
    run("UPDATE pairing_visits SET happened = 'yes', happened_at = 5, cancelled_at = NULL WHERE id = ?", visit(school.ids.cleo));
    expectDone(2);
    run('UPDATE pairing_visits SET cancelled_at = 7 WHERE id = ?', visit(school.ids.cleo));
    expectDone(1);
    // A visit moved to a round of Art counts for Art, and so does a round that moves.
    const art = run(
      `INSERT INTO pairing_rounds (workspace_id, community_id, ref, seq, seed, mode, length, started_at, ends_at)
         SELECT workspace_id, ?, ref + 100, 99, seed, mode, length, started_at, ends_at FROM pairing_rounds LIMIT 1`,
      school.art.id,
    ).lastInsertRowid as number;
    run('UPDATE pairing_visits SET round_id = ? WHERE id = ?', art, visit(school.ids.ana));
    expectDone(1);
    expect(done().kept[0]?.[0]).toBe(school.art.id);
    run('UPDATE pairing_rounds SET community_id = ? WHERE id = ?', school.math.id, art);
    expectDone(1);
    expect(done().kept[0]?.[0]).toBe(school.math.id);
    run(
      `INSERT INTO pairing_visits (round_id, grp, observer_id, observed_id, happened, happened_at) VALUES (?, 1, ?, ?, 'yes', 9)`,
      art,
      school.ids.xav,
      school.ids.ana,
    );
    expectDone(2);
    run('DELETE FROM pairing_visits WHERE id = ?', visit(school.ids.ana));
    expectDone(1);
    run('DELETE FROM pairing_done');
    db.exec(pairingDoneVisits.sql.split(';').find((s) => s.includes('INSERT INTO pairing_done')) as string);
    expectDone(1);
    // A deleted round takes its visits, and they their rows here.
    run('DELETE FROM pairing_rounds WHERE community_id = ?', school.math.id);
    expectDone(0);
  });
});
