import { capabilities } from '../../capabilities.js';
import type { Capability, CapabilityOptions } from '../../capability.js';
import {
  exportMeCommand,
  exportPersonCommand,
  forgetMeCommand,
  forgetPersonCommand,
  type PrivacyDeps,
  privacyCommand,
} from './commands.js';
import { messages } from './messages.js';
import { registerRetention } from './retention.js';

/** The retention of personal writing when RETENTION_DAYS is not set: two school years. */
export const DEFAULT_RETENTION_DAYS = 730;

/** Every capability's holder, when the composition root gave none (a test assembling a list by hand). */
const capabilityHolders = () => capabilities().map((c) => ({ name: c.name, personalData: c.personalData }));

const depsOf = (options: CapabilityOptions | undefined): PrivacyDeps => ({
  holders: options?.personalData ?? capabilityHolders,
  retentionDays: options?.retentionDays ?? DEFAULT_RETENTION_DAYS,
});

/**
 * Each person's data rights: `privacy` says what is kept, `export me` sends a copy, `forget me` erases them, and a
 * daily job applies RETENTION_DAYS. It reaches every capability and adapter only through their personal-data hooks.
 */
export const privacy: Capability<typeof messages> = {
  name: 'privacy',
  versions: [[900, 999]],
  migrations: [],
  messages,
  commands: (options) => {
    const deps = depsOf(options);
    return [privacyCommand(deps), exportMeCommand(deps), exportPersonCommand(deps), forgetMeCommand(deps), forgetPersonCommand(deps)];
  },
  jobs: (handlers, options) => {
    const deps = depsOf(options);
    registerRetention(handlers, deps.retentionDays, deps.holders);
  },
  personalData: {
    // The audit rows about a person are the core's; the file's `audit` part lists them. This capability keeps nothing else.
    export: () => ({}),
    forget: () => {},
  },
  privacy: { stores: [] },
};

export { type AdminEnv, AdminRefusal, adminExport, adminForget, findPerson } from './admin.js';
export { backupDatabase } from './backup.js';
export { expireBefore, forgetPerson, type Holders, personFile, type Refusal, type Requester, refusals } from './person.js';
export { RETENTION_KIND } from './retention.js';
export { checkpointTruncate, truncateWalSoon, walTruncationsSettled } from './wal.js';
