import { type CoreEnv, type Figures, type Period, participantsFromQuery, participantsOfOne } from '../../capability.js';
import type { Community } from '../../store/communities.js';
import { prepared } from '../../store/db.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The knowledge figures of many communities with one query: the library's size, what was added, the norms. */
export function knowledgeFiguresOfMany(communities: readonly Community[], period: Period, env: CoreEnv): Map<number, Figures> {
  const rows = prepared(
    env.store.db,
    `SELECT c.value AS id,
        (SELECT COUNT(*) FROM knowledge_resources r WHERE r.community_id = c.value AND r.shared_at < ?) AS resources,
        (SELECT COUNT(*) FROM knowledge_resources r WHERE r.community_id = c.value AND r.shared_at >= ? AND r.shared_at < ?) AS added,
        (SELECT COUNT(*) FROM knowledge_norms n WHERE n.community_id = c.value AND n.created_at < ?) AS norms
       FROM json_each(?) c`,
  ).all(period.to, period.from, period.to, period.to, JSON.stringify(communities.map((c) => c.id))) as {
    id: number;
    resources: number;
    added: number;
    norms: number;
  }[];
  return new Map(
    rows.map((r) => [r.id, { 'knowledge.resources': r.resources, 'knowledge.resourcesAdded': r.added, 'knowledge.norms': r.norms }]),
  );
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
