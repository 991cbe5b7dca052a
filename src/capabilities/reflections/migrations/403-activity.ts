import type { Db } from '../../../store/db.js';
import { rebuildActivity } from '../store/activity.js';

/**
 * Each community's reflections counted by author and hour, packed a block of 32 days to a row, for status
 * summaries (see `domain/activity.ts`): counts and times only, never the words. Filled from the reflections there
 * are; from then on the reflections repository keeps it in step.
 */
export const reflectionActivity = {
  version: 403,
  name: 'reflections: activity by author and hour for summaries',
  sql: `
      -- A rowid table: its rows hold up to 4 KB within the page, where a WITHOUT ROWID table's (an index's layout)
      -- spill past 1 KB to overflow pages, which a busy community's block of 32 days outgrows; reading those took
      -- twice as long.
      CREATE TABLE reflection_activity (
        id INTEGER PRIMARY KEY,
        community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        block INTEGER NOT NULL,
        entries BLOB NOT NULL,
        UNIQUE (community_id, block)
      );
  `,
  up: (db: Db) => rebuildActivity(db),
};
