import { type CoreEnv, type Figures, type Period, participantsFromQuery, participantsOfOne, spanOf } from '../../capability.js';
import type { Community } from '../../store/communities.js';
import { prepared } from '../../store/db.js';

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
  const out = periods.map(
    () =>
      new Map<number, Figures>(
        communities.map((c) => [c.id, { 'knowledge.resources': 0, 'knowledge.resourcesAdded': 0, 'knowledge.norms': 0 }]),
      ),
  );
  if (periods.length === 0 || communities.length === 0) return out;
  const rows = prepared(
    env.store.db,
    `WITH ids AS (SELECT value AS id FROM json_each(:ids))
     SELECT community_id, shared_at, 1 FROM knowledge_resources WHERE community_id IN ids AND shared_at < :to
     UNION ALL SELECT community_id, created_at, 0 FROM knowledge_norms WHERE community_id IN ids AND created_at < :to`,
  )
    .raw()
    .all({ ids: JSON.stringify(communities.map((c) => c.id)), to: spanOf(periods).to }) as [number, number, 0 | 1][];
  for (const [communityId, at, resource] of rows) {
    for (let i = 0; i < periods.length; i++) {
      const p = periods[i] as Period;
      if (at >= p.to) continue;
      const f = out[i]?.get(communityId) as Figures;
      if (!resource) f['knowledge.norms'] = (f['knowledge.norms'] ?? 0) + 1;
      else {
        f['knowledge.resources'] = (f['knowledge.resources'] ?? 0) + 1;
        if (at >= p.from) f['knowledge.resourcesAdded'] = (f['knowledge.resourcesAdded'] ?? 0) + 1;
      }
    }
  }
  return out;
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
