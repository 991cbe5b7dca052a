import { z } from 'zod/v4';
import { UserError } from '../../errors.js';
import { answer, type Context, command } from '../../grammar/command.js';
import type { Cursor } from '../../grammar/cursor.js';
import { requireText } from '../../grammar/text.js';
import { parseDate, parseRef } from '../../grammar/values.js';
import type { Community } from '../../store/communities.js';
import { text, view } from '../../views/build.js';
import { closedGoal, leadsGoal, requireSteward, visibleGoal } from './access.js';
import { ALIGNS_TO, alignProblem, type Level } from './domain/alignment.js';
import type { Goal } from './store/goals.js';
import { repos } from './store/index.js';
import { dueDate, refLabel } from './views.js';

function readRefToken(c: Cursor): number {
  const tok = c.next();
  if (!tok) throw new UserError('error.missing');
  return parseRef(tok.value);
}

/**
 * The goal `child` is to align to `parentRef`: one the actor can see, one level up, never below itself. Aligning a
 * team goal to a school goal is the team leadership's choice (a lead or a coordinator), as the plan describes.
 */
function alignTarget(ctx: Context, child: Pick<Goal, 'id' | 'level' | 'alignsTo' | 'communityId'>, parentRef: number): Goal {
  const parent = visibleGoal(ctx, parentRef);
  const goals = repos(ctx.store).goals;
  const problem = alignProblem(child, parent, (id) => goals.get(id));
  if (problem === 'cycle') throw new UserError('error.goalCycle', { ref: refLabel(parent.ref) });
  if (problem === 'wrongLevel') {
    const wanted = ALIGNS_TO[child.level];
    throw new UserError(wanted ? 'error.goalWrongLevel' : 'error.schoolGoalAligns', {
      ref: refLabel(parent.ref),
      level: child.level,
      wanted: wanted ?? 'none',
    });
  }
  if (child.level === 'team' && !ctx.actor.isCoordinator) {
    const lead = child.communityId !== null && ctx.store.communities.roleOf(child.communityId, ctx.actor.id) === 'lead';
    if (!lead) throw new UserError('error.alignSchoolLeads', { ref: refLabel(parent.ref) });
  }
  // An individual goal aligns to a team goal of a community its owner takes part in (canSee checked that).
  return parent;
}

/** `goal add [me|team|school] [due YYYY-MM-DD] [aligns #n] <text>`. */
export const goalAddCommand = command({
  words: ['goal', 'add'],
  help: 'goal',
  access: 'participant',
  community: 'required',
  schema: z.object({
    level: z.enum(['me', 'team', 'school']),
    due: z.string().nullable(),
    aligns: z.number().int().positive().nullable(),
    text: z.string().min(1),
  }),
  parse: (c) => {
    const level = (c.accept('me', 'team', 'school') ?? 'me') as Level;
    let due: string | null = null;
    let aligns: number | null = null;
    for (;;) {
      if (due === null && c.accept('due')) {
        const tok = c.next();
        if (!tok) throw new UserError('error.missing');
        due = parseDate(tok.value, c.now);
      } else if (aligns === null && c.accept('aligns')) aligns = readRefToken(c);
      else break;
    }
    return { level, due, aligns, text: requireText(c.rest()) };
  },
  run: (ctx, args) => {
    const { store, i18n, workspace, actor } = ctx;
    const community = ctx.community as Community;
    if (args.level === 'school' && !actor.isCoordinator) throw new UserError('error.schoolGoalsCoordinators');
    const shape = {
      id: 0,
      level: args.level,
      alignsTo: null,
      communityId: args.level === 'school' ? null : community.id,
    };
    const parent = args.aligns === null ? null : alignTarget(ctx, shape, args.aligns);
    const goal = repos(store).goals.add(
      {
        workspaceId: workspace.id,
        ref: store.workspaces.nextRef(workspace.id),
        level: args.level,
        ownerId: args.level === 'me' ? actor.id : null,
        communityId: shape.communityId,
        alignsTo: parent?.id ?? null,
      },
      { text: args.text, dueOn: args.due, authorId: actor.id },
      ctx.now,
    );
    const lines = [
      text(i18n.t('goal.added', { ref: refLabel(goal.ref), level: goal.level, community: community.name, text: goal.text })),
      text(i18n.t('goal.readers', { level: goal.level, community: community.name })),
    ];
    if (goal.dueOn) lines.push(text(i18n.t('goal.due', { date: dueDate(goal.dueOn, i18n.locale, ctx.now) })));
    if (parent) lines.push(text(i18n.t('goal.alignedTo', { ref: refLabel(parent.ref), text: parent.text })));
    return [answer(view(i18n.locale, lines))];
  },
});

/** `goal align #n #m` (or `none`): changes what a goal aligns to; the same rules as `goal add … aligns`. */
export const goalAlignCommand = command({
  words: ['goal', 'align'],
  help: 'goal',
  access: 'anyone',
  community: 'none',
  schema: z.object({ ref: z.number().int().positive(), to: z.number().int().positive().nullable() }),
  parse: (c) => {
    const ref = readRefToken(c);
    return { ref, to: c.accept('none') ? null : readRefToken(c) };
  },
  run: (ctx, { ref, to }) => {
    const { store, i18n } = ctx;
    const goal = visibleGoal(ctx, ref);
    requireSteward(store, ctx.actor, goal);
    if (goal.closedAt !== null) throw closedGoal(ctx, goal);
    if (to === null) {
      if (goal.level === 'team' && goal.alignsTo !== null && !leadsGoal(store, ctx.actor, goal))
        throw new UserError('error.alignSchoolLeads', { ref: refLabel(goal.ref) });
      repos(store).goals.align(goal.id, null);
      return [answer(view(i18n.locale, [text(i18n.t('goal.unaligned', { ref: refLabel(goal.ref) }))]))];
    }
    const parent = alignTarget(ctx, goal, to);
    repos(store).goals.align(goal.id, parent.id);
    return [
      answer(view(i18n.locale, [text(i18n.t('goal.realigned', { ref: refLabel(goal.ref), to: refLabel(parent.ref), text: parent.text }))])),
    ];
  },
});
