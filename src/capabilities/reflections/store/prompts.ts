import type { Cadence } from '../../../grammar/cadence.js';
import type { Locale } from '../../../i18n/locales.js';
import { type Db, prepared } from '../../../store/db.js';

/** A community's prompt cadence, with the zone for people whose platform reports none. */
export interface PromptSchedule {
  communityId: number;
  workspaceId: number;
  cadence: Cadence;
  fromDate: string;
  defaultTz: string;
}

/** A prompt that went to one person for one community on one local date. */
export interface SentPrompt {
  id: number;
  communityId: number;
  localDate: string;
  questionKey: string;
  sentAt: number;
  answeredAt: number | null;
  nudgedAt: number | null;
}

interface ScheduleRow {
  communityId: number;
  workspaceId: number;
  cadence: string;
  fromDate: string;
  defaultTz: string;
}

const toSchedule = (r: ScheduleRow): PromptSchedule => ({ ...r, cadence: JSON.parse(r.cadence) as Cadence });
const SCHEDULE = `s.community_id AS communityId, s.workspace_id AS workspaceId, s.cadence, s.from_date AS fromDate,
  s.default_tz AS defaultTz`;
const PROMPT = `p.id, p.community_id AS communityId, p.local_date AS localDate, p.question_key AS questionKey,
  p.sent_at AS sentAt, p.answered_at AS answeredAt, p.nudged_at AS nudgedAt`;

/** Prompt schedules, the communities' own questions, prompts sent, the bank's rounds and announced pauses. */
export class PromptRepo {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = (sql: string) => prepared(db, sql);
  }

  schedule(communityId: number): PromptSchedule | null {
    const r = this.#sql(`SELECT ${SCHEDULE} FROM reflection_prompt_schedules s WHERE s.community_id = ?`).get(communityId) as
      | ScheduleRow
      | undefined;
    return r ? toSchedule(r) : null;
  }

  saveSchedule(s: PromptSchedule, setBy: number, now: number): void {
    this.#sql(
      `INSERT INTO reflection_prompt_schedules (community_id, workspace_id, cadence, from_date, default_tz, set_by, set_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (community_id) DO UPDATE SET cadence = excluded.cadence, from_date = excluded.from_date,
           default_tz = excluded.default_tz, set_by = excluded.set_by, set_at = excluded.set_at`,
    ).run(s.communityId, s.workspaceId, JSON.stringify(s.cadence), s.fromDate, s.defaultTz, setBy, now);
  }

  removeSchedule(communityId: number): boolean {
    return this.#sql('DELETE FROM reflection_prompt_schedules WHERE community_id = ?').run(communityId).changes > 0;
  }

  /** The prompt schedules of the communities where the person takes part (not as a guest), by community name. */
  schedulesOf(workspaceId: number, userId: number): (PromptSchedule & { communityName: string })[] {
    return (
      this.#sql(
        `SELECT ${SCHEDULE}, c.name AS communityName FROM reflection_prompt_schedules s
           JOIN communities c ON c.id = s.community_id
           JOIN memberships m ON m.community_id = s.community_id AND m.user_id = ?
           WHERE s.workspace_id = ? AND c.archived_at IS NULL AND m.role != 'guest' ORDER BY c.name_key`,
      ).all(userId, workspaceId) as (ScheduleRow & { communityName: string })[]
    ).map((r) => ({ ...toSchedule(r), communityName: r.communityName }));
  }

  /** Every schedule, for the scheduler's seed. */
  allSchedules(): PromptSchedule[] {
    return (this.#sql(`SELECT ${SCHEDULE} FROM reflection_prompt_schedules s`).all() as ScheduleRow[]).map(toSchedule);
  }

  addQuestion(q: { workspaceId: number; communityId: number; locale: Locale; text: string; createdBy: number }, now: number): number {
    return Number(
      this.#sql(
        'INSERT INTO reflection_questions (workspace_id, community_id, locale, text, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(q.workspaceId, q.communityId, q.locale, q.text, q.createdBy, now).lastInsertRowid,
    );
  }

  /** The communities' own questions in a language, oldest first. */
  questions(communityIds: readonly number[], locale: Locale): { id: number; text: string }[] {
    if (communityIds.length === 0) return [];
    return this.#sql(
      `SELECT id, text FROM reflection_questions WHERE locale = ? AND community_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    ).all(locale, JSON.stringify(communityIds)) as { id: number; text: string }[];
  }

  questionText(id: number): string | null {
    return (this.#sql('SELECT text FROM reflection_questions WHERE id = ?').get(id) as { text: string } | undefined)?.text ?? null;
  }

  questionCount(communityId: number): number {
    return (this.#sql('SELECT COUNT(*) AS n FROM reflection_questions WHERE community_id = ?').get(communityId) as { n: number }).n;
  }

  /** Whether the person was sent a prompt, for any community, on that local date. */
  promptedOn(userId: number, localDate: string): boolean {
    return this.#sql('SELECT 1 FROM reflection_prompts WHERE user_id = ? AND local_date = ? LIMIT 1').get(userId, localDate) !== undefined;
  }

  /** The local dates from `from` on when the person was prompted. */
  promptDatesFrom(userId: number, from: string): Set<string> {
    return new Set(
      (
        this.#sql('SELECT DISTINCT local_date AS d FROM reflection_prompts WHERE user_id = ? AND local_date >= ?').all(userId, from) as {
          d: string;
        }[]
      ).map((r) => r.d),
    );
  }

  recordPrompt(p: { workspaceId: number; communityId: number; userId: number; localDate: string; questionKey: string }, now: number): void {
    this.#sql(
      `INSERT INTO reflection_prompts (workspace_id, community_id, user_id, local_date, question_key, sent_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (community_id, user_id, local_date) DO NOTHING`,
    ).run(p.workspaceId, p.communityId, p.userId, p.localDate, p.questionKey, now);
  }

  /** The prompts of one local date the person has not answered yet. */
  unansweredOn(userId: number, localDate: string): SentPrompt[] {
    return this.#sql(
      `SELECT ${PROMPT} FROM reflection_prompts p WHERE p.user_id = ? AND p.local_date = ? AND p.answered_at IS NULL ORDER BY p.id`,
    ).all(userId, localDate) as SentPrompt[];
  }

  /** Prompts sent since `since` that the person has not answered, in communities they still take part in, newest first. */
  unansweredSince(userId: number, since: number): (SentPrompt & { communityName: string })[] {
    return this.#sql(
      `SELECT ${PROMPT}, c.name AS communityName FROM reflection_prompts p JOIN communities c ON c.id = p.community_id
         JOIN memberships m ON m.community_id = p.community_id AND m.user_id = p.user_id AND m.role != 'guest'
         WHERE p.user_id = ? AND p.answered_at IS NULL AND p.sent_at >= ? AND c.archived_at IS NULL ORDER BY p.sent_at DESC, p.id`,
    ).all(userId, since) as (SentPrompt & { communityName: string })[];
  }

  /** The question of the person's latest open prompt in a community since `since`, if any. */
  openQuestion(communityId: number, userId: number, since: number): string | null {
    return (
      (
        this.#sql(
          `SELECT question_key AS k FROM reflection_prompts WHERE community_id = ? AND user_id = ? AND answered_at IS NULL AND sent_at >= ?
             ORDER BY sent_at DESC LIMIT 1`,
        ).get(communityId, userId, since) as { k: string } | undefined
      )?.k ?? null
    );
  }

  /**
   * Marks the person's open prompts of a community answered; returns the question of the latest one sent since
   * `since` (what a reflection written now answers), or null. Every `reflect` asks: one with no prompt open is
   * told so by the index of open prompts, without the UPDATE (which cost a few µs more even when it changed nothing).
   */
  answer(communityId: number, userId: number, now: number, since: number): string | null {
    const open = this.#sql('SELECT 1 FROM reflection_prompts WHERE community_id = ? AND user_id = ? AND answered_at IS NULL LIMIT 1');
    if (open.get(communityId, userId) === undefined) return null;
    const answered = this.#sql(
      'UPDATE reflection_prompts SET answered_at = ? WHERE community_id = ? AND user_id = ? AND answered_at IS NULL RETURNING question_key, sent_at',
    )
      .raw()
      .all(now, communityId, userId) as [string, number][];
    let latest: [string, number] | null = null;
    for (const row of answered) if (row[1] >= since && (latest === null || row[1] > latest[1])) latest = row;
    return latest?.[0] ?? null;
  }

  markNudged(ids: readonly number[], now: number): void {
    const stmt = this.#sql('UPDATE reflection_prompts SET nudged_at = ? WHERE id = ?');
    for (const id of ids) stmt.run(now, id);
  }

  asked(userId: number): Set<string> {
    return new Set(
      (this.#sql('SELECT question_key AS k FROM reflection_questions_asked WHERE user_id = ?').all(userId) as { k: string }[]).map(
        (r) => r.k,
      ),
    );
  }

  /** Starts a new round of the bank for the person: the questions in `keys` may be asked again. */
  newRound(userId: number, keys: readonly string[]): void {
    this.#sql('DELETE FROM reflection_questions_asked WHERE user_id = ? AND question_key IN (SELECT value FROM json_each(?))').run(
      userId,
      JSON.stringify(keys),
    );
  }

  markAsked(userId: number, key: string, now: number): void {
    this.#sql(
      'INSERT INTO reflection_questions_asked (user_id, question_key, asked_at) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET asked_at = excluded.asked_at',
    ).run(userId, key, now);
  }

  recordPause(userId: number, startsAt: number, untilDate: string): void {
    this.#sql('INSERT INTO reflection_pauses (user_id, starts_at, until_date) VALUES (?, ?, ?)').run(userId, startsAt, untilDate);
  }

  pauses(userId: number): { startsAt: number; untilDate: string }[] {
    return this.#sql('SELECT starts_at AS startsAt, until_date AS untilDate FROM reflection_pauses WHERE user_id = ?').all(userId) as {
      startsAt: number;
      untilDate: string;
    }[];
  }
}
