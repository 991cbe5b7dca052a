import type { Store } from '../../../store/store.js';
import { GoalRepo, type GoalRepos } from './goals.js';

/** The goals capability's repositories on a store, made once per store. */
export function repos(store: Store): GoalRepos {
  return store.extension('goals', (db) => ({ goals: new GoalRepo(db) }));
}
