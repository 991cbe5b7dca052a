import { UserError } from '../errors.js';
import type { Store } from '../store/store.js';

/** The refusal for a community name that is not known, listing the ones that are. */
export function unknownCommunity(store: Store, workspaceId: number, name: string): UserError {
  const names = store.communities.list(workspaceId).map((c) => c.name);
  return new UserError(
    'error.unknownCommunity',
    { name: name.slice(0, 80) },
    {
      hint: names.length
        ? { key: 'error.knownCommunities', params: { names: names.slice(0, 20).join(', ') } }
        : { key: 'error.noCommunities', params: { command: { command: 'create <name>' } } },
    },
  );
}

/** Writes a community name as a command would take it: quoted when it has spaces. */
export function quoteName(name: string): string {
  return /\s/.test(name) ? `"${name}"` : name;
}
