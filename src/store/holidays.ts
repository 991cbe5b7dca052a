import { type Db, prepared } from './db.js';

/** A range of local dates (inclusive) on which a community does not meet. */
export interface Holiday {
  id: number;
  /** Null for a holiday of the whole workspace. */
  communityId: number | null;
  startsOn: string;
  endsOn: string;
  name: string | null;
}

const COLUMNS = 'id, community_id AS communityId, starts_on AS startsOn, ends_on AS endsOn, name';

/**
 * Holidays of one community and of the whole workspace: every capability's schedule skips them. (The table was
 * created by the meetings' migration 3, the first to need it; shipped migrations keep their place.)
 */
export class HolidayRepo {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = (sql: string) => prepared(db, sql);
  }

  add(
    h: { workspaceId: number; communityId: number | null; startsOn: string; endsOn: string; name: string | null; createdBy: number },
    now: number,
  ): Holiday {
    const info = this.#sql(
      'INSERT INTO holidays (workspace_id, community_id, starts_on, ends_on, name, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(h.workspaceId, h.communityId, h.startsOn, h.endsOn, h.name, h.createdBy, now);
    return { id: Number(info.lastInsertRowid), communityId: h.communityId, startsOn: h.startsOn, endsOn: h.endsOn, name: h.name };
  }

  get(workspaceId: number, id: number): Holiday | null {
    return (
      (this.#sql(`SELECT ${COLUMNS} FROM holidays WHERE workspace_id = ? AND id = ?`).get(workspaceId, id) as Holiday | undefined) ?? null
    );
  }

  /** The holidays of the whole workspace, by start. */
  forWorkspace(workspaceId: number): Holiday[] {
    return this.#sql(`SELECT ${COLUMNS} FROM holidays WHERE workspace_id = ? AND community_id IS NULL ORDER BY starts_on, id`).all(
      workspaceId,
    ) as Holiday[];
  }

  /** The holidays that apply to a community (its own and the workspace's), by start. */
  forCommunity(workspaceId: number, communityId: number): Holiday[] {
    return this.#sql(
      `SELECT ${COLUMNS} FROM holidays WHERE workspace_id = ? AND (community_id = ? OR community_id IS NULL) ORDER BY starts_on, id`,
    ).all(workspaceId, communityId) as Holiday[];
  }
}
