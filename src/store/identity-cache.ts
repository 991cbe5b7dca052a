import type { Community, Role } from './communities.js';
import { prepared } from './db.js';
import type { Store } from './store.js';
import type { User } from './users.js';

/** Past this many entries a map starts over: a district's people fit many times, and a miss is only a lookup. */
const MAX_ENTRIES = 50_000;

/**
 * Who someone is, which community a channel belongs to and the person's role there, as every command looks them
 * up first, kept between commands while nothing changed: `sync` reads the counters that triggers raise on every
 * change to `users`, `communities` and `memberships` (migrations 170 and 171), from this process or another on the
 * file, and forgets what they say changed. Exact, not a guess: a kept answer is the one the tables give at that counter.
 */
export class IdentityCache {
  #users = -1;
  #communities = -1;
  #memberships = -1;
  readonly #people = new Map<string, User | null>();
  readonly #coordinated = new Map<number, boolean>();
  readonly #channels = new Map<string, Community | null>();
  readonly #roles = new Map<string, Role | null>();

  /** Brings the cache up to what the store holds now; run it first in each command, in its transaction. */
  sync(store: Store): void {
    const now = prepared(
      store.db,
      `SELECT (SELECT n FROM identity_versions WHERE name = 'users') AS users,
              (SELECT n FROM identity_versions WHERE name = 'communities') AS communities,
              (SELECT n FROM identity_versions WHERE name = 'memberships') AS memberships`,
    ).get() as { users: number; communities: number; memberships: number };
    if (now.users !== this.#users) {
      this.#people.clear();
      this.#coordinated.clear();
      this.#users = now.users;
    }
    if (now.communities !== this.#communities) {
      this.#channels.clear();
      this.#communities = now.communities;
    }
    if (now.memberships !== this.#memberships) {
      this.#roles.clear();
      this.#memberships = now.memberships;
    }
  }

  /** The person a platform id names in a workspace, or null. */
  user(store: Store, workspaceId: number, externalId: string): User | null {
    return kept(this.#people, `${workspaceId}\u0000${externalId}`, () => store.users.findByExternal(workspaceId, externalId));
  }

  /** Whether the workspace has a coordinator yet (the first person to use it becomes one). */
  hasCoordinator(store: Store, workspaceId: number): boolean {
    return kept(this.#coordinated, workspaceId, () => store.users.coordinatorCount(workspaceId) > 0);
  }

  /** The person's role in the community, or null when they are not in it. */
  role(store: Store, communityId: number, userId: number): Role | null {
    return kept(this.#roles, `${communityId}\u0000${userId}`, () => store.communities.roleOf(communityId, userId));
  }

  /** The community whose channel this is, or null. */
  communityOfChannel(store: Store, workspaceId: number, channel: string): Community | null {
    return kept(this.#channels, `${workspaceId}\u0000${channel}`, () => store.communities.findByChannel(workspaceId, channel));
  }
}

/** What `map` keeps under `key`, else what `load` reads, kept (and frozen: every command gets the same object). */
function kept<K, V>(map: Map<K, V>, key: K, load: () => V): V {
  if (map.has(key)) return map.get(key) as V;
  const value = load();
  if (map.size >= MAX_ENTRIES) map.clear();
  map.set(key, typeof value === 'object' && value !== null ? Object.freeze(value) : value);
  return value;
}
