import { UserError } from '../../errors.js';
import type { Context } from '../../grammar/command.js';
import type { Store } from '../../store/store.js';
import type { User } from '../../store/users.js';
import type { Goal } from './store/goals.js';
import { repos } from './store/index.js';
import { refLabel, shortDate } from './views.js';

/** The communities in which a person takes part in goals: every one where they are more than a guest. */
export function participantCommunities(store: Store, user: User): number[] {
  return store.communities
    .ofUser(user.workspaceId, user.id)
    .filter((m) => m.role !== 'guest')
    .map((m) => m.community.id);
}

/** Whether someone takes part in a community's goals: a member who is not a guest. */
export function takesPart(store: Store, communityId: number, userId: number): boolean {
  const role = store.communities.roleOf(communityId, userId);
  return role !== null && role !== 'guest';
}

/** Whether a person may read a goal: their own individual goal, a team goal of a community they take part in, or a school goal. */
export function canSee(store: Store, user: User, goal: Goal): boolean {
  if (goal.workspaceId !== user.workspaceId) return false;
  if (goal.level === 'me') return goal.ownerId === user.id;
  if (user.isCoordinator) return true;
  if (goal.level === 'team') return goal.communityId !== null && takesPart(store, goal.communityId, user.id);
  // The school's goals are the staff's: guests (families, other stakeholders) see no goals.
  return participantCommunities(store, user).length > 0;
}

/**
 * The goal `#ref` as the actor may see it. Somebody else's individual goal answers exactly like a number that
 * does not exist, so that its existence does not leak.
 */
export function visibleGoal(ctx: Pick<Context, 'store' | 'workspace' | 'actor'>, ref: number): Goal {
  const goal = repos(ctx.store).goals.byRef(ctx.workspace.id, ref);
  if (!goal || !canSee(ctx.store, ctx.actor, goal)) throw new UserError('error.unknownGoal', { ref: refLabel(ref) });
  return goal;
}

/** Whether the actor leads the goal's community (or coordinates the school). */
export function leadsGoal(store: Store, user: User, goal: Goal): boolean {
  if (user.isCoordinator) return true;
  return goal.communityId !== null && store.communities.roleOf(goal.communityId, user.id) === 'lead';
}

/**
 * Who may close or re-align a goal: its owner for an individual goal; for a team goal a lead of its community,
 * a coordinator or the teacher who set it; for a school goal a coordinator.
 */
export function requireSteward(store: Store, user: User, goal: Goal): void {
  const ref = refLabel(goal.ref);
  if (goal.level === 'me') {
    if (goal.ownerId !== user.id) throw new UserError('error.unknownGoal', { ref });
    return;
  }
  if (goal.level === 'school') {
    if (!user.isCoordinator) throw new UserError('error.schoolGoalCoordinators', { ref });
    return;
  }
  if (!leadsGoal(store, user, goal) && goal.authorId !== user.id) throw new UserError('error.teamGoalStewards', { ref });
}

/** The refusal for a goal that is closed: how and when it ended. */
export function closedGoal(ctx: Pick<Context, 'actor' | 'i18n' | 'now'>, goal: Goal): UserError {
  return new UserError('error.goalClosed', {
    ref: refLabel(goal.ref),
    outcome: goal.outcome ?? 'dropped',
    date: shortDate(goal.closedAt ?? ctx.now, ctx.actor.tz ?? 'UTC', ctx.i18n.locale, ctx.now),
  });
}
