import type { Db } from '../db.js';
import type { Migration } from './index.js';

/**
 * A workspace's quiet hours, set by its coordinators (`settings quiet`, `settings workdays`), as typed:
 * `07:00-19:00` and `mon-fri`. Null keeps the install's defaults (QUIET_HOURS, WORKDAYS).
 *
 * The core reads them (src/quiet-hours.ts), so the core owns them. They first came with the operations
 * capability's migration 1000, now retired: a file that ran it has the columns already and keeps them as they are.
 */
export const quietHours: Migration = {
  version: 105,
  name: 'quiet-hours',
  sql: '',
  up: (db: Db) => {
    const columns = new Set(
      (db.prepare('SELECT name FROM pragma_table_info(?)').all('workspaces') as { name: string }[]).map((c) => c.name),
    );
    if (!columns.has('quiet_hours')) db.exec('ALTER TABLE workspaces ADD COLUMN quiet_hours TEXT');
    if (!columns.has('workdays')) db.exec('ALTER TABLE workspaces ADD COLUMN workdays TEXT');
  },
};
