import { type Db, prepared } from '../../../store/db.js';
import type { Store } from '../../../store/store.js';
import { PairHistory } from '../domain/history.js';
import type { Rotation } from '../domain/plan.js';

export type Happened = 'yes' | 'not-yet' | 'no';

/** A community's round schedule, as stored (the rule in RFC 5545 text with its zone). */
export interface PairingSchedule {
  communityId: number;
  rrule: string | null;
  tz: string;
  cadence: string | null;
}

export interface Round {
  id: number;
  workspaceId: number;
  communityId: number;
  ref: number;
  seq: number;
  seed: number;
  mode: 'rotation' | 'matching';
  step: number | null;
  length: number;
  constrained: boolean;
  leftOut: number;
  startedAt: number;
  endsAt: number;
  closedAt: number | null;
}

/** One directed visit: `observerId` visits `observedId`. */
export interface Visit {
  id: number;
  roundId: number;
  grp: number;
  observerId: number | null;
  observedId: number | null;
  metBefore: number;
  lastMetRef: number | null;
  focusChoice: string | null;
  focusText: string | null;
  happened: Happened | null;
  happenedAt: number | null;
  glow: string | null;
  grow: string | null;
  notes: string | null;
  feedbackAt: number | null;
  cancelledAt: number | null;
}

export interface Takeaway {
  id: number;
  ref: number;
  communityId: number;
  roundId: number | null;
  authorId: number | null;
  text: string;
  createdAt: number;
}

const ROUND = `id, workspace_id AS workspaceId, community_id AS communityId, ref, seq, seed, mode, step, length,
  constrained, left_out AS leftOut, started_at AS startedAt, ends_at AS endsAt, closed_at AS closedAt`;
const VISIT = `id, round_id AS roundId, grp, observer_id AS observerId, observed_id AS observedId, met_before AS metBefore,
  last_met_ref AS lastMetRef, focus_choice AS focusChoice, focus_text AS focusText, happened, happened_at AS happenedAt,
  glow, grow, notes, feedback_at AS feedbackAt, cancelled_at AS cancelledAt`;
const TAKEAWAY = 'id, ref, community_id AS communityId, round_id AS roundId, author_id AS authorId, text, created_at AS createdAt';

const toRound = (r: Omit<Round, 'constrained'> & { constrained: number }): Round => ({ ...r, constrained: r.constrained === 1 });

/** Rounds, visits, avoid lists, takeaways and the schedule of peer observation. */
export class PairingRepo {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = (sql: string) => prepared(db, sql);
  }

  schedule(communityId: number): PairingSchedule | null {
    return (
      (this.#sql('SELECT community_id AS communityId, rrule, tz, cadence FROM pairing_schedules WHERE community_id = ?').get(communityId) as
        | PairingSchedule
        | undefined) ?? null
    );
  }

  saveSchedule(communityId: number, tz: string, rrule: string | null, cadence: string | null, now: number): void {
    this.#sql(
      `INSERT INTO pairing_schedules (community_id, rrule, tz, cadence, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (community_id) DO UPDATE SET rrule = excluded.rrule, tz = excluded.tz, cadence = excluded.cadence,
         updated_at = excluded.updated_at`,
    ).run(communityId, rrule, tz, cadence, now);
  }

  rotation(communityId: number): Rotation | null {
    const r = this.#sql('SELECT state FROM pairing_rotations WHERE community_id = ?').get(communityId) as { state: string } | undefined;
    return r ? (JSON.parse(r.state) as Rotation) : null;
  }

  saveRotation(communityId: number, rotation: Rotation, now: number): void {
    this.#sql(
      `INSERT INTO pairing_rotations (community_id, state, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (community_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
    ).run(communityId, JSON.stringify(rotation), now);
  }

  addRound(r: Omit<Round, 'id' | 'closedAt'>): Round {
    const info = this.#sql(
      `INSERT INTO pairing_rounds (workspace_id, community_id, ref, seq, seed, mode, step, length, constrained, left_out, started_at, ends_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      r.workspaceId,
      r.communityId,
      r.ref,
      r.seq,
      r.seed,
      r.mode,
      r.step,
      r.length,
      r.constrained ? 1 : 0,
      r.leftOut,
      r.startedAt,
      r.endsAt,
    );
    return this.round(Number(info.lastInsertRowid)) as Round;
  }

  round(id: number): Round | null {
    const r = this.#sql(`SELECT ${ROUND} FROM pairing_rounds WHERE id = ?`).get(id) as Parameters<typeof toRound>[0] | undefined;
    return r ? toRound(r) : null;
  }

  roundByRef(workspaceId: number, ref: number): Round | null {
    const r = this.#sql(`SELECT ${ROUND} FROM pairing_rounds WHERE workspace_id = ? AND ref = ?`).get(workspaceId, ref) as
      | Parameters<typeof toRound>[0]
      | undefined;
    return r ? toRound(r) : null;
  }

  /** The community's latest round, open or not. */
  latestRound(communityId: number): Round | null {
    const r = this.#sql(`SELECT ${ROUND} FROM pairing_rounds WHERE community_id = ? ORDER BY seq DESC LIMIT 1`).get(communityId) as
      | Parameters<typeof toRound>[0]
      | undefined;
    return r ? toRound(r) : null;
  }

  /** The community's latest `n` rounds, newest first. */
  recentRounds(communityId: number, n: number): Round[] {
    return (
      this.#sql(`SELECT ${ROUND} FROM pairing_rounds WHERE community_id = ? ORDER BY seq DESC LIMIT ?`).all(communityId, n) as Parameters<
        typeof toRound
      >[0][]
    ).map(toRound);
  }

  /** The round under way: the latest, while it is not closed and its window has not ended. */
  currentRound(communityId: number, now: number): Round | null {
    const r = this.latestRound(communityId);
    return r && r.closedAt === null && r.endsAt > now ? r : null;
  }

  closeRound(id: number, now: number): void {
    this.#sql('UPDATE pairing_rounds SET closed_at = ? WHERE id = ? AND closed_at IS NULL').run(now, id);
  }

  setRoundEnd(id: number, endsAt: number): void {
    this.#sql('UPDATE pairing_rounds SET ends_at = ? WHERE id = ?').run(endsAt, id);
  }

  roundsBetween(communityId: number, from: number, to: number): Round[] {
    return (
      this.#sql(`SELECT ${ROUND} FROM pairing_rounds WHERE community_id = ? AND started_at >= ? AND started_at < ? ORDER BY seq`).all(
        communityId,
        from,
        to,
      ) as Parameters<typeof toRound>[0][]
    ).map(toRound);
  }

  addVisit(v: Pick<Visit, 'roundId' | 'grp' | 'observerId' | 'observedId' | 'metBefore' | 'lastMetRef'>): Visit {
    const info = this.#sql(
      'INSERT INTO pairing_visits (round_id, grp, observer_id, observed_id, met_before, last_met_ref) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(v.roundId, v.grp, v.observerId, v.observedId, v.metBefore, v.lastMetRef);
    return this.visit(Number(info.lastInsertRowid)) as Visit;
  }

  visit(id: number): Visit | null {
    return (this.#sql(`SELECT ${VISIT} FROM pairing_visits WHERE id = ?`).get(id) as Visit | undefined) ?? null;
  }

  /** A round's visits, cancelled ones included, by group. */
  visits(roundId: number): Visit[] {
    return this.#sql(`SELECT ${VISIT} FROM pairing_visits WHERE round_id = ? ORDER BY grp, id`).all(roundId) as Visit[];
  }

  /** The visit a person makes in a round (not cancelled). */
  visitBy(roundId: number, userId: number): Visit | null {
    return (
      (this.#sql(`SELECT ${VISIT} FROM pairing_visits WHERE round_id = ? AND observer_id = ? AND cancelled_at IS NULL`).get(
        roundId,
        userId,
      ) as Visit | undefined) ?? null
    );
  }

  /** The visit a person receives in a round (not cancelled). */
  visitTo(roundId: number, userId: number): Visit | null {
    return (
      (this.#sql(`SELECT ${VISIT} FROM pairing_visits WHERE round_id = ? AND observed_id = ? AND cancelled_at IS NULL`).get(
        roundId,
        userId,
      ) as Visit | undefined) ?? null
    );
  }

  cancelVisit(id: number, now: number): void {
    this.#sql('UPDATE pairing_visits SET cancelled_at = ? WHERE id = ? AND cancelled_at IS NULL').run(now, id);
  }

  setFocus(id: number, choice: string, text: string | null, now: number): void {
    this.#sql('UPDATE pairing_visits SET focus_choice = ?, focus_text = ?, focus_at = ? WHERE id = ?').run(choice, text, now, id);
  }

  setHappened(id: number, answer: Happened, now: number): void {
    this.#sql('UPDATE pairing_visits SET happened = ?, happened_at = ? WHERE id = ?').run(answer, now, id);
  }

  setFeedback(id: number, f: { glow: string; grow: string; notes: string | null }, now: number): void {
    this.#sql('UPDATE pairing_visits SET glow = ?, grow = ?, notes = ?, feedback_at = ? WHERE id = ?').run(
      f.glow,
      f.grow,
      f.notes,
      now,
      id,
    );
  }

  /**
   * Who met whom in the community's rounds before `beforeSeq` that started at or after `since` (the school year's
   * start), from every visit (cancelled ones too: they were paired).
   */
  history(communityId: number, beforeSeq = Number.MAX_SAFE_INTEGER, since: number | null = null): PairHistory {
    const rows = this.#sql(
      `SELECT r.seq, r.ref, v.observer_id AS a, v.observed_id AS b FROM pairing_visits v JOIN pairing_rounds r ON r.id = v.round_id
         WHERE r.community_id = ? AND r.seq < ? AND r.started_at >= ? AND v.observer_id IS NOT NULL AND v.observed_id IS NOT NULL
         ORDER BY r.seq`,
    ).all(communityId, beforeSeq, since ?? Number.MIN_SAFE_INTEGER) as { seq: number; ref: number; a: number; b: number }[];
    const history = new PairHistory();
    const seen = new Set<string>();
    for (const r of rows) {
      const key = `${r.seq}:${PairHistory.key(r.a, r.b)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      history.record([r.a, r.b], r.seq, r.ref);
    }
    return history;
  }

  /** Whether `userId` avoids `otherId` in the community. */
  avoidList(communityId: number, userId: number): number[] {
    return (
      this.#sql('SELECT avoid_id AS id FROM pairing_avoid WHERE community_id = ? AND user_id = ? ORDER BY created_at').all(
        communityId,
        userId,
      ) as { id: number }[]
    ).map((r) => r.id);
  }

  /** Every avoid entry of the community, as unordered pair keys (who avoided whom is not kept in the answer). */
  avoidPairs(communityId: number): Set<string> {
    const rows = this.#sql('SELECT user_id AS a, avoid_id AS b FROM pairing_avoid WHERE community_id = ?').all(communityId) as {
      a: number;
      b: number;
    }[];
    return new Set(rows.map((r) => PairHistory.key(r.a, r.b)));
  }

  addAvoid(communityId: number, userId: number, avoidId: number, now: number): boolean {
    return (
      this.#sql('INSERT INTO pairing_avoid (community_id, user_id, avoid_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(
        communityId,
        userId,
        avoidId,
        now,
      ).changes > 0
    );
  }

  removeAvoid(communityId: number, userId: number, avoidId: number): boolean {
    return (
      this.#sql('DELETE FROM pairing_avoid WHERE community_id = ? AND user_id = ? AND avoid_id = ?').run(communityId, userId, avoidId)
        .changes > 0
    );
  }

  addTakeaway(t: Omit<Takeaway, 'id'> & { workspaceId: number }): Takeaway {
    const info = this.#sql(
      'INSERT INTO pairing_takeaways (workspace_id, community_id, ref, round_id, author_id, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(t.workspaceId, t.communityId, t.ref, t.roundId, t.authorId, t.text, t.createdAt);
    return { ...t, id: Number(info.lastInsertRowid) };
  }

  takeaways(communityId: number): Takeaway[] {
    return this.#sql(`SELECT ${TAKEAWAY} FROM pairing_takeaways WHERE community_id = ? ORDER BY created_at, id`).all(
      communityId,
    ) as Takeaway[];
  }
}

/** The pairing repository on a store, made once per store. */
export function pairing(store: Store): PairingRepo {
  return store.extension('pairing', (db) => new PairingRepo(db));
}
