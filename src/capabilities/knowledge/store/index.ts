import type { Store } from '../../../store/store.js';
import { LibraryRepo } from './library.js';

/** The knowledge capability's repository on a store, made once per store. */
export function library(store: Store): LibraryRepo {
  return store.extension('knowledge', (db) => new LibraryRepo(db));
}
