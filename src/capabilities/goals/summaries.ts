import {
  boundsOf,
  type CoreEnv,
  type Figures,
  type HomeSection,
  type Period,
  participantsFromQuery,
  participantsOfOne,
  spanOf,
} from '../../capability.js';
import type { Cadence } from '../../grammar/cadence.js';
import type { Translator } from '../../i18n/translate.js';
import type { Community } from '../../store/communities.js';
import { prepared } from '../../store/db.js';
import type { Store } from '../../store/store.js';
import { list, text } from '../../views/build.js';
import type { Block, Text } from '../../views/view.js';
import { needsCheckin, periodOf } from './domain/flags.js';
import type { Goal } from './store/goals.js';
import { repos } from './store/index.js';
import { checkinButton, refLabel, shortDate } from './views.js';

/** The length of one check-in period where a goal is judged: its community's cadence (or the school's), else four weeks. */
function periodFor(store: Store, workspaceId: number, communityId: number | null): number {
  return periodOf(repos(store).goals.schedule(workspaceId, communityId)?.cadence ?? null);
}

/** A team goal as it stood at `at`: open then, and its latest check-in then. */
interface AsOf {
  goal: Goal;
  open: boolean;
  last: { status: string; at: number } | null;
}

function asOf(store: Store, goals: Goal[], at: number): AsOf[] {
  const before = goals.filter((g) => g.createdAt <= at);
  const last = repos(store).goals.lastCheckinsAt(
    before.map((g) => g.id),
    at,
  );
  return before.map((goal) => ({ goal, open: goal.closedAt === null || goal.closedAt > at, last: last.get(goal.id) ?? null }));
}

/**
 * A community's goal counts for a summary: its team goals only (an individual goal is its owner's, never
 * counted; a school goal is the workspace's, not one community's). Open and by latest status at the period's
 * end, closed within it, check-ins within it, and how many open ones have had none for two periods.
 */
export function goalFigures(community: Community, period: Period, env: CoreEnv): Figures {
  const team = repos(env.store).goals.teamGoals(community.id);
  const state = asOf(env.store, team, period.to);
  const open = state.filter((s) => s.open);
  const length = periodFor(env.store, community.workspaceId, community.id);
  const closedIn = (outcome: string) =>
    team.filter((g) => g.outcome === outcome && g.closedAt !== null && g.closedAt >= period.from && g.closedAt < period.to).length;
  const checkins = repos(env.store)
    .goals.checkinsOf(team.map((g) => g.id))
    .filter((c) => c.at >= period.from && c.at < period.to).length;
  const byStatus = (status: string) => open.filter((s) => s.last?.status === status).length;
  return {
    'goals.open': open.length,
    'goals.onTrack': byStatus('on-track'),
    'goals.atRisk': byStatus('at-risk'),
    'goals.offTrack': byStatus('off-track'),
    'goals.noCheckin': open.filter((s) =>
      needsCheckin({ createdAt: s.goal.createdAt, lastCheckinAt: s.last?.at ?? null }, length, period.to),
    ).length,
    'goals.achieved': closedIn('achieved'),
    'goals.dropped': closedIn('dropped'),
    'goals.checkins': checkins,
  };
}

/** The team goals a summary points out: open, and without a check-in for two periods by the period's end. */
export function goalAttention(community: Community, period: Period, env: CoreEnv & { i18n: Translator }): Text[] {
  const length = periodFor(env.store, community.workspaceId, community.id);
  return asOf(env.store, repos(env.store).goals.teamGoals(community.id), period.to)
    .filter((s) => s.open && needsCheckin({ createdAt: s.goal.createdAt, lastCheckinAt: s.last?.at ?? null }, length, period.to))
    .map((s) =>
      env.i18n.t(s.last ? 'goals.attention.quiet' : 'goals.attention.never', {
        ref: refLabel(s.goal.ref),
        text: s.goal.text,
        date: shortDate(s.last?.at ?? s.goal.createdAt, community.tz, env.i18n.locale, period.to),
      }),
    );
}

/**
 * The home section: the actor's own open goals overdue for a check-in (an individual goal is flagged to its
 * owner here and nowhere else), and for a coordinator the school goals overdue.
 */
export const goalHome: HomeSection = (ctx) => {
  const { store, actor, i18n, now } = ctx;
  const { goals } = repos(store);
  const mine = goals.openOwnedBy(ctx.workspace.id, actor.id);
  const school = actor.isCoordinator ? goals.open(ctx.workspace.id, 'school', null) : [];
  const overdue = [...mine, ...school].filter((g) =>
    needsCheckin(
      { createdAt: g.createdAt, lastCheckinAt: g.last?.at ?? null },
      periodFor(store, ctx.workspace.id, g.level === 'school' ? null : g.communityId),
      now,
    ),
  );
  if (overdue.length === 0) return [];
  const tz = actor.tz ?? 'UTC';
  const blocks: Block[] = [
    text(i18n.t('goals.home.overdue', { count: overdue.length })),
    list(
      overdue.map((g) =>
        i18n.t(g.last ? 'goals.home.quiet' : 'goals.home.never', {
          ref: refLabel(g.ref),
          text: g.text,
          date: shortDate(g.last?.at ?? g.createdAt, tz, i18n.locale, now),
        }),
      ),
    ),
    { type: 'actions', buttons: overdue.slice(0, 5).map((g) => checkinButton(i18n, g)) },
  ];
  return blocks;
};

/** A check-in's status as a number, packed beside its time (`at * 4 + code`): 0 for none a summary counts. */
const STATUS_CODE = "CASE status WHEN 'on-track' THEN 1 WHEN 'at-risk' THEN 2 WHEN 'off-track' THEN 3 ELSE 0 END";
/** A packed check-in's time. */
const atOf = (packed: number) => Math.floor(packed / 4);

/**
 * `goalFigures` for many communities and periods with one query: every team goal of them once, with its
 * community's check-in cadence, its latest check-in before the periods' span, and its check-ins within the span
 * (each packed as one number, a JSON array of them in order, from the index alone: migration 502). The periods are
 * counted here: a goal has a few check-ins a month, and one row a goal costs far less than one a goal and period.
 */
export function goalFiguresOfMany(communities: readonly Community[], periods: readonly Period[], env: CoreEnv): Map<number, Figures>[] {
  if (periods.length === 0 || communities.length === 0) return periods.map(() => new Map());
  const { from, to } = spanOf(periods);
  const rows = prepared(
    env.store.db,
    `SELECT g.community_id, g.created_at, g.closed_at, g.outcome, s.cadence,
        (SELECT at * 4 + ${STATUS_CODE} FROM goal_checkins WHERE goal_id = g.id AND at < :from ORDER BY at DESC, id DESC LIMIT 1),
        (SELECT json_group_array(packed) FROM (SELECT at * 4 + ${STATUS_CODE} AS packed FROM goal_checkins
           WHERE goal_id = g.id AND at >= :from AND at <= :to ORDER BY at, id))
       FROM goals g LEFT JOIN goal_checkin_schedules s ON s.scope = g.workspace_id || ':' || g.community_id
       WHERE g.level = 'team' AND g.community_id IN (SELECT value FROM json_each(:ids))`,
  )
    .raw()
    .all({ from, to, ids: JSON.stringify(communities.map((c) => c.id)) }) as GoalRow[];
  // Each community's counts, FIGURE_KEYS.length a period.
  const counts = new Map<number, Float64Array>(communities.map((c) => [c.id, new Float64Array(periods.length * FIGURE_KEYS.length)]));
  const { froms, tos } = boundsOf(periods);
  // A district has a handful of cadences: each is read once.
  const lengths = new Map<string | null, number>();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as GoalRow;
    const acc = counts.get(row[0]);
    if (!acc) continue;
    const cadence = row[4];
    let length = lengths.get(cadence);
    if (length === undefined) {
      length = periodOf(cadence === null ? null : (JSON.parse(cadence) as Cadence));
      lengths.set(cadence, length);
    }
    // A JSON array, which JSON.parse reads far faster than a string split and each part made a number.
    const checkins = JSON.parse(row[6]) as number[];
    // They come in the subquery's order, which the index gives without a sort (an ORDER BY inside the aggregate
    // sorts every goal's anew). Should SQLite ever hand them over otherwise, they are put in order of time here.
    if (!inOrder(checkins)) checkins.sort((a, b) => atOf(a) - atOf(b));
    const outcome = row[3];
    const closedAt = row[2];
    tallyGoal(
      acc,
      froms,
      tos,
      row[1],
      closedAt === null ? -1 : closedAt,
      outcome === null ? -1 : outcome === 'achieved' ? ACHIEVED : DROPPED,
      length,
      row[5] ?? -1,
      checkins,
    );
  }
  return periods.map((_, i) => {
    const out = new Map<number, Figures>();
    for (const [id, acc] of counts) out.set(id, figuresAt(acc, i * FIGURE_KEYS.length));
    return out;
  });
}

/** A team goal as `goalFiguresOfMany` reads it: community, creation, closing, outcome, cadence, and check-ins (packed). */
type GoalRow = [number, number, number | null, string | null, string | null, number | null, string];

/** The goal figures, in the order `tallyGoal` counts them: each status at its code (STATUS_CODE). */
const FIGURE_KEYS = [
  'goals.open',
  'goals.onTrack',
  'goals.atRisk',
  'goals.offTrack',
  'goals.noCheckin',
  'goals.achieved',
  'goals.dropped',
  'goals.checkins',
] as const;
const NO_CHECKIN = 4;
const ACHIEVED = 5;
const DROPPED = 6;
const CHECKINS = 7;

/** Whether packed check-ins are in order of time. */
function inOrder(checkins: readonly number[]): boolean {
  for (let k = 1; k < checkins.length; k++) if (atOf(checkins[k] as number) < atOf(checkins[k - 1] as number)) return false;
  return true;
}

/**
 * Adds one team goal to its community's counts in each period ([froms, tos)): closed within it (`closedAt` and its
 * outcome's slot, -1 if open), open at its end by its latest check-in's status (`before` the periods, else among
 * `checkins`, in order, so a tie in time goes to the later one), overdue for one, and check-ins within it.
 */
function tallyGoal(
  acc: Float64Array,
  froms: Float64Array,
  tos: Float64Array,
  createdAt: number,
  closedAt: number,
  outcome: number,
  length: number,
  before: number,
  checkins: readonly number[],
): void {
  const slots = FIGURE_KEYS.length;
  for (let i = 0; i < froms.length; i++) {
    const from = froms[i] as number;
    const to = tos[i] as number;
    const at0 = i * slots;
    let last = before;
    for (let k = 0; k < checkins.length; k++) {
      const packed = checkins[k] as number;
      const at = atOf(packed);
      if (at > to) break;
      last = packed;
      if (at >= from && at < to) acc[at0 + CHECKINS] = (acc[at0 + CHECKINS] as number) + 1;
    }
    if (outcome >= 0 && closedAt >= from && closedAt < to) acc[at0 + outcome] = (acc[at0 + outcome] as number) + 1;
    if (createdAt > to || (closedAt >= 0 && closedAt <= to)) continue;
    acc[at0] = (acc[at0] as number) + 1;
    if (last >= 0 && last % 4 !== 0) acc[at0 + (last % 4)] = (acc[at0 + (last % 4)] as number) + 1;
    if (needsCheckin({ createdAt, lastCheckinAt: last < 0 ? null : atOf(last) }, length, to)) {
      acc[at0 + NO_CHECKIN] = (acc[at0 + NO_CHECKIN] as number) + 1;
    }
  }
}

/** One community's goal figures in one period, from its counts. */
function figuresAt(acc: Float64Array, at: number): Figures {
  return {
    'goals.open': acc[at] as number,
    'goals.onTrack': acc[at + 1] as number,
    'goals.atRisk': acc[at + 2] as number,
    'goals.offTrack': acc[at + 3] as number,
    'goals.noCheckin': acc[at + NO_CHECKIN] as number,
    'goals.achieved': acc[at + ACHIEVED] as number,
    'goals.dropped': acc[at + DROPPED] as number,
    'goals.checkins': acc[at + CHECKINS] as number,
  };
}

/** `goalParticipants` for many communities and periods, with one query over them all. */
export const goalParticipantsOfMany = participantsFromQuery(
  `SELECT g.community_id AS communityId, k.author_id AS id, k.at FROM goals g JOIN goal_checkins k ON k.goal_id = g.id
         WHERE g.community_id IN (SELECT value FROM json_each(:ids)) AND k.at >= :from AND k.at < :to AND k.author_id IS NOT NULL`,
);

/** Who checked in on a goal of the community (a team goal or one set in it) in the period: only ever counted. */
export const goalParticipants = participantsOfOne(goalParticipantsOfMany);

/**
 * What coordinators may read of goals for one community: its team goals and the workspace's school goals, with
 * their check-ins. Never an individual goal, which is its owner's alone.
 */
export function goalExport(community: Community, env: CoreEnv): Record<string, unknown[]> {
  const { goals } = repos(env.store);
  const school = prepared(env.store.db, "SELECT id FROM goals WHERE workspace_id = ? AND level = 'school' ORDER BY ref").all(
    community.workspaceId,
  ) as { id: number }[];
  const team = goals.teamGoals(community.id);
  const schoolGoals = school.map((s) => goals.get(s.id)).filter((g): g is Goal => g !== null && g.level === 'school');
  const checkins = goals.checkinsOf([...team, ...schoolGoals].map((g) => g.id));
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const entry = (g: Goal) => ({
    goal: refLabel(g.ref),
    level: g.level,
    text: g.text,
    due: g.dueOn,
    createdAt: iso(g.createdAt),
    closedAt: iso(g.closedAt),
    outcome: g.outcome,
    checkins: checkins
      .filter((c) => c.goalId === g.id)
      .map((c) => ({ status: c.status, percent: c.percent, evidence: c.evidence, at: iso(c.at) })),
    readers: g.level === 'team' ? 'community' : 'workspace',
  });
  return { teamGoals: team.map(entry), schoolGoals: schoolGoals.map(entry) };
}
