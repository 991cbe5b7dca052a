import { nameKey } from '../grammar/names.js';
import type { Locale } from '../i18n/locales.js';
import { type Db, prepared } from './db.js';

export const ROLES = ['lead', 'curator', 'coach', 'member', 'guest'] as const;
export type Role = (typeof ROLES)[number];

export interface Community {
  id: number;
  workspaceId: number;
  name: string;
  /** The platform's id for the channel the community lives in, if any. */
  channel: string | null;
  channelName: string | null;
  tz: string;
  locale: Locale;
  archivedAt: number | null;
  /** When the app was removed from the community's channel: nothing is posted there until it is added back. */
  removedFromChannelAt: number | null;
}

interface Row {
  id: number;
  workspace_id: number;
  name: string;
  channel: string | null;
  channel_name: string | null;
  tz: string;
  locale: Locale;
  archived_at: number | null;
  removed_from_channel_at: number | null;
}

const toCommunity = (r: Row): Community => ({
  id: r.id,
  workspaceId: r.workspace_id,
  name: r.name,
  channel: r.channel,
  channelName: r.channel_name,
  tz: r.tz,
  locale: r.locale,
  archivedAt: r.archived_at,
  removedFromChannelAt: r.removed_from_channel_at,
});

export interface Member {
  userId: number;
  externalId: string;
  displayName: string;
  role: Role;
  joinedAt: number;
}

/** Communities and their memberships, always within one workspace. */
export class CommunityRepo {
  constructor(private readonly db: Db) {}

  create(
    workspaceId: number,
    c: { name: string; channel: string | null; channelName: string | null; tz: string; locale: Locale; createdBy: number },
    now: number,
  ): Community {
    const info = prepared(
      this.db,
      `INSERT INTO communities (workspace_id, name, name_key, channel, channel_name, tz, locale, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(workspaceId, c.name, nameKey(c.name), c.channel, c.channelName, c.tz, c.locale, c.createdBy, now);
    return this.get(workspaceId, Number(info.lastInsertRowid)) as Community;
  }

  get(workspaceId: number, id: number): Community | null {
    const r = prepared(this.db, 'SELECT * FROM communities WHERE workspace_id = ? AND id = ?').get(workspaceId, id) as Row | undefined;
    return r ? toCommunity(r) : null;
  }

  findByName(workspaceId: number, name: string): Community | null {
    const r = prepared(this.db, 'SELECT * FROM communities WHERE workspace_id = ? AND name_key = ?').get(workspaceId, nameKey(name)) as
      | Row
      | undefined;
    return r ? toCommunity(r) : null;
  }

  findByChannel(workspaceId: number, channel: string): Community | null {
    const r = prepared(this.db, 'SELECT * FROM communities WHERE workspace_id = ? AND channel = ?').get(workspaceId, channel) as
      | Row
      | undefined;
    return r ? toCommunity(r) : null;
  }

  /** Every community of the workspace that is not archived, by name. */
  list(workspaceId: number): Community[] {
    return (
      prepared(this.db, 'SELECT * FROM communities WHERE workspace_id = ? AND archived_at IS NULL ORDER BY name_key').all(
        workspaceId,
      ) as Row[]
    ).map(toCommunity);
  }

  /** Every archived community of the workspace, by name. */
  archived(workspaceId: number): Community[] {
    return (
      prepared(this.db, 'SELECT * FROM communities WHERE workspace_id = ? AND archived_at IS NOT NULL ORDER BY name_key').all(
        workspaceId,
      ) as Row[]
    ).map(toCommunity);
  }

  /** The communities a user belongs to, with their role, by name. */
  ofUser(workspaceId: number, userId: number): { community: Community; role: Role }[] {
    // CROSS JOIN keeps SQLite reading the person's memberships first: left to choose, it walked every community of
    // the workspace in name order and looked each up in memberships (10.6 µs for 50 communities; 4 µs this way).
    const rows = prepared(
      this.db,
      `SELECT c.*, m.role AS member_role FROM memberships m CROSS JOIN communities c ON c.id = m.community_id
         WHERE c.workspace_id = ? AND m.user_id = ? AND c.archived_at IS NULL ORDER BY c.name_key`,
    ).all(workspaceId, userId) as (Row & { member_role: Role })[];
    return rows.map((r) => ({ community: toCommunity(r), role: r.member_role }));
  }

  /** Every community of every workspace, oldest first, archived ones too (for an upgrade of stored names). */
  everyOne(): Community[] {
    return (prepared(this.db, 'SELECT * FROM communities ORDER BY workspace_id, created_at, id').all() as Row[]).map(toCommunity);
  }

  /** Stores a community's name and the key it is compared by. */
  rename(workspaceId: number, id: number, name: string): void {
    prepared(this.db, 'UPDATE communities SET name = ?, name_key = ? WHERE workspace_id = ? AND id = ?').run(
      name,
      nameKey(name),
      workspaceId,
      id,
    );
  }

  setTimeZone(workspaceId: number, id: number, tz: string): void {
    prepared(this.db, 'UPDATE communities SET tz = ? WHERE workspace_id = ? AND id = ?').run(tz, workspaceId, id);
  }

  setLocale(workspaceId: number, id: number, locale: Locale): void {
    prepared(this.db, 'UPDATE communities SET locale = ? WHERE workspace_id = ? AND id = ?').run(locale, workspaceId, id);
  }

  /** Records that the app was removed from the community's channel (`at`), or added back to it (null). */
  setRemovedFromChannel(workspaceId: number, id: number, at: number | null): void {
    prepared(this.db, 'UPDATE communities SET removed_from_channel_at = ? WHERE workspace_id = ? AND id = ?').run(at, workspaceId, id);
  }

  /** The people who lead the community. */
  leadIds(communityId: number): number[] {
    return (
      prepared(this.db, "SELECT user_id AS id FROM memberships WHERE community_id = ? AND role = 'lead' ORDER BY joined_at, user_id").all(
        communityId,
      ) as { id: number }[]
    ).map((r) => r.id);
  }

  /**
   * The members (not guests: they take no part in reflections, pairing or goals) of these communities, with when
   * each joined: a period of a summary counts those who had joined by its end and still belong.
   */
  membersOf(communityIds: readonly number[]): { communityId: number; id: number; joinedAt: number }[] {
    return prepared(
      this.db,
      `SELECT community_id AS communityId, user_id AS id, joined_at AS joinedAt FROM memberships
         WHERE community_id IN (SELECT value FROM json_each(?)) AND role != 'guest'`,
    ).all(JSON.stringify(communityIds)) as { communityId: number; id: number; joinedAt: number }[];
  }

  /**
   * How many members (not guests) of each of these communities had joined by an instant, as a function: read with
   * one query grouped by the instant they joined (a community joins on a few days), then a binary search per ask.
   * Summaries count members at a period's end and at each meeting's start with it.
   */
  membersJoinedBy(communityIds: readonly number[]): (communityId: number, at: number) => number {
    const rows = prepared(
      this.db,
      `SELECT community_id AS communityId, joined_at AS joinedAt, COUNT(*) AS n FROM memberships
         WHERE community_id IN (SELECT value FROM json_each(?)) AND role != 'guest'
         GROUP BY community_id, joined_at ORDER BY community_id, joined_at`,
    ).all(JSON.stringify(communityIds)) as { communityId: number; joinedAt: number; n: number }[];
    // Per community: the instants members joined, in order, and how many had joined by each.
    const byCommunity = new Map<number, { at: number[]; total: number[] }>();
    for (const r of rows) {
      let c = byCommunity.get(r.communityId);
      if (!c) {
        c = { at: [], total: [] };
        byCommunity.set(r.communityId, c);
      }
      c.at.push(r.joinedAt);
      c.total.push((c.total[c.total.length - 1] ?? 0) + r.n);
    }
    return (communityId, at) => {
      const c = byCommunity.get(communityId);
      if (!c) return 0;
      // Past the last instant joined at or before `at`.
      let lo = 0;
      let hi = c.at.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((c.at[mid] as number) <= at) lo = mid + 1;
        else hi = mid;
      }
      return lo === 0 ? 0 : (c.total[lo - 1] as number);
    };
  }

  roleOf(communityId: number, userId: number): Role | null {
    const r = prepared(this.db, 'SELECT role FROM memberships WHERE community_id = ? AND user_id = ?').get(communityId, userId) as
      | { role: Role }
      | undefined;
    return r?.role ?? null;
  }

  /** Adds the user with the role, or changes their role. */
  setRole(communityId: number, userId: number, role: Role, now: number): void {
    prepared(
      this.db,
      `INSERT INTO memberships (community_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (community_id, user_id) DO UPDATE SET role = excluded.role`,
    ).run(communityId, userId, role, now);
  }

  removeMember(communityId: number, userId: number): void {
    prepared(this.db, 'DELETE FROM memberships WHERE community_id = ? AND user_id = ?').run(communityId, userId);
  }

  members(communityId: number): Member[] {
    return prepared(
      this.db,
      `SELECT u.id AS userId, u.external_id AS externalId, u.display_name AS displayName, m.role AS role, m.joined_at AS joinedAt
           FROM memberships m JOIN users u ON u.id = m.user_id
           WHERE m.community_id = ? ORDER BY CASE m.role WHEN 'lead' THEN 0 WHEN 'curator' THEN 1 WHEN 'coach' THEN 2 WHEN 'member' THEN 3 ELSE 4 END,
             u.display_name COLLATE NOCASE`,
    ).all(communityId) as Member[];
  }

  memberCount(communityId: number): number {
    return (prepared(this.db, 'SELECT COUNT(*) AS n FROM memberships WHERE community_id = ?').get(communityId) as { n: number }).n;
  }

  leadCount(communityId: number): number {
    return (
      prepared(this.db, "SELECT COUNT(*) AS n FROM memberships WHERE community_id = ? AND role = 'lead'").get(communityId) as { n: number }
    ).n;
  }
}
