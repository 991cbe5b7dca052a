import type { Store } from '../../store/store.js';
import { repos } from './store/index.js';
import type { Reflection, Visibility } from './store/reflections.js';

/**
 * Every change to stored reflections goes through these four functions, so whatever mirrors shared reflections
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
  const questionKey = prompts.openQuestion(r.communityId, r.authorId, now - 7 * 86_400_000);
  const ref = store.workspaces.nextRef(r.workspaceId);
  const saved = reflections.add({ ...r, ref, questionKey, createdAt: now });
  prompts.answer(r.communityId, r.authorId, now);
  return saved;
}

/** Replaces the text of one's own reflection; it keeps its date and is marked edited. */
export function editReflection(store: Store, r: Reflection, text: string, now: number): Reflection {
  repos(store).reflections.setText(r.id, text, now);
  return { ...r, text, editedAt: now };
}

/** Deletes one's own reflection for good. */
export function deleteReflection(store: Store, r: Reflection): void {
  repos(store).reflections.remove(r.id);
}

/** Deletes every reflection of a person who is forgotten; returns the numbers of the shared ones that went. */
export function forgetReflectionsOf(store: Store, workspaceId: number, authorId: number): number[] {
  return repos(store).reflections.removeAllOf(workspaceId, authorId);
}
