import { z } from 'zod/v4';
import { answer, type Context, command } from '../../grammar/command.js';
import type { Translator } from '../../i18n/translate.js';
import { heading, list, text, view } from '../../views/build.js';
import { pageFoot, pageOf, parsePage } from '../../views/paging.js';
import type { Text } from '../../views/view.js';
import { canSee, participantCommunities, takesPart } from './access.js';
import { chainAbove } from './domain/alignment.js';
import type { Goal } from './store/goals.js';
import { repos } from './store/index.js';
import { chainLine, cmd, dueDate, goalState, goalTitle } from './views.js';

/** One goal as a list shows it: number, level and text; its latest check-in; its due date; its chain. */
export function goalItem(ctx: Pick<Context, 'store' | 'actor' | 'now'>, i18n: Translator, goal: Goal, names: Map<number, string>): Text {
  const tz = ctx.actor.tz ?? 'UTC';
  const lines = [goalTitle(i18n, goal)];
  const where = goal.level === 'team' && goal.communityId !== null ? names.get(goal.communityId) : undefined;
  const state = goalState(i18n, goal, tz, ctx.now);
  const due = goal.dueOn ? i18n.t('goal.dueShort', { date: dueDate(goal.dueOn, i18n.locale, ctx.now) }) : null;
  lines.push([where, state, due].filter(Boolean).join(' · '));
  const goals = repos(ctx.store).goals;
  // Only what the reader may see of the chain: a team goal of a community they left is not named.
  const above = chainAbove(goal, (id) => goals.get(id)).filter((g) => canSee(ctx.store, ctx.actor, g));
  if (above.length) lines.push(chainLine(i18n, goal, above));
  return lines.join('\n');
}

/** `goals [page <n>]`: the goals I own or share in, with their latest check-in and their alignment chain. */
export const goalsCommand = command({
  words: ['goals'],
  help: 'goals',
  access: 'anyone',
  readOnly: true,
  community: 'none',
  schema: z.object({ page: z.number().int().positive() }),
  parse: (c) => ({ page: parsePage(c) }),
  run: (ctx, { page }) => {
    const { store, i18n, workspace, actor } = ctx;
    // An archived community's team goals stay readable to those who took part in it.
    const archived = store.communities.archived(workspace.id).filter((c) => takesPart(store, c.id, actor.id));
    const communities = participantCommunities(store, actor);
    const readable = [...communities, ...archived.map((c) => c.id)];
    const all = repos(store).goals.visible(workspace.id, actor.id, readable, actor.isCoordinator || communities.length > 0);
    if (all.length === 0) return [answer(view(i18n.locale, [text(i18n.tr('goals.none', { command: cmd('goal add <text>') }))]))];
    const p = pageOf(all, page);
    // The names of the communities of the team goals shown (archived ones only where the person took part), read
    // for this page alone rather than the workspace's whole list.
    const names = new Map(archived.map((c) => [c.id, c.name]));
    for (const g of p.items) {
      if (g.level !== 'team' || g.communityId === null || names.has(g.communityId)) continue;
      const community = store.communities.get(workspace.id, g.communityId);
      if (community && !community.archivedAt) names.set(community.id, community.name);
    }
    return [
      answer(
        view(i18n.locale, [
          heading(i18n.t('goals.title', { count: all.length })),
          list(p.items.map((g) => goalItem(ctx, i18n, g, names))),
          ...pageFoot(ctx, p, 'goals'),
        ]),
      ),
    ];
  },
});
