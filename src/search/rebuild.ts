import type { Capability, CoreEnv } from '../capability.js';
import type { Community } from '../store/communities.js';
import { searchIndex } from './index.js';

/**
 * The version of what the index holds: raise it when folding or the index's layout changes, and every
 * community's index is rebuilt from the capabilities at the next start.
 */
export const SEARCH_VERSION = '2';
const META_KEY = 'search.version';

/** Rebuilds one community's index from every capability's `searchable` documents. */
export function rebuildCommunityIndex(list: readonly Capability[], community: Community, env: CoreEnv): number {
  const docs = list.flatMap((c) => c.searchable?.(community, env) ?? []);
  env.store.transaction(() => searchIndex(env.store).replaceCommunity(community, docs));
  return docs.length;
}

/**
 * At start: when the index was built by another version (or never, as in a database from before the search),
 * every community's index is rebuilt from the capabilities, one community per transaction.
 */
export function rebuildSearchIfStale(list: readonly Capability[], env: CoreEnv): void {
  const { store } = env;
  // What a stopped process left waiting for the index goes in now.
  searchIndex(store).flush();
  if (store.getMeta(META_KEY) === SEARCH_VERSION) return;
  let documents = 0;
  const workspaces = store.db.prepare('SELECT id FROM workspaces').all() as { id: number }[];
  // Archived communities too: their history stays readable to their members, search included.
  for (const { id } of workspaces)
    for (const community of [...store.communities.list(id), ...store.communities.archived(id)])
      documents += rebuildCommunityIndex(list, community, env);
  searchIndex(store).flush();
  store.setMeta(META_KEY, SEARCH_VERSION);
  env.log.info({ documents }, 'search index rebuilt');
}
