import { type Db, prepared } from '../../../store/db.js';

/** One person's calendar link to one community's meetings. */
export interface CalendarLink {
  token: string;
  workspaceId: number;
  communityId: number;
  userId: number;
  createdAt: number;
}

/** The link a whole community shared before people had their own, served until `endsAt`. */
export interface SharedCalendarLink {
  communityId: number;
  workspaceId: number;
  token: string;
  /** Null until the channel has been told the link ends; it works until then. */
  endsAt: number | null;
}

const SHARED_COLUMNS = 'community_id AS communityId, workspace_id AS workspaceId, token, ends_at AS endsAt';

const COLUMNS = 'token, workspace_id AS workspaceId, community_id AS communityId, user_id AS userId, created_at AS createdAt';

/** Each person's secret calendar link per community: issued, replaced, looked up by its token, revoked. */
export class CalendarLinkRepo {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = (sql: string) => prepared(db, sql);
  }

  /** The person's link to the community's meetings, if they have one. */
  of(communityId: number, userId: number): CalendarLink | null {
    return (
      (this.#sql(`SELECT ${COLUMNS} FROM calendar_links WHERE community_id = ? AND user_id = ?`).get(communityId, userId) as
        | CalendarLink
        | undefined) ?? null
    );
  }

  /** Gives the person `token` as their link, replacing the one they had: the old token stops at once. */
  issue(link: Omit<CalendarLink, 'createdAt'>, now: number): CalendarLink {
    this.#sql(
      `INSERT INTO calendar_links (token, workspace_id, community_id, user_id, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (community_id, user_id) DO UPDATE SET token = excluded.token, created_at = excluded.created_at`,
    ).run(link.token, link.workspaceId, link.communityId, link.userId, now);
    return { ...link, createdAt: now };
  }

  byToken(token: string): CalendarLink | null {
    return (this.#sql(`SELECT ${COLUMNS} FROM calendar_links WHERE token = ?`).get(token) as CalendarLink | undefined) ?? null;
  }

  /** Every link the person has in the workspace, oldest first. */
  ofPerson(workspaceId: number, userId: number): CalendarLink[] {
    return this.#sql(`SELECT ${COLUMNS} FROM calendar_links WHERE workspace_id = ? AND user_id = ? ORDER BY created_at, token`).all(
      workspaceId,
      userId,
    ) as CalendarLink[];
  }

  /** Stops the person's link to one community. */
  revoke(communityId: number, userId: number): void {
    this.#sql('DELETE FROM calendar_links WHERE community_id = ? AND user_id = ?').run(communityId, userId);
  }

  /** Stops every link the person has in the workspace. */
  revokeAll(workspaceId: number, userId: number): void {
    this.#sql('DELETE FROM calendar_links WHERE workspace_id = ? AND user_id = ?').run(workspaceId, userId);
  }

  /** The community's link from before personal links, by its token. */
  shared(token: string): SharedCalendarLink | null {
    return (
      (this.#sql(`SELECT ${SHARED_COLUMNS} FROM shared_calendar_links WHERE token = ?`).get(token) as SharedCalendarLink | undefined) ??
      null
    );
  }

  /** Sets when the community's shared link ends, unless that is set already; returns the link as it stands. */
  endShared(communityId: number, endsAt: number): SharedCalendarLink | null {
    this.#sql('UPDATE shared_calendar_links SET ends_at = ? WHERE community_id = ? AND ends_at IS NULL').run(endsAt, communityId);
    return (
      (this.#sql(`SELECT ${SHARED_COLUMNS} FROM shared_calendar_links WHERE community_id = ?`).get(communityId) as
        | SharedCalendarLink
        | undefined) ?? null
    );
  }
}
