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

  constructor(db: Db) {
    this.#db = db;
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

  /** The blocks of these communities from `first` to `last` (block numbers, both included), as (community, entries). */
  blocks(communityIds: readonly number[], first: number, last: number): [number, Uint8Array][] {
    return prepared(
      this.#db,
      `SELECT community_id, entries FROM reflection_activity
         WHERE community_id IN (SELECT value FROM json_each(?)) AND block >= ? AND block <= ?`,
    )
      .raw()
      .all(JSON.stringify(communityIds), first, last) as [number, Uint8Array][];
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
