import { type Db, prepared } from '../../../store/db.js';
import { type ActivityChange, applied, blockOf, hourOf } from '../domain/activity.js';
import type { Visibility } from './reflections.js';

/** A reflection as its community's activity counts it: who, when, and whether it was shared. */
export interface Counted {
  communityId: number;
  authorId: number;
  createdAt: number;
  visibility: Visibility;
}

/**
 * Each community's reflections counted by author and hour, in blocks of 32 days (see `domain/activity.ts`). The
 * reflections repository keeps it in step in the same transaction as every reflection written or deleted; a
 * deleted community takes its blocks with it.
 */
export class ActivityRepo {
  readonly #db: Db;
  /** Whether the file keeps text as UTF-8 (`entries`), once asked. */
  #utf8: boolean | undefined;

  constructor(db: Db) {
    this.#db = db;
    // What `added` asks SQLite to run on a block where it lies, so the row is read and written by one statement.
    db.function('plc_activity_added', { deterministic: true, directOnly: true }, (entries, author, hour, shared) =>
      applied(entries as Uint8Array, [{ author: Number(author), hour: Number(hour), count: 1, shared: Number(shared) }]),
    );
  }

  /** Counts one reflection just written (every `reflect`): its block changed where it lies, or made. */
  added(r: Counted): void {
    const hour = hourOf(r.createdAt);
    const block = blockOf(hour);
    const shared = r.visibility === 'private' ? 0 : 1;
    const changed = prepared(
      this.#db,
      'UPDATE reflection_activity SET entries = plc_activity_added(entries, ?, ?, ?) WHERE community_id = ? AND block = ?',
    ).run(r.authorId, hour, shared, r.communityId, block).changes;
    if (changed === 0) this.note([r], 1);
  }

  /** Counts reflections written (`sign` 1) or deleted (-1), each block read and written once. */
  note(reflections: readonly Counted[], sign: 1 | -1): void {
    const byBlock = new Map<string, { communityId: number; block: number; changes: ActivityChange[] }>();
    for (const r of reflections) {
      const hour = hourOf(r.createdAt);
      const block = blockOf(hour);
      const key = `${r.communityId}:${block}`;
      const group = byBlock.get(key) ?? { communityId: r.communityId, block, changes: [] };
      byBlock.set(key, group);
      group.changes.push({ author: r.authorId, hour, count: sign, shared: r.visibility === 'private' ? 0 : sign });
    }
    for (const { communityId, block, changes } of byBlock.values()) {
      const row = prepared(this.#db, 'SELECT entries FROM reflection_activity WHERE community_id = ? AND block = ?').get(
        communityId,
        block,
      ) as { entries: Uint8Array } | undefined;
      const next = applied(row?.entries ?? null, changes);
      if (next) {
        prepared(
          this.#db,
          `INSERT INTO reflection_activity (community_id, block, entries) VALUES (?, ?, ?)
             ON CONFLICT (community_id, block) DO UPDATE SET entries = excluded.entries`,
        ).run(communityId, block, next);
      } else if (row) {
        prepared(this.#db, 'DELETE FROM reflection_activity WHERE community_id = ? AND block = ?').run(communityId, block);
      }
    }
  }

  /**
   * The entries of these communities' blocks from `first` to `last` (block numbers, both included), as one run of
   * bytes a community: its blocks one after the other, in no set order (each block is sorted, the run is not).
   *
   * SQLite joins them (a district's summary reads 1,400 blocks; a Buffer made for each cost more than reading
   * them). It has no concatenation for blobs, so each block is read as text and the result cast back: in a UTF-8
   * database neither cast converts or checks a byte (sqlite.org/lang_expr.html#castexpr), and `group_concat`
   * copies text by its length, NUL bytes and all. A file in another encoding is read block by block instead.
   */
  entries(communityIds: readonly number[], first: number, last: number): [number, Uint8Array][] {
    const ids = JSON.stringify(communityIds);
    if (this.#utf8 === undefined) this.#utf8 = this.#db.pragma('encoding', { simple: true }) === 'UTF-8';
    if (this.#utf8) {
      return prepared(
        this.#db,
        `SELECT community_id, CAST(group_concat(CAST(entries AS TEXT), '') AS BLOB) FROM reflection_activity
           WHERE community_id IN (SELECT value FROM json_each(?)) AND block >= ? AND block <= ? GROUP BY community_id`,
      )
        .raw()
        .all(ids, first, last) as [number, Uint8Array][];
    }
    const byCommunity = new Map<number, Uint8Array[]>();
    const rows = prepared(
      this.#db,
      `SELECT community_id, entries FROM reflection_activity
         WHERE community_id IN (SELECT value FROM json_each(?)) AND block >= ? AND block <= ?`,
    )
      .raw()
      .all(ids, first, last) as [number, Uint8Array][];
    for (const [communityId, entries] of rows) {
      const blocks = byCommunity.get(communityId);
      if (blocks) blocks.push(entries);
      else byCommunity.set(communityId, [entries]);
    }
    return [...byCommunity].map(([communityId, blocks]) => [communityId, Buffer.concat(blocks)]);
  }
}

/**
 * Fills `reflection_activity` from the reflections, replacing what it held: when the table is made, and after
 * reflections were written by plain SQL (seeding). One community at a time, so a district's years of reflections
 * are never all in memory.
 */
export function rebuildActivity(db: Db): void {
  db.prepare('DELETE FROM reflection_activity').run();
  const insert = db.prepare('INSERT INTO reflection_activity (community_id, block, entries) VALUES (?, ?, ?)');
  const communities = db.prepare('SELECT DISTINCT community_id FROM reflections').pluck().all() as number[];
  const ofCommunity = db.prepare('SELECT author_id, created_at, visibility FROM reflections WHERE community_id = ?').raw();
  for (const communityId of communities) {
    const byBlock = new Map<number, ActivityChange[]>();
    for (const [author, createdAt, visibility] of ofCommunity.all(communityId) as [number, number, Visibility][]) {
      const hour = hourOf(createdAt);
      const changes = byBlock.get(blockOf(hour)) ?? [];
      byBlock.set(blockOf(hour), changes);
      changes.push({ author, hour, count: 1, shared: visibility === 'private' ? 0 : 1 });
    }
    for (const [block, changes] of byBlock) {
      const entries = applied(null, changes);
      if (entries) insert.run(communityId, block, entries);
    }
  }
}
