import { capabilities } from '../../capabilities.js';
import type { Capability } from '../../capability.js';
import { auditCommand } from './audit.js';
import { digestCommand, registerSummaryJobs } from './digest.js';
import { exportCommunityCommand } from './export.js';
import type { Sources } from './figures.js';
import { messages } from './messages.js';
import { summaryTables } from './migrations/800-summaries.js';
import { statusCommand } from './status.js';
import { summaryRepo } from './store/index.js';
import { chartReady, type SummaryDeps } from './summary.js';

/**
 * Summaries for coordinators: `status` of one community or all, with trends and a chart, scheduled digests,
 * community exports and the audit trail. It reads the other capabilities only through their hooks (`figures`,
 * `attention`, `participants`, `coordinatorExport`), from the list it is assembled with: `sources` (tests and
 * benches pass their own list, with stand-ins for capabilities that are not there).
 */
export function createSummaries(sources: Sources = capabilities): Capability<typeof messages> {
  let publicUrl: string | undefined;
  const deps: SummaryDeps = { sources, publicUrl: () => publicUrl };
  return {
    name: 'summaries',
    versions: [[800, 899]],
    migrations: [summaryTables],
    messages,
    commands: (options) => {
      // The composition root gives every capability the same options before it registers their jobs.
      publicUrl = options.publicUrl;
      // Off the start-up path: the first chart a minute later finds its libraries loaded.
      setTimeout(() => void chartReady(), 0).unref();
      return [statusCommand(deps), digestCommand, exportCommunityCommand(deps), auditCommand];
    },
    jobs: (handlers) => {
      registerSummaryJobs(handlers, deps);
    },
    personalData: {
      export({ user }, { store }) {
        const digest = summaryRepo(store).digest(user.id);
        return { digest: digest ? { cadence: digest.cadence, tz: digest.tz, readers: 'you' } : null };
      },
      forget({ user }, { store }) {
        summaryRepo(store).deleteDigest(user.id);
      },
    },
    // Charts hold community figures only; the audit trail it shows is the core's, which privacy describes itself.
    privacy: {
      stores: [{ what: 'privacy.summaries.digest', readers: 'self', kept: 'whileUsed', onForget: 'deleted' }],
    },
  };
}

/** The summaries of the shipped capability list. */
export const summaries = createSummaries();

export { CHART_TTL_MS, summaryRepo } from './store/index.js';
export { chartReady } from './summary.js';
