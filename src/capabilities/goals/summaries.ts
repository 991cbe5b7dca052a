import type { CoreEnv, Figures, HomeSection, Period } from '../../capability.js';
import type { Translator } from '../../i18n/translate.js';
import type { Community } from '../../store/communities.js';
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
  const checkins = repos(store).goals.checkinsOf(goals.map((g) => g.id));
  return goals
    .filter((g) => g.createdAt <= at)
    .map((goal) => {
      const before = checkins.filter((c) => c.goalId === goal.id && c.at <= at);
      const last = before[before.length - 1];
      return { goal, open: goal.closedAt === null || goal.closedAt > at, last: last ? { status: last.status, at: last.at } : null };
    });
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
