import { communities } from './capabilities/communities/index.js';
import { general } from './capabilities/general/index.js';
import { goals } from './capabilities/goals/index.js';
import { knowledge } from './capabilities/knowledge/index.js';
import { meetings } from './capabilities/meetings/index.js';
import { operations } from './capabilities/operations/index.js';
import { pairingCapability } from './capabilities/pairing/index.js';
import { privacy } from './capabilities/privacy/index.js';
import { reflections } from './capabilities/reflections/index.js';
import { summaries } from './capabilities/summaries/index.js';
import type { Capability } from './capability.js';
import type { Migration } from './store/migrations/index.js';
import { coreMigrations } from './store/migrations/index.js';

/**
 * Every capability, in the order help lists them: the one place a capability is added. The composition root
 * builds the registry, the job handlers, the migrations, the catalogs and the home sections from this list.
 */
const list = () =>
  [
    general,
    communities,
    meetings,
    reflections,
    goals,
    pairingCapability,
    knowledge,
    summaries,
    operations,
    privacy,
  ] as const satisfies readonly Capability[];

/** The capabilities' messages, for the typed catalog. */
export type CapabilityMessages = ReturnType<typeof list>[number]['messages'];

let built: readonly Capability[] | null = null;

/**
 * The list, made on first use: capabilities import the translator, whose catalog is made of theirs, so the
 * list may be reached while one of them is still loading and must not be read at import time.
 */
export function capabilities(): readonly Capability[] {
  built ??= list();
  return built;
}

/** The core's migrations and every capability's. */
export function allMigrations(): Migration[] {
  return [...coreMigrations, ...capabilities().flatMap((c) => c.migrations)];
}
