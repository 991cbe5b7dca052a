import type { Store } from '../../../store/store.js';
import { PromptRepo } from './prompts.js';
import { ReflectionRepo } from './reflections.js';

export interface ReflectionRepos {
  reflections: ReflectionRepo;
  prompts: PromptRepo;
}

/** The reflections' repositories on a store, made once per store. */
export function repos(store: Store): ReflectionRepos {
  return store.extension('reflections', (db) => ({ reflections: new ReflectionRepo(db), prompts: new PromptRepo(db) }));
}
