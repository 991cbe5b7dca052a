import { isMainThread } from 'node:worker_threads';
import type { PersonalDataHolder } from '../../src/capability.js';

/** An adapter's holder of personal data, as the command thread loads it: by its module, and there says so in exports. */
export const fixtureHolder: PersonalDataHolder = {
  name: 'fixture',
  module: import.meta.url,
  personalData: {
    export: ({ user }) => ({ from: isMainThread ? "the adapters' thread" : 'the thread', platformId: user.externalId }),
    forget: () => {},
  },
};

/** A second holder in the same module, registered once the thread runs. */
export const lateHolder: PersonalDataHolder = { ...fixtureHolder, name: 'late' };
