import type { Cadence } from '../../../grammar/cadence.js';
import { type Db, prepared } from '../../../store/db.js';
import type { Level } from '../domain/alignment.js';

export const STATUSES = ['on-track', 'at-risk', 'off-track'] as const;
export type Status = (typeof STATUSES)[number];
export type Outcome = 'achieved' | 'dropped';

/** The latest check-in of a goal, as lists show it. */
export interface LastCheckin {
  status: Status;
  percent: number | null;
  at: number;
}

/** One goal, with its latest check-in. */
export interface Goal {
  id: number;
  workspaceId: number;
  ref: number;
  level: Level;
  /** The person an individual goal belongs to; null for team and school goals. */
  ownerId: number | null;
  /** A team goal's community; for an individual goal, the community it was set in (whose cadence asks about it). */
  communityId: number | null;
  alignsTo: number | null;
  text: string;
  dueOn: string | null;
  authorId: number | null;
  createdAt: number;
  closedAt: number | null;
  outcome: Outcome | null;
  closeNote: string | null;
  last: LastCheckin | null;
}

export interface Checkin {
  goalId: number;
  authorId: number | null;
  status: Status;
  percent: number | null;
  evidence: string | null;
  at: number;
}

/** A check-in schedule: a community's, or the school's (`communityId` null). */
export interface CheckinSchedule {
  scope: string;
  workspaceId: number;
  communityId: number | null;
  cadence: Cadence;
  rrule: string;
  setAt: number;
}

/** A goal as its query returns it: the latest check-in in three columns of its own. */
interface Row extends Omit<Goal, 'last'> {
  lastStatus: Status | null;
  lastPercent: number | null;
  lastAt: number | null;
}

// The latest check-in rides along on every read: one statement per list, not one per goal.
const SELECT = `SELECT g.id, g.workspace_id AS workspaceId, g.ref, g.level, g.owner_id AS ownerId, g.community_id AS communityId,
    g.aligns_to AS alignsTo, g.text, g.due_on AS dueOn, g.author_id AS authorId, g.created_at AS createdAt, g.closed_at AS closedAt,
    g.outcome, g.close_note AS closeNote, l.status AS lastStatus, l.percent AS lastPercent, l.at AS lastAt
  FROM goals g LEFT JOIN goal_checkins l ON l.id = (SELECT id FROM goal_checkins WHERE goal_id = g.id ORDER BY at DESC, id DESC LIMIT 1)`;

const toGoal = ({ lastStatus, lastPercent, lastAt, ...g }: Row): Goal => ({
  ...g,
  last: lastStatus !== null && lastAt !== null ? { status: lastStatus, percent: lastPercent, at: lastAt } : null,
});

/** The scope key of a schedule: a community's id, or `school` for the workspace's goals. */
export const scopeOf = (workspaceId: number, communityId: number | null): string =>
  `${workspaceId}:${communityId === null ? 'school' : communityId}`;

/** Goals, check-ins and check-in schedules. */
export class GoalRepo {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = (sql: string) => prepared(db, sql);
  }

  add(
    g: { workspaceId: number; ref: number; level: Level; ownerId: number | null; communityId: number | null; alignsTo: number | null },
    details: { text: string; dueOn: string | null; authorId: number },
    now: number,
  ): Goal {
    const info = this.#sql(
      `INSERT INTO goals (workspace_id, ref, level, owner_id, community_id, aligns_to, text, due_on, author_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(g.workspaceId, g.ref, g.level, g.ownerId, g.communityId, g.alignsTo, details.text, details.dueOn, details.authorId, now);
    return this.get(Number(info.lastInsertRowid)) as Goal;
  }

  get(id: number): Goal | null {
    const r = this.#sql(`${SELECT} WHERE g.id = ?`).get(id) as Row | undefined;
    return r ? toGoal(r) : null;
  }

  byRef(workspaceId: number, ref: number): Goal | null {
    const r = this.#sql(`${SELECT} WHERE g.workspace_id = ? AND g.ref = ?`).get(workspaceId, ref) as Row | undefined;
    return r ? toGoal(r) : null;
  }

  /**
   * The goals a person owns or shares in: their individual goals, the team goals of `communityIds` (where they
   * take part) and, with `school`, the workspace's school goals. Open ones first, then by number.
   */
  visible(workspaceId: number, userId: number, communityIds: readonly number[], school: boolean): Goal[] {
    // Each level through its own index (a school goal, like a team goal, has no owner): one OR over the three read
    // every goal of the workspace.
    const rows = this.#sql(
      `${SELECT} WHERE g.id IN (
           SELECT id FROM goals WHERE workspace_id = @ws AND owner_id = @user AND level = 'me'
           UNION ALL SELECT id FROM goals WHERE community_id IN (SELECT value FROM json_each(@communities)) AND +workspace_id = @ws AND level = 'team'
           UNION ALL SELECT id FROM goals WHERE workspace_id = @ws AND owner_id IS NULL AND level = 'school' AND @school)
       ORDER BY g.closed_at IS NOT NULL, g.ref`,
    ).all({ ws: workspaceId, user: userId, communities: JSON.stringify(communityIds), school: school ? 1 : 0 }) as Row[];
    return rows.map(toGoal);
  }

  /** Open goals of a level in a community (or the school's, for a null community). */
  open(workspaceId: number, level: Level, communityId: number | null): Goal[] {
    const rows = (
      communityId === null
        ? this.#sql(`${SELECT} WHERE g.workspace_id = ? AND g.level = ? AND g.closed_at IS NULL ORDER BY g.ref`).all(workspaceId, level)
        : this.#sql(`${SELECT} WHERE g.workspace_id = ? AND g.level = ? AND g.community_id = ? AND g.closed_at IS NULL ORDER BY g.ref`).all(
            workspaceId,
            level,
            communityId,
          )
    ) as Row[];
    return rows.map(toGoal);
  }

  /** Every team goal of a community, open or closed (summaries judge them as of a period). */
  teamGoals(communityId: number): Goal[] {
    return (this.#sql(`${SELECT} WHERE g.level = 'team' AND g.community_id = ? ORDER BY g.ref`).all(communityId) as Row[]).map(toGoal);
  }

  /** A person's open individual goals, everywhere in the workspace. */
  openOwnedBy(workspaceId: number, userId: number): Goal[] {
    return (
      this.#sql(`${SELECT} WHERE g.workspace_id = ? AND g.level = 'me' AND g.owner_id = ? AND g.closed_at IS NULL ORDER BY g.ref`).all(
        workspaceId,
        userId,
      ) as Row[]
    ).map(toGoal);
  }

  checkin(c: Checkin): void {
    this.#sql('INSERT INTO goal_checkins (goal_id, author_id, status, percent, evidence, at) VALUES (?, ?, ?, ?, ?, ?)').run(
      c.goalId,
      c.authorId,
      c.status,
      c.percent,
      c.evidence,
      c.at,
    );
  }

  /** The check-ins of the given goals, oldest first (summaries read them by period). */
  checkinsOf(goalIds: readonly number[]): Checkin[] {
    return this.#sql(
      `SELECT goal_id AS goalId, author_id AS authorId, status, percent, evidence, at FROM goal_checkins
         WHERE goal_id IN (SELECT value FROM json_each(?)) ORDER BY at, id`,
    ).all(JSON.stringify(goalIds)) as Checkin[];
  }

  /** Each goal's latest check-in at `at` (its status and when), for the goals that had one by then. */
  lastCheckinsAt(goalIds: readonly number[], at: number): Map<number, { status: string; at: number }> {
    const rows = this.#sql(
      `SELECT k.goal_id AS goalId, k.status, k.at FROM json_each(?) g
         JOIN goal_checkins k ON k.id = (SELECT id FROM goal_checkins WHERE goal_id = g.value AND at <= ? ORDER BY at DESC, id DESC LIMIT 1)`,
    ).all(JSON.stringify(goalIds), at) as { goalId: number; status: string; at: number }[];
    return new Map(rows.map((r) => [r.goalId, { status: r.status, at: r.at }]));
  }

  close(id: number, outcome: Outcome, note: string | null, by: number, now: number): void {
    this.#sql('UPDATE goals SET closed_at = ?, outcome = ?, close_note = ?, closed_by = ? WHERE id = ?').run(now, outcome, note, by, id);
  }

  align(id: number, to: number | null): void {
    this.#sql('UPDATE goals SET aligns_to = ? WHERE id = ?').run(to, id);
  }

  schedule(workspaceId: number, communityId: number | null): CheckinSchedule | null {
    const r = this.#sql(
      `SELECT scope, workspace_id AS workspaceId, community_id AS communityId, cadence, rrule, set_at AS setAt
         FROM goal_checkin_schedules WHERE scope = ?`,
    ).get(scopeOf(workspaceId, communityId)) as (Omit<CheckinSchedule, 'cadence'> & { cadence: string }) | undefined;
    return r ? { ...r, cadence: JSON.parse(r.cadence) as Cadence } : null;
  }

  saveSchedule(s: Omit<CheckinSchedule, 'scope'>, by: number): CheckinSchedule {
    const scope = scopeOf(s.workspaceId, s.communityId);
    this.#sql(
      `INSERT INTO goal_checkin_schedules (scope, workspace_id, community_id, cadence, rrule, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (scope) DO UPDATE SET cadence = excluded.cadence, rrule = excluded.rrule, set_by = excluded.set_by,
           set_at = excluded.set_at`,
    ).run(scope, s.workspaceId, s.communityId, JSON.stringify(s.cadence), s.rrule, by, s.setAt);
    return { ...s, scope };
  }

  clearSchedule(workspaceId: number, communityId: number | null): boolean {
    return this.#sql('DELETE FROM goal_checkin_schedules WHERE scope = ?').run(scopeOf(workspaceId, communityId)).changes > 0;
  }
}

/** The goals capability's repository on a store. */
export interface GoalRepos {
  goals: GoalRepo;
}
