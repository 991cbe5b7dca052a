import type { Readers } from '../../capability.js';
import type { Role } from '../../store/communities.js';
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

/**
 * Who may find a shared reflection in search, by role: the team's (members and leads) or the leads' (leads and
 * the workspace's coordinators), as the search reads roles when it is asked, so that a guest or a former member
 * no longer finds what they once could. Its author is listed by name, whatever their role becomes. Null for a
 * private reflection, which nothing but its author's own lists ever shows.
 */
export function readersOf(r: Reflection): Readers | null {
  if (r.visibility === 'private') return null;
  return { kind: r.visibility === 'team' ? 'participants' : 'leads', userIds: [r.authorId] };
}
