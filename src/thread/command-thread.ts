import { Worker } from 'node:worker_threads';
import type { Handled, Inbound } from '../bot.js';
import type { PersonalDataHolder } from '../capability.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Metrics, Outcome } from '../metrics.js';
import type { Platform } from '../ports.js';
import type { JobRepo } from '../store/jobs.js';

/**
 * The commands that write, of the platforms it serves, run on a thread of their own. One thread serving HTTP, verifying signatures,
 * running every command and committing it was the write path's limit: under a burst (a school answering the
 * Friday prompt) the process used one of the machine's cores. The command thread has a bot and a connection of
 * its own on the same file; the adapters' thread sends it each such command with the instant it arrived and
 * renders what comes back. SQLite keeps the two connections apart, and the core's caches already follow changes made
 * through another connection (the admin tools write beside a running bot).
 *
 * What stays on the adapters' thread: commands that only read (`readOnly`: `help`, the lists, which would spend
 * more crossing over and back than they save), the scheduler, platform events, the console, and what a form's
 * submission runs at once (`Bot.handle`). What `handleSoon` promises is unchanged: an answer once its command is committed,
 * and a rejection only when nothing of it was written.
 *
 * The thread starts with the first command; until it is ready, and for good once it fails, commands run on the
 * adapters' thread as they always could, and the failure is logged. The commands it held when it failed are
 * refused; only one committed in the moment between its commit and its answer can have been stored (a crash can
 * repeat only what was in flight).
 */
export class CommandThread {
  readonly #o: CommandThreadOptions;
  #worker: Worker | undefined;
  #ready = false;
  #failed = false;
  #stopping = false;
  /** Holders of personal data the thread has been told of and not yet confirmed. */
  #unconfirmed = 0;
  readonly #waiting = new Map<number, { resolve(h: Handled): void; reject(e: unknown): void }>();
  #next = 0;
  #exited: Promise<void> = Promise.resolve();
  readonly #readiness: { promise: Promise<boolean>; settle(ready: boolean): void };

  constructor(options: CommandThreadOptions) {
    this.#o = options;
    let settle: (ready: boolean) => void = () => {};
    const promise = new Promise<boolean>((done) => {
      settle = done;
    });
    this.#readiness = { promise, settle };
  }

  /**
   * Sends `inbound` to the thread, to run at `now`; null when the thread cannot take it yet (it is starting, or
   * learning of a holder of personal data) or any more (it failed, or is stopping): the caller runs it itself.
   */
  run(inbound: Inbound, now: number): Promise<Handled> | null {
    if (this.#failed || this.#stopping || !this.#o.platforms.includes(inbound.workspace.platform)) return null;
    const worker = this.#worker ?? this.#start();
    if (!worker || !this.#ready || this.#unconfirmed > 0) return null;
    const id = ++this.#next;
    if (this.#waiting.size === 0) worker.ref();
    return new Promise<Handled>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      worker.postMessage({ type: 'run', runs: [{ id, inbound, now }] } satisfies ToThread);
    });
  }

  /** Starts the thread if it has not started; resolves with whether it is ready to run commands (false: it failed). */
  ready(): Promise<boolean> {
    if (!this.#worker && !this.#failed) this.#start();
    return this.#readiness.promise;
  }

  /** An adapter's holder of personal data, registered after the thread started: the thread loads it too. */
  holds(holder: PersonalDataHolder): void {
    const worker = this.#worker;
    if (!worker || this.#failed) return;
    if (!holder.module) {
      this.#fail(new Error(`the personal data of ${holder.name} names no module the command thread could load`));
      return;
    }
    this.#unconfirmed++;
    worker.postMessage({ type: 'holder', module: holder.module, name: holder.name } satisfies ToThread);
  }

  get state(): { running: boolean; ready: boolean; failed: boolean } {
    return { running: this.#worker !== undefined, ready: this.#ready && this.#unconfirmed === 0, failed: this.#failed };
  }

  /** Stops taking commands, lets the thread answer those it has, and waits for it to end. */
  async stop(): Promise<void> {
    this.#stopping = true;
    const worker = this.#worker;
    if (!worker) return;
    worker.ref();
    worker.postMessage({ type: 'stop' } satisfies ToThread);
    const late = setTimeout(() => void worker.terminate(), STOP_WAIT_MS);
    await this.#exited;
    clearTimeout(late);
    this.#worker = undefined;
    this.#abandon(new Error('the command thread stopped before answering'));
  }

  #start(): Worker | undefined {
    const holders = this.#o.holders();
    const unloadable = holders.find((h) => !h.module);
    if (unloadable) {
      this.#fail(new Error(`the personal data of ${unloadable.name} names no module the command thread could load`));
      return undefined;
    }
    let worker: Worker;
    try {
      worker = (this.#o.spawn ?? spawnThread)({
        config: this.#o.config,
        logLevel: this.#o.log.level,
        introduce: this.#o.introduce,
        holders: holders.map((h) => ({ module: h.module as string, name: h.name })),
      });
    } catch (e) {
      this.#fail(e);
      return undefined;
    }
    this.#worker = worker;
    worker.on('message', (m: FromThread) => this.#heard(m));
    worker.on('error', (e) => {
      if (this.#worker === worker) this.#fail(e);
    });
    this.#exited = new Promise<void>((done) =>
      worker.once('exit', (code) => {
        if (this.#worker === worker && !this.#stopping) this.#fail(new Error(`the command thread exited (code ${code})`));
        done();
      }),
    );
    // Referenced while it starts (whoever awaits `ready` is waiting on it) and while it has commands; an idle
    // thread keeps no process alive (a script, a test that did not close its app).
    return worker;
  }

  #heard(m: FromThread): void {
    if (m.type === 'ready') {
      this.#ready = true;
      if (this.#waiting.size === 0) this.#worker?.unref();
      this.#readiness.settle(true);
      this.#o.log.info({ platforms: this.#o.platforms }, 'command thread ready');
      return;
    }
    if (m.type === 'holding') {
      this.#unconfirmed--;
      return;
    }
    if (m.type === 'fatal') {
      this.#fail(new Error(m.message));
      return;
    }
    for (const [command, outcome] of m.counted) this.#o.metrics.command(command, outcome);
    if (m.queued !== null) this.#o.jobs.notifyQueued(m.queued);
    for (const answer of m.answers) {
      const waiting = this.#waiting.get(answer.id);
      if (!waiting) continue;
      this.#waiting.delete(answer.id);
      if ('handled' in answer) {
        waiting.resolve(answer.handled);
      } else {
        waiting.reject(Object.assign(new Error(answer.message), answer.code ? { code: answer.code } : {}));
      }
    }
    if (this.#waiting.size === 0) this.#worker?.unref();
  }

  /** From now on commands run on the adapters' thread; those the thread had are refused. */
  #fail(e: unknown): void {
    if (this.#failed) return;
    this.#failed = true;
    this.#readiness.settle(false);
    this.#o.log.error({ err: e }, "the command thread failed: commands run on the adapters' thread");
    this.#abandon(new Error('the command thread stopped before answering'));
    const worker = this.#worker;
    this.#worker = undefined;
    void worker?.terminate();
  }

  #abandon(e: Error): void {
    for (const waiting of this.#waiting.values()) waiting.reject(e);
    this.#waiting.clear();
  }
}

export interface CommandThreadOptions {
  config: Config;
  log: Logger;
  /** The platforms whose commands it runs; the others' run on the adapters' thread. */
  platforms: readonly Platform[];
  /** Whether the first message to each person opens with the bot's introduction, as on the adapters' thread. */
  introduce: boolean;
  /** Where the commands the thread ran are counted. */
  metrics: Pick<Metrics, 'command'>;
  /** Told when the thread queued a job, so the scheduler here arms its timer for it. */
  jobs: Pick<JobRepo, 'notifyQueued'>;
  /** The adapters' holders of personal data registered so far (the capabilities' the thread assembles itself). */
  holders: () => readonly PersonalDataHolder[];
  /** Starts the thread (tests refuse it, or start one that dies). */
  spawn?: (data: ThreadData) => Worker;
}

/** What the thread starts with. */
export interface ThreadData {
  config: Config;
  logLevel: string;
  introduce: boolean;
  holders: { module: string; name: string }[];
}

/** A command for the thread: `inbound`, run at `now`, answered under `id`. */
export interface Run {
  id: number;
  inbound: Inbound;
  now: number;
}

/** How a command ended on the thread: what it answered, or why its commit failed. */
export type Answer = { id: number; handled: Handled } | { id: number; message: string; code: string | undefined };

export type ToThread = { type: 'run'; runs: Run[] } | { type: 'holder'; module: string; name: string } | { type: 'stop' };

export type FromThread =
  | { type: 'ready' }
  | { type: 'holding'; name: string }
  | { type: 'fatal'; message: string }
  /** The answers of one commit, with the commands counted and the earliest job queued since the last. */
  | { type: 'answers'; answers: Answer[]; counted: [string, Outcome][]; queued: number | null };

/** How long a stopping thread may take to answer what it has before it is ended. */
const STOP_WAIT_MS = 10_000;

/**
 * The thread's first module is JavaScript: a worker starts without the TypeScript loader of the thread that made it
 * (tsx under `npm start`, vite under vitest), so `boot.mjs` registers tsx's and then imports `worker.ts`.
 */
function spawnThread(data: ThreadData): Worker {
  return new Worker(new URL('./boot.mjs', import.meta.url), { workerData: data, name: 'plc-commands' });
}
