import { foundation } from './001-foundation.js';
import { scheduler } from './002-scheduler.js';
import { channelRemovals } from './100-channel-removals.js';
import { prunedJobKeys } from './101-pruned-job-keys.js';
import { auditLog } from './102-audit-log.js';
import { terms } from './103-terms.js';
import { firstContact } from './104-first-contact.js';
import { searchIndex } from './150-search-index.js';
import { coordinatorIndex } from './160-coordinator-index.js';
import { searchUnindexed } from './161-search-unindexed.js';

/** A schema change; `version` orders them and is never reused. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The core's own migrations (the store's base and the scheduler); each capability and adapter keeps its own
 * in its folder, in a block of versions of its own. Never edit one that has shipped: add the next.
 * Instants are INTEGER milliseconds since the epoch (UTC); local schedules keep their IANA zone beside them.
 */
export const coreMigrations: readonly Migration[] = [
  foundation,
  scheduler,
  channelRemovals,
  prunedJobKeys,
  auditLog,
  terms,
  firstContact,
  searchIndex,
  coordinatorIndex,
  searchUnindexed,
];

/** The core's block of versions; shipped ones (1, 2) keep their numbers. */
export const CORE_VERSIONS: readonly (readonly [number, number])[] = [
  [1, 2],
  [100, 199],
];
