import { type Db, prepared } from '../../../store/db.js';

/** A resource of the library: a link or a text (a lesson idea, a protocol, a saved message). */
export interface Resource {
  id: number;
  workspaceId: number;
  communityId: number;
  ref: number;
  url: string | null;
  text: string;
  /** Who shared it or saved it; null once they are forgotten. */
  sharerId: number | null;
  sharerName: string | null;
  /** The author of the message it was saved from; null for a resource shared directly, or once they are forgotten. */
  authorId: number | null;
  authorName: string | null;
  savedFromMessage: boolean;
  sharedAt: number;
  pinnedAt: number | null;
  tags: string[];
}

/** A working agreement of the team. */
export interface Norm {
  id: number;
  communityId: number;
  ref: number;
  text: string;
  authorId: number | null;
  createdAt: number;
}

export interface Charter {
  mission: string;
  setBy: number | null;
  setAt: number;
}

const RESOURCE = `SELECT r.id, r.workspace_id AS workspaceId, r.community_id AS communityId, r.ref, r.url, r.text,
  r.sharer_id AS sharerId, s.display_name AS sharerName, r.author_id AS authorId, a.display_name AS authorName,
  r.saved_from_message AS savedFromMessage, r.shared_at AS sharedAt, r.pinned_at AS pinnedAt,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM knowledge_resource_tags WHERE resource_id = r.id ORDER BY tag_key)) AS tags
  FROM knowledge_resources r LEFT JOIN users s ON s.id = r.sharer_id LEFT JOIN users a ON a.id = r.author_id`;

type ResourceRow = Omit<Resource, 'tags' | 'savedFromMessage'> & { tags: string; savedFromMessage: number };
const toResource = (r: ResourceRow): Resource => ({
  ...r,
  savedFromMessage: r.savedFromMessage === 1,
  tags: JSON.parse(r.tags) as string[],
});

const NORM = 'SELECT id, community_id AS communityId, ref, text, author_id AS authorId, created_at AS createdAt FROM knowledge_norms';

/** The library, norms and charter of every community, on one database. */
export class LibraryRepo {
  constructor(private readonly db: Db) {}

  addResource(
    r: {
      workspaceId: number;
      communityId: number;
      ref: number;
      url: string | null;
      text: string;
      sharerId: number;
      authorId: number | null;
      savedFromMessage: boolean;
      tags: { key: string; tag: string }[];
    },
    now: number,
  ): Resource {
    const { lastInsertRowid } = this.#sql(
      `INSERT INTO knowledge_resources (workspace_id, community_id, ref, url, text, sharer_id, author_id, saved_from_message, shared_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(r.workspaceId, r.communityId, r.ref, r.url, r.text, r.sharerId, r.authorId, r.savedFromMessage ? 1 : 0, now);
    const id = Number(lastInsertRowid);
    const tag = this.#sql('INSERT OR IGNORE INTO knowledge_resource_tags (resource_id, tag_key, tag) VALUES (?, ?, ?)');
    for (const t of r.tags) tag.run(id, t.key, t.tag);
    return this.resource(id) as Resource;
  }

  resource(id: number): Resource | null {
    const row = this.#sql(`${RESOURCE} WHERE r.id = ?`).get(id) as ResourceRow | undefined;
    return row ? toResource(row) : null;
  }

  resourceByRef(communityId: number, ref: number): Resource | null {
    const row = this.#sql(`${RESOURCE} WHERE r.community_id = ? AND r.ref = ?`).get(communityId, ref) as ResourceRow | undefined;
    return row ? toResource(row) : null;
  }

  /** The community's library: pinned first (latest pin first), then newest. */
  resources(communityId: number, tagKey: string | null = null): Resource[] {
    const where = tagKey
      ? 'WHERE r.community_id = ? AND r.id IN (SELECT resource_id FROM knowledge_resource_tags WHERE tag_key = ?)'
      : 'WHERE r.community_id = ?';
    const order = 'ORDER BY r.pinned_at IS NULL, r.pinned_at DESC, r.shared_at DESC, r.ref DESC';
    const args = tagKey ? [communityId, tagKey] : [communityId];
    return (this.#sql(`${RESOURCE} ${where} ${order}`).all(...args) as ResourceRow[]).map(toResource);
  }

  pinned(communityId: number, limit: number): Resource[] {
    const sql = `${RESOURCE} WHERE r.community_id = ? AND r.pinned_at IS NOT NULL ORDER BY r.pinned_at DESC LIMIT ?`;
    return (this.#sql(sql).all(communityId, limit) as ResourceRow[]).map(toResource);
  }

  /** Resources shared in the community in [from, to). */
  sharedBetween(communityId: number, from: number, to: number): Resource[] {
    const sql = `${RESOURCE} WHERE r.community_id = ? AND r.shared_at >= ? AND r.shared_at < ? ORDER BY r.shared_at, r.ref`;
    return (this.#sql(sql).all(communityId, from, to) as ResourceRow[]).map(toResource);
  }

  countResources(communityId: number, before: number): number {
    return this.#count('SELECT COUNT(*) AS n FROM knowledge_resources WHERE community_id = ? AND shared_at < ?', communityId, before);
  }

  removeResource(id: number): void {
    this.#sql('DELETE FROM knowledge_resources WHERE id = ?').run(id);
  }

  setPinned(id: number, at: number | null): void {
    this.#sql('UPDATE knowledge_resources SET pinned_at = ? WHERE id = ?').run(at, id);
  }

  addNorm(n: { workspaceId: number; communityId: number; ref: number; text: string; authorId: number }, now: number): Norm {
    const { lastInsertRowid } = this.#sql(
      'INSERT INTO knowledge_norms (workspace_id, community_id, ref, text, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(n.workspaceId, n.communityId, n.ref, n.text, n.authorId, now);
    return this.#sql(`${NORM} WHERE id = ?`).get(Number(lastInsertRowid)) as Norm;
  }

  /** The community's norms, in the order they were agreed. */
  norms(communityId: number): Norm[] {
    return this.#sql(`${NORM} WHERE community_id = ? ORDER BY created_at, ref`).all(communityId) as Norm[];
  }

  normByRef(communityId: number, ref: number): Norm | null {
    return (this.#sql(`${NORM} WHERE community_id = ? AND ref = ?`).get(communityId, ref) as Norm | undefined) ?? null;
  }

  removeNorm(id: number): void {
    this.#sql('DELETE FROM knowledge_norms WHERE id = ?').run(id);
  }

  charter(communityId: number): Charter | null {
    const sql = 'SELECT mission, set_by AS setBy, set_at AS setAt FROM knowledge_charters WHERE community_id = ?';
    return (this.#sql(sql).get(communityId) as Charter | undefined) ?? null;
  }

  setMission(communityId: number, mission: string, by: number, now: number): void {
    this.#sql(
      `INSERT INTO knowledge_charters (community_id, mission, set_by, set_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (community_id) DO UPDATE SET mission = excluded.mission, set_by = excluded.set_by, set_at = excluded.set_at`,
    ).run(communityId, mission, by, now);
  }

  #count(sql: string, ...args: unknown[]): number {
    return (this.#sql(sql).get(...args) as { n: number }).n;
  }

  #sql(sql: string) {
    return prepared(this.db, sql);
  }
}
