import { searchIndex } from '../../search/index.js';
import type { Store } from '../../store/store.js';
import { repos } from './store/index.js';
import type { Reflection, Visibility } from './store/reflections.js';
import { readersOf } from './visibility.js';

/**
 * Every change to stored reflections goes through these functions, so whatever mirrors shared reflections
 * (the community search index) is kept in step by one call in each.
 */

/** Saves a new reflection under a fresh `#n` and marks the author's open prompts of that community answered. */
export function saveReflection(
  store: Store,
  r: { workspaceId: number; communityId: number; authorId: number; visibility: Visibility; text: string },
  now: number,
): Reflection {
  const { prompts, reflections } = repos(store);
  // The question it answers: the latest open prompt of that community, if the person had one this week.
  const questionKey = prompts.answer(r.communityId, r.authorId, now, now - 7 * 86_400_000);
  const ref = store.workspaces.nextRef(r.workspaceId);
  const saved = reflections.add({ ...r, ref, questionKey, createdAt: now });
  // A new one was never in the search: a private one stays out, a shared one goes in without a search for an older one.
  const readers = readersOf(saved);
  if (readers) searchIndex(store).add(ownerOf(saved), { ref: saved.ref, source: SOURCE, text: saved.text, at: saved.createdAt, readers });
  return saved;
}

/** Replaces the text of one's own reflection; it keeps its date and is marked edited. */
export function editReflection(store: Store, r: Reflection, text: string, now: number): Reflection {
  repos(store).reflections.setText(r.id, text, now);
  const edited = { ...r, text, editedAt: now };
  indexShared(store, edited);
  return edited;
}

/** Deletes one's own reflection for good, from the search too. */
export function deleteReflection(store: Store, r: Reflection): void {
  repos(store).reflections.remove(r.id);
  searchIndex(store).remove({ communityId: r.communityId, source: SOURCE, ref: r.ref });
}

/** Deletes every reflection of a person who is forgotten, and their shared ones from the search; returns those. */
export function forgetReflectionsOf(store: Store, workspaceId: number, authorId: number): { ref: number; communityId: number }[] {
  const shared = repos(store).reflections.removeAllOf(workspaceId, authorId);
  for (const { ref, communityId } of shared) searchIndex(store).remove({ communityId, source: SOURCE, ref });
  return shared;
}

/** Deletes every reflection written before `before` (RETENTION_DAYS), and the shared ones from the search; returns how many went. */
export function expireReflections(store: Store, before: number): number {
  const gone = repos(store).reflections.removeBefore(before);
  for (const { ref, communityId, visibility } of gone)
    if (visibility !== 'private') searchIndex(store).remove({ communityId, source: SOURCE, ref });
  return gone.length;
}

/** The search's word for where a reflection came from. */
export const SOURCE = 'reflection';

/** A shared reflection goes into the community search with its readers; a private one never does. */
function indexShared(store: Store, r: Reflection): void {
  const readers = readersOf(r);
  const key = { communityId: r.communityId, source: SOURCE, ref: r.ref };
  if (!readers) {
    searchIndex(store).remove(key);
    return;
  }
  searchIndex(store).put(ownerOf(r), { ref: r.ref, source: SOURCE, text: r.text, at: r.createdAt, readers });
}

const ownerOf = (r: Reflection) => ({ id: r.communityId, workspaceId: r.workspaceId });
