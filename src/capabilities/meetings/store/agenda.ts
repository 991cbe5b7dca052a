import { type Db, prepared } from '../../../store/db.js';

/** An item someone wants to talk about at a meeting. */
export interface AgendaItem {
  id: number;
  communityId: number;
  ref: number;
  text: string;
  authorId: number | null;
  authorName: string | null;
  meetingId: number | null;
  createdAt: number;
}

const COLUMNS = `a.id, a.community_id AS communityId, a.ref, a.text, a.author_id AS authorId, u.display_name AS authorName,
  a.meeting_id AS meetingId, a.created_at AS createdAt`;

/** Agenda items: open ones wait for the next meeting; when it starts they become its agenda. */
export class AgendaRepo {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = (sql: string) => prepared(db, sql);
  }

  add(item: { workspaceId: number; communityId: number; ref: number; text: string; authorId: number }, now: number): AgendaItem {
    const info = this.#sql(
      'INSERT INTO agenda_items (workspace_id, community_id, ref, text, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(item.workspaceId, item.communityId, item.ref, item.text, item.authorId, now);
    return this.get(Number(info.lastInsertRowid)) as AgendaItem;
  }

  get(id: number): AgendaItem | null {
    return (
      (this.#sql(`SELECT ${COLUMNS} FROM agenda_items a LEFT JOIN users u ON u.id = a.author_id WHERE a.id = ?`).get(id) as
        | AgendaItem
        | undefined) ?? null
    );
  }

  byRef(workspaceId: number, ref: number): AgendaItem | null {
    return (
      (this.#sql(
        `SELECT ${COLUMNS} FROM agenda_items a LEFT JOIN users u ON u.id = a.author_id
           WHERE a.workspace_id = ? AND a.ref = ? AND a.removed_at IS NULL`,
      ).get(workspaceId, ref) as AgendaItem | undefined) ?? null
    );
  }

  /** The items waiting for the community's next meeting, oldest first. */
  open(communityId: number): AgendaItem[] {
    return this.#sql(
      `SELECT ${COLUMNS} FROM agenda_items a LEFT JOIN users u ON u.id = a.author_id
         WHERE a.community_id = ? AND a.meeting_id IS NULL AND a.removed_at IS NULL ORDER BY a.created_at, a.id`,
    ).all(communityId) as AgendaItem[];
  }

  /** The agenda a meeting had. */
  ofMeeting(meetingId: number): AgendaItem[] {
    return this.#sql(
      `SELECT ${COLUMNS} FROM agenda_items a LEFT JOIN users u ON u.id = a.author_id
         WHERE a.meeting_id = ? AND a.removed_at IS NULL ORDER BY a.created_at, a.id`,
    ).all(meetingId) as AgendaItem[];
  }

  /** Gives every open item added before `before` to the meeting that is starting. */
  assignOpen(communityId: number, meetingId: number, before: number): void {
    this.#sql(
      'UPDATE agenda_items SET meeting_id = ? WHERE community_id = ? AND meeting_id IS NULL AND removed_at IS NULL AND created_at <= ?',
    ).run(meetingId, communityId, before);
  }

  remove(id: number, now: number): void {
    this.#sql('UPDATE agenda_items SET removed_at = ? WHERE id = ?').run(now, id);
  }
}
