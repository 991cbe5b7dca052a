import type { CoreEnv } from './capability.js';
import type { Delivery } from './grammar/command.js';
import type { ReactionBus } from './reactions.js';
import type { Community, Role } from './store/communities.js';
import type { User } from './store/users.js';

/**
 * The one rule for leaving a community, whether by `leave` or by leaving its channel: its only lead stays
 * while others remain, so a community is never left with members and nobody to run it. Alone, they may go.
 */
export function mustStay(m: { role: Role | null; leads: number; members: number }): boolean {
  return m.role === 'lead' && m.leads === 1 && m.members > 1;
}

/** What became of someone leaving: gone (with what the capabilities want sent), not a member, or kept as the only lead. */
export type Leaving = { outcome: 'left'; deliveries: Delivery[] } | { outcome: 'notMember' } | { outcome: 'onlyLead' };

/**
 * Takes a person out of a community unless the rule keeps them, and tells every capability (meeting duties
 * pass on, posted reminders follow). Runs inside the caller's transaction.
 */
export function leaveCommunity(env: CoreEnv, reactions: ReactionBus, community: Community, user: User): Leaving {
  const { communities } = env.store;
  const role = communities.roleOf(community.id, user.id);
  if (!role) return { outcome: 'notMember' };
  if (mustStay({ role, leads: communities.leadCount(community.id), members: communities.memberCount(community.id) }))
    return { outcome: 'onlyLead' };
  communities.removeMember(community.id, user.id);
  return { outcome: 'left', deliveries: reactions.membershipChanged(env, community, user) };
}
