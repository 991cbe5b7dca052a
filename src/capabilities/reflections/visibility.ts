import type { Readers } from '../../capability.js';
import type { Role } from '../../store/communities.js';
import type { Store } from '../../store/store.js';
import type { User } from '../../store/users.js';
import type { ReaderRights, Reflection } from './store/reflections.js';

/**
 * What a person may read of others' reflections in a community, from their role there now: `team` reflections
 * need a member who is not a guest, `coordinator` ones a lead of the community or a workspace coordinator.
 * Private ones are for their author alone, whoever asks.
 */
export function rightsOf(reader: Pick<User, 'isCoordinator'>, role: Role | null): ReaderRights {
  return { teammate: role !== null && role !== 'guest', overseer: reader.isCoordinator || role === 'lead' };
}

/** The readers of a community's shared reflections besides their authors, worked out once per community. */
export interface CommunityReaders {
  team: number[];
  coordinator: number[];
}

export function communityReaders(store: Store, workspaceId: number, communityId: number): CommunityReaders {
  return { team: teamReaders(store, communityId), coordinator: coordinatorReaders(store, workspaceId, communityId) };
}

// Ids alone: the member list with names, sorted by role and name, cost a reflection shared with the team more than its insert.
const teamReaders = (store: Store, communityId: number) => store.communities.nonGuestIds(communityId);

const coordinatorReaders = (store: Store, workspaceId: number, communityId: number) => [
  ...store.communities.leadIds(communityId),
  ...store.users.coordinators(workspaceId).map((u) => u.id),
];

/**
 * Who may read a shared reflection, as people: the `Readers` of search cannot say "the community but not its
 * guests", so the list is spelled out (the author, and the members or the leads and coordinators as they are
 * now; an index must ask again when membership changes). Null for a private reflection, which nothing but its
 * author's own lists ever shows.
 */
export function readersOf(store: Store, r: Reflection, known?: CommunityReaders): Readers | null {
  if (r.visibility === 'private') return null;
  // One reflection needs one of the two lists: only that one is read.
  const others =
    r.visibility === 'team'
      ? (known?.team ?? teamReaders(store, r.communityId))
      : (known?.coordinator ?? coordinatorReaders(store, r.workspaceId, r.communityId));
  const ids = new Set<number>([r.authorId, ...others]);
  return { kind: 'people', userIds: [...ids].sort((a, b) => a - b) };
}
