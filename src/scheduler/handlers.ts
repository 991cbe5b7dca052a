import type { Delivery } from '../commands/command.js';
import type { Logger } from '../log.js';
import type { Job } from '../store/jobs.js';
import type { Store } from '../store/store.js';
import type { Workspace } from '../store/workspaces.js';

/** What a job handler sees: the store, the instant it runs at (the clock), and the log. */
export interface JobEnv {
  store: Store;
  now: number;
  log: Logger;
}

/** The messages one job sends, all in one workspace. */
export interface Outbox {
  workspace: Workspace;
  deliveries: Exclude<Delivery, { to: 'asker' }>[];
}

/**
 * Runs inside a transaction: reads what it needs, may queue follow-up jobs, and says what to send.
 * Returns null when there is nothing to send (the meeting was cancelled since, say).
 */
export type JobHandler = (job: Job, env: JobEnv) => Outbox | null;

/** The kinds of scheduled work the product knows: each capability registers its kinds here. */
export class JobHandlers {
  readonly #byKind = new Map<string, JobHandler>();

  register(kind: string, handler: JobHandler): this {
    if (this.#byKind.has(kind)) throw new Error(`job kind ${kind} is registered twice`);
    this.#byKind.set(kind, handler);
    return this;
  }

  get(kind: string): JobHandler | null {
    return this.#byKind.get(kind) ?? null;
  }

  kinds(): string[] {
    return [...this.#byKind.keys()];
  }
}
