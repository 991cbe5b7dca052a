import type { SentMessage } from '../../../ports.js';
import { type Db, prepared } from '../../../store/db.js';

/** Where the reminders of meetings were posted, so they can be updated when their meeting changes. */
export class ReminderPostRepo {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = (sql: string) => prepared(db, sql);
  }

  /** Remembers a posted reminder of a meeting. */
  add(meetingId: number, sent: SentMessage, now: number): void {
    this.#sql(
      `INSERT INTO reminder_posts (meeting_id, conversation, message, posted_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (meeting_id, conversation, message) DO NOTHING`,
    ).run(meetingId, sent.conversation, sent.message, now);
  }

  /** The posted reminders of a meeting, oldest first. */
  ofMeeting(meetingId: number): SentMessage[] {
    return this.#sql('SELECT conversation, message FROM reminder_posts WHERE meeting_id = ? ORDER BY posted_at, rowid').all(
      meetingId,
    ) as SentMessage[];
  }

  has(meetingId: number): boolean {
    return this.#sql('SELECT 1 FROM reminder_posts WHERE meeting_id = ? LIMIT 1').get(meetingId) !== undefined;
  }

  /** The community's meetings that have not started and have a posted reminder (they show the open agenda). */
  upcomingMeetings(communityId: number, now: number): number[] {
    return (
      this.#sql(
        `SELECT DISTINCT p.meeting_id AS id FROM reminder_posts p JOIN meetings m ON m.id = p.meeting_id
           WHERE m.community_id = ? AND m.starts_at > ? ORDER BY p.meeting_id`,
      ).all(communityId, now) as { id: number }[]
    ).map((r) => r.id);
  }

  /** Forgets a post that can no longer be reached (deleted, or its channel gone). */
  forget(sent: SentMessage): void {
    this.#sql('DELETE FROM reminder_posts WHERE conversation = ? AND message = ?').run(sent.conversation, sent.message);
  }
}
