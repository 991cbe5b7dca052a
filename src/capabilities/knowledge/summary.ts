import { boundsOf, type CoreEnv, type Figures, type Period, participantsFromQuery, participantsOfOne, spanOf } from '../../capability.js';
import type { Community } from '../../store/communities.js';
import { jsonRows, prepared } from '../../store/db.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * The knowledge figures of many communities in each period, with one query: the library's size at the period's
 * end, what was added in it, and the norms by its end. A library holds tens of entries, so their times are read
 * once and sorted into the periods here, rather than counted three times a community and period.
 */
export function knowledgeFiguresOfMany(
  communities: readonly Community[],
  periods: readonly Period[],
  env: CoreEnv,
): Map<number, Figures>[] {
  const out = periods.map(() => new Map<number, Figures>());
  if (periods.length === 0 || communities.length === 0) return out;
  const rows = jsonRows<[number, number, 0 | 1]>(
    env.store.db,
    `WITH ids AS (SELECT value AS id FROM json_each(:ids))
     SELECT community_id AS c, shared_at AS at, 1 AS resource FROM knowledge_resources WHERE community_id IN ids AND shared_at < :to
     UNION ALL SELECT community_id, created_at, 0 FROM knowledge_norms WHERE community_id IN ids AND created_at < :to`,
    'c, at, resource',
    { ids: JSON.stringify(communities.map((c) => c.id)), to: spanOf(periods).to },
  );
  // Each community's counts, three a period: resources by its end, resources added in it, norms by its end.
  const counts = new Map<number, Int32Array>(communities.map((c) => [c.id, new Int32Array(periods.length * 3)]));
  const { froms, tos } = boundsOf(periods);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as [number, number, 0 | 1];
    const acc = counts.get(row[0]);
    if (acc) tallyEntry(acc, froms, tos, row[1], row[2] === 1);
  }
  for (let i = 0; i < periods.length; i++) {
    const byCommunity = out[i] as Map<number, Figures>;
    for (const [id, acc] of counts) {
      byCommunity.set(id, {
        'knowledge.resources': acc[i * 3] as number,
        'knowledge.resourcesAdded': acc[i * 3 + 1] as number,
        'knowledge.norms': acc[i * 3 + 2] as number,
      });
    }
  }
  return out;
}

/** Adds one resource (or norm) made at `at` to the periods ([froms, tos)) it was there by the end of, or added in. */
function tallyEntry(acc: Int32Array, froms: Float64Array, tos: Float64Array, at: number, resource: boolean): void {
  for (let i = 0; i < tos.length; i++) {
    if (at >= (tos[i] as number)) continue;
    if (!resource) acc[i * 3 + 2] = (acc[i * 3 + 2] as number) + 1;
    else {
      acc[i * 3] = (acc[i * 3] as number) + 1;
      if (at >= (froms[i] as number)) acc[i * 3 + 1] = (acc[i * 3 + 1] as number) + 1;
    }
  }
}

/** `knowledgeParticipants` for many communities and periods, with one query over them all. */
export const knowledgeParticipantsOfMany = participantsFromQuery(
  `SELECT community_id AS communityId, sharer_id AS id, shared_at AS at FROM knowledge_resources
         WHERE community_id IN (SELECT value FROM json_each(:ids)) AND shared_at >= :from AND shared_at < :to AND sharer_id IS NOT NULL`,
);

/** Who shared or saved to the library in the period: only ever counted, as active members. */
export const knowledgeParticipants = participantsOfOne(knowledgeParticipantsOfMany);

/** What the whole community reads, for coordinators: the library (with its tags), the norms and the charter. */
export function knowledgeExport(community: Community, env: CoreEnv): Record<string, unknown[]> {
  const resources = prepared(
    env.store.db,
    `SELECT r.ref, r.url, r.text, r.shared_at AS sharedAt, r.pinned_at AS pinnedAt,
        (SELECT json_group_array(t.tag) FROM knowledge_resource_tags t WHERE t.resource_id = r.id) AS tags
       FROM knowledge_resources r WHERE r.community_id = ? ORDER BY r.ref`,
  ).all(community.id) as { ref: number; url: string | null; text: string; sharedAt: number; pinnedAt: number | null; tags: string }[];
  const norms = prepared(
    env.store.db,
    'SELECT ref, text, created_at AS createdAt FROM knowledge_norms WHERE community_id = ? ORDER BY ref',
  ).all(community.id) as { ref: number; text: string; createdAt: number }[];
  const charter = prepared(env.store.db, 'SELECT mission, set_at AS setAt FROM knowledge_charters WHERE community_id = ?').all(
    community.id,
  ) as { mission: string; setAt: number }[];
  return {
    library: resources.map((r) => ({
      resource: `#${r.ref}`,
      url: r.url,
      text: r.text,
      tags: (JSON.parse(r.tags) as string[]).sort(),
      sharedAt: iso(r.sharedAt),
      pinned: r.pinnedAt !== null,
      readers: 'community',
    })),
    norms: norms.map((n) => ({ norm: `#${n.ref}`, text: n.text, addedAt: iso(n.createdAt), readers: 'community' })),
    charter: charter.map((c) => ({ mission: c.mission, setAt: iso(c.setAt), readers: 'community' })),
  };
}
