import type { CoreEnv, Reactions } from './capability.js';
import type { Delivery } from './grammar/command.js';
import type { Community } from './store/communities.js';
import type { User } from './store/users.js';
import type { Workspace } from './store/workspaces.js';

/**
 * Tells every capability what changed about people or communities, in capability order, and gathers what they
 * want sent. Commands and platform events both come through here, so a change is handled the same way whoever
 * or whatever made it.
 */
export class ReactionBus {
  constructor(private readonly all: readonly Reactions[]) {}

  membershipChanged(env: CoreEnv, community: Community, user: User): Delivery[] {
    return this.all.flatMap((r) => r.membershipChanged?.(env, community, user) ?? []);
  }

  away(env: CoreEnv, user: User): Delivery[] {
    return this.all.flatMap((r) => r.away?.(env, user) ?? []);
  }

  timeZoneChanged(env: CoreEnv, community: Community, from: string): Delivery[] {
    return this.all.flatMap((r) => r.timeZoneChanged?.(env, community, from) ?? []);
  }

  holidayAdded(env: CoreEnv, workspace: Workspace, community: Community | null, holidayId: number): Delivery[] {
    return this.all.flatMap((r) => r.holidayAdded?.(env, workspace, community, holidayId) ?? []);
  }

  communityArchived(env: CoreEnv, community: Community): Delivery[] {
    return this.all.flatMap((r) => r.communityArchived?.(env, community) ?? []);
  }

  communityRestored(env: CoreEnv, community: Community): Delivery[] {
    return this.all.flatMap((r) => r.communityRestored?.(env, community) ?? []);
  }
}
