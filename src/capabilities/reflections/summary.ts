import { type CoreEnv, type Figures, membersByCommunity, type Period, participantsOfOne } from '../../capability.js';
import type { Community } from '../../store/communities.js';
import { prepared } from '../../store/db.js';

/** The reflections figures of many communities with one query: counts only, never who or what. */
export function reflectionFiguresOfMany(communities: readonly Community[], period: Period, env: CoreEnv): Map<number, Figures> {
  const rows = prepared(
    env.store.db,
    `SELECT community_id AS id, COUNT(*) AS count, COUNT(DISTINCT author_id) AS reflectors,
        COALESCE(SUM(CASE WHEN visibility != 'private' THEN 1 ELSE 0 END), 0) AS shared
       FROM reflections WHERE community_id IN (SELECT value FROM json_each(?)) AND created_at >= ? AND created_at < ?
       GROUP BY community_id`,
  ).all(JSON.stringify(communities.map((c) => c.id)), period.from, period.to) as {
    id: number;
    count: number;
    reflectors: number;
    shared: number;
  }[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return new Map(
    communities.map((c) => {
      const r = byId.get(c.id);
      return [
        c.id,
        { 'reflections.count': r?.count ?? 0, 'reflections.reflectors': r?.reflectors ?? 0, 'reflections.shared': r?.shared ?? 0 },
      ];
    }),
  );
}

/** Who reflected in the period, whatever the visibility: only ever counted, as active members. */
export const reflectionParticipants = participantsOfOne(reflectionParticipantsOfMany);

/**
 * `reflectionParticipants` for many communities and periods: one query a period, which SQLite makes distinct
 * (a community's authors of a period are far fewer than its reflections).
 */
export function reflectionParticipantsOfMany(
  communities: readonly Community[],
  periods: readonly Period[],
  env: CoreEnv,
): Map<number, number[]>[] {
  const statement = prepared(
    env.store.db,
    `SELECT DISTINCT community_id AS communityId, author_id AS id FROM reflections
       WHERE community_id IN (SELECT value FROM json_each(?)) AND created_at >= ? AND created_at < ?`,
  );
  const ids = JSON.stringify(communities.map((c) => c.id));
  return periods.map((p) => membersByCommunity(statement.all(ids, p.from, p.to) as { communityId: number; id: number }[]));
}

/**
 * What coordinators may read of a community's reflections: those their authors shared with the leads and
 * coordinators. Never a private or team-only one.
 */
export function reflectionExport(community: Community, env: CoreEnv): Record<string, unknown[]> {
  const rows = prepared(
    env.store.db,
    `SELECT ref, text, created_at AS createdAt, edited_at AS editedAt FROM reflections
       WHERE community_id = ? AND visibility = 'coordinator' ORDER BY created_at, id`,
  ).all(community.id) as { ref: number; text: string; createdAt: number; editedAt: number | null }[];
  return {
    sharedWithCoordinators: rows.map((r) => ({
      reflection: `#${r.ref}`,
      text: r.text,
      writtenAt: new Date(r.createdAt).toISOString(),
      editedAt: r.editedAt === null ? null : new Date(r.editedAt).toISOString(),
      readers: 'coordinators',
    })),
  };
}
