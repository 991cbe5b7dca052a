import { type Db, prepared } from '../../../store/db.js';
import { ActivityRepo, type Counted } from './activity.js';

export const VISIBILITIES = ['private', 'team', 'coordinator'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** One reflection as stored. */
export interface Reflection {
  id: number;
  workspaceId: number;
  communityId: number;
  ref: number;
  authorId: number;
  visibility: Visibility;
  text: string;
  questionKey: string | null;
  createdAt: number;
  editedAt: number | null;
}

/** A reflection with the names a list shows beside it. */
export interface ListedReflection extends Reflection {
  authorName: string;
  communityName: string;
}

const COLUMNS = `r.id, r.workspace_id AS workspaceId, r.community_id AS communityId, r.ref, r.author_id AS authorId,
  r.visibility, r.text, r.question_key AS questionKey, r.created_at AS createdAt, r.edited_at AS editedAt`;
const LISTED = `${COLUMNS}, u.display_name AS authorName, c.name AS communityName
  FROM reflections r JOIN users u ON u.id = r.author_id JOIN communities c ON c.id = r.community_id`;

/** What one reader may see of a community's reflections by others. */
export interface ReaderRights {
  /** A member who is not a guest: reads `team` reflections. */
  teammate: boolean;
  /** A lead of the community or a coordinator of the workspace: reads `coordinator` reflections. */
  overseer: boolean;
}

/** What a deletion returns so that the activity counts can follow it. */
const COUNTED = 'community_id AS communityId, author_id AS authorId, created_at AS createdAt, visibility';

/**
 * Reflections: every query names the workspace or the community, so one workspace never reads another's. Every
 * reflection written or deleted here is also counted in `activity` (summaries' counts), in the same transaction.
 */
export class ReflectionRepo {
  readonly #sql;
  readonly activity: ActivityRepo;

  constructor(db: Db) {
    this.#sql = (sql: string) => prepared(db, sql);
    this.activity = new ActivityRepo(db);
  }

  add(r: Omit<Reflection, 'id' | 'editedAt'>): Reflection {
    const info = this.#sql(
      `INSERT INTO reflections (workspace_id, community_id, ref, author_id, visibility, text, question_key, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(r.workspaceId, r.communityId, r.ref, r.authorId, r.visibility, r.text, r.questionKey, r.createdAt);
    this.activity.added(r);
    return { ...r, id: Number(info.lastInsertRowid), editedAt: null };
  }

  /** The author's own reflection with that number; null for anyone else's, so the two cannot be told apart. */
  ownByRef(workspaceId: number, authorId: number, ref: number): Reflection | null {
    return (
      (this.#sql(`SELECT ${COLUMNS} FROM reflections r WHERE r.workspace_id = ? AND r.ref = ? AND r.author_id = ?`).get(
        workspaceId,
        ref,
        authorId,
      ) as Reflection | undefined) ?? null
    );
  }

  /** Any reflection of the workspace with that number, for a reader whose rights are checked after. */
  byRef(workspaceId: number, ref: number): ListedReflection | null {
    return (
      (this.#sql(`SELECT ${LISTED} WHERE r.workspace_id = ? AND r.ref = ?`).get(workspaceId, ref) as ListedReflection | undefined) ?? null
    );
  }

  setText(id: number, text: string, at: number): void {
    this.#sql('UPDATE reflections SET text = ?, edited_at = ? WHERE id = ?').run(text, at, id);
  }

  remove(id: number): void {
    const gone = this.#sql(`DELETE FROM reflections WHERE id = ? RETURNING ${COUNTED}`).all(id) as Counted[];
    this.activity.note(gone, -1);
  }

  /** Deletes every reflection of one author in the workspace; returns the shared ones' numbers (for the search index). */
  removeAllOf(workspaceId: number, authorId: number): { ref: number; communityId: number }[] {
    const gone = this.#sql(`DELETE FROM reflections WHERE workspace_id = ? AND author_id = ? RETURNING ref, ${COUNTED}`).all(
      workspaceId,
      authorId,
    ) as (Counted & { ref: number })[];
    this.activity.note(gone, -1);
    return gone.filter((r) => r.visibility !== 'private').map((r) => ({ ref: r.ref, communityId: r.communityId }));
  }

  /** Deletes every reflection written before `before` (RETENTION_DAYS); returns each one's number, community and visibility. */
  removeBefore(before: number): { ref: number; communityId: number; visibility: Visibility }[] {
    const gone = this.#sql(`DELETE FROM reflections WHERE created_at < ? RETURNING ref, ${COUNTED}`).all(before) as (Counted & {
      ref: number;
    })[];
    this.activity.note(gone, -1);
    return gone.map((r) => ({ ref: r.ref, communityId: r.communityId, visibility: r.visibility }));
  }

  /** One page of the author's own reflections, newest first, and how many there are. */
  mine(workspaceId: number, authorId: number, limit: number, offset: number): { items: ListedReflection[]; total: number } {
    const total = (
      this.#sql('SELECT COUNT(*) AS n FROM reflections WHERE workspace_id = ? AND author_id = ?').get(workspaceId, authorId) as {
        n: number;
      }
    ).n;
    const items = this.#sql(
      `SELECT ${LISTED} WHERE r.workspace_id = ? AND r.author_id = ? ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?`,
    ).all(workspaceId, authorId, limit, offset) as ListedReflection[];
    return { items, total };
  }

  /** One page of the community's reflections by others that a reader with these rights may read, newest first. */
  readable(communityId: number, readerId: number, rights: ReaderRights, limit: number, offset: number) {
    const where = `r.community_id = ? AND r.author_id != ?
      AND ((r.visibility = 'team' AND ? = 1) OR (r.visibility = 'coordinator' AND ? = 1))`;
    const args = [communityId, readerId, rights.teammate ? 1 : 0, rights.overseer ? 1 : 0];
    const total = (this.#sql(`SELECT COUNT(*) AS n FROM reflections r WHERE ${where}`).get(...args) as { n: number }).n;
    const items = this.#sql(`SELECT ${LISTED} WHERE ${where} ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?`).all(
      ...args,
      limit,
      offset,
    ) as ListedReflection[];
    return { items, total };
  }

  /** The community's shared reflections (team and coordinator), oldest first: what search may index. */
  shared(communityId: number): Reflection[] {
    return this.#sql(
      `SELECT ${COLUMNS} FROM reflections r WHERE r.community_id = ? AND r.visibility != 'private' ORDER BY r.created_at, r.id`,
    ).all(communityId) as Reflection[];
  }

  /** When the author wrote reflections since `since` (any community of the workspace), newest first. */
  writtenAt(workspaceId: number, authorId: number, since: number): number[] {
    return this.#sql(
      'SELECT created_at FROM reflections WHERE workspace_id = ? AND author_id = ? AND created_at >= ? ORDER BY created_at DESC',
    )
      .pluck()
      .all(workspaceId, authorId, since) as number[];
  }

  /** The community's counts in a period: reflections, distinct authors, and those shared beyond the author. */
  counts(communityId: number, from: number, to: number): { count: number; reflectors: number; shared: number } {
    return this.#sql(
      `SELECT COUNT(*) AS count, COUNT(DISTINCT author_id) AS reflectors,
           COALESCE(SUM(CASE WHEN visibility != 'private' THEN 1 ELSE 0 END), 0) AS shared
         FROM reflections WHERE community_id = ? AND created_at >= ? AND created_at < ?`,
    ).get(communityId, from, to) as { count: number; reflectors: number; shared: number };
  }

  /** Everything the author wrote, oldest first, for their export. */
  exportOf(workspaceId: number, authorId: number): ListedReflection[] {
    return this.#sql(`SELECT ${LISTED} WHERE r.workspace_id = ? AND r.author_id = ? ORDER BY r.created_at, r.id`).all(
      workspaceId,
      authorId,
    ) as ListedReflection[];
  }
}
