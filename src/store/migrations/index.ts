import type { Db } from '../db.js';
import { foundation } from './001-foundation.js';
import { scheduler } from './002-scheduler.js';
import { channelRemovals } from './100-channel-removals.js';
import { prunedJobKeys } from './101-pruned-job-keys.js';
import { auditLog } from './102-audit-log.js';
import { terms } from './103-terms.js';
import { firstContact } from './104-first-contact.js';
import { quietHours } from './105-quiet-hours.js';
import { searchIndex } from './150-search-index.js';
import { coordinatorIndex } from './160-coordinator-index.js';
import { searchUnindexed } from './161-search-unindexed.js';
import { identityVersions } from './170-identity-versions.js';
import { membershipVersions } from './171-membership-versions.js';

/**
 * A schema change; `version` orders them and is never reused. `sql` runs first; `up`, when there is one, then
 * looks at the file before it changes it (SQLite has no `ADD COLUMN IF NOT EXISTS`). Both in one transaction.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  up?: (db: Db) => void;
}

/**
 * Versions this build no longer runs but that files may have applied: their work moved into another migration,
 * which checks what they did. They count as known, so such a file is not taken for a newer build's.
 */
export const RETIRED_MIGRATIONS: readonly { version: number; name: string; movedTo: number }[] = [
  // The operations capability's quiet-hours columns, read by the core's src/quiet-hours.ts: now the core's own.
  { version: 1000, name: 'quiet-hours', movedTo: 105 },
];

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
  quietHours,
  searchIndex,
  coordinatorIndex,
  searchUnindexed,
  identityVersions,
  membershipVersions,
];

/** The core's block of versions; shipped ones (1, 2) keep their numbers. */
export const CORE_VERSIONS: readonly (readonly [number, number])[] = [
  [1, 2],
  [100, 199],
];

/**
 * The versions the adapters own (Slack 10–19, Teams 20–29). They bring their migrations when they start, so a
 * store opened without them leaves these versions for them to judge.
 */
export const ADAPTER_VERSIONS: readonly (readonly [number, number])[] = [[10, 29]];
