import type { Delivery } from '../grammar/command.js';
import type { Logger } from '../log.js';
import type { SentMessage } from '../ports.js';
import type { QuietPolicy } from '../quiet-hours.js';
import type { Job } from '../store/jobs.js';
import type { Store } from '../store/store.js';
import type { Workspace } from '../store/workspaces.js';
import type { View } from '../views/view.js';

/** What a job handler sees: the store, the instant it runs at (the clock), and the log. */
export interface JobEnv {
  store: Store;
  now: number;
  log: Logger;
  /** The install's quiet hours; a person's messages wait outside them (none when absent). */
  quiet?: QuietPolicy;
}

/** Asks the scheduler to hand a message, once posted, to the tracker registered for `kind` (to update it later). */
export interface Track {
  kind: string;
  /** What the tracker needs to know which thing the message shows (a meeting id, say). */
  data: Record<string, unknown>;
}

/** A message to post; with `track`, what the messenger returns for it is kept by the capability. */
export type Post = Exclude<Delivery, { to: 'asker' }> & { track?: Track };

/** A message posted earlier, to be shown in a new state: an edit never posts a new message. */
export interface Edit {
  sent: SentMessage;
  view: View;
  /** The tracker to tell when the message cannot be reached any more. */
  track?: Track;
}

/** The messages one job sends or updates, all in one workspace. */
export interface Outbox {
  workspace: Workspace;
  /** With several, each recipient's message is sent, retried or dropped on its own (a job per recipient). */
  deliveries: Post[];
  /** Updates of earlier posts; a failed one is logged and dropped, it never fails or repeats the job. */
  edits?: Edit[];
}

/**
 * Runs inside a transaction: reads what it needs, may queue follow-up jobs, and says what to send.
 * Returns null when there is nothing to send (the meeting was cancelled since, say).
 */
export type JobHandler = (job: Job, env: JobEnv) => Outbox | null;

/** Keeps the messages a capability follows; each call runs in its own transaction. */
export interface Tracker {
  /** A tracked post went out and the platform gave it these ids. */
  posted(sent: SentMessage, track: Track, env: JobEnv): void;
  /** A tracked message is gone (deleted, or its conversation); it should not be updated again. */
  gone(sent: SentMessage, track: Track, env: JobEnv): void;
}

/** The kinds of scheduled work the product knows: each capability registers its kinds here. */
export class JobHandlers {
  readonly #byKind = new Map<string, JobHandler>();
  readonly #trackers = new Map<string, Tracker>();
  readonly #seeds: ((env: JobEnv) => void)[] = [];

  register(kind: string, handler: JobHandler): this {
    if (this.#byKind.has(kind)) throw new Error(`job kind ${kind} is registered twice`);
    this.#byKind.set(kind, handler);
    return this;
  }

  /** Registers who keeps the posts tagged `track: { kind }`. */
  track(kind: string, tracker: Tracker): this {
    if (this.#trackers.has(kind)) throw new Error(`tracked message kind ${kind} is registered twice`);
    this.#trackers.set(kind, tracker);
    return this;
  }

  /**
   * Registers a seed: it queues the first job of a self-rescheduling chain (by key, so idempotently). Seeds run
   * whenever a scheduler starts sending, so a chain broken by a failed run or missing from an older database restarts.
   */
  seed(fn: (env: JobEnv) => void): this {
    this.#seeds.push(fn);
    return this;
  }

  /** The seeds, for the scheduler to run in one transaction when it takes the lease. */
  seeds(): readonly ((env: JobEnv) => void)[] {
    return this.#seeds;
  }

  get(kind: string): JobHandler | null {
    return this.#byKind.get(kind) ?? null;
  }

  tracker(kind: string): Tracker | null {
    return this.#trackers.get(kind) ?? null;
  }

  kinds(): string[] {
    return [...this.#byKind.keys()];
  }

  trackedKinds(): string[] {
    return [...this.#trackers.keys()];
  }
}
