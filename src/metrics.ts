import { statSync } from 'node:fs';
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { Clock } from './ports.js';
import type { Store } from './store/store.js';

/** How a command ended: done, refused as a user's mistake (with an answer that says why), or failed (a bug). */
export type Outcome = 'ok' | 'refused' | 'failed';

/**
 * What an IT admin watches, in Prometheus' text format (prom-client). One registry per app, not the library's
 * global one, so two apps in one process (tests, benches) count apart. Labels are kinds, never people: a
 * command's help key, a platform, an outcome.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly #sent: Counter<'platform'>;
  readonly #failed: Counter<'platform'>;
  readonly #waits: Counter<'platform'>;
  readonly #waited: Counter<'platform'>;
  #process = false;

  constructor(store: Store, clock: Clock) {
    const registers = [this.registry];
    const handled = this.#handled;
    new Counter({
      name: 'plc_commands_total',
      help: 'Commands handled, by command and outcome (ok, refused, failed).',
      labelNames: ['command', 'outcome'],
      registers,
      // Counted as commands run (see command), added to the counter when it is read.
      collect() {
        for (const c of handled.values())
          if (c.n > c.reported) {
            this.inc({ command: c.command, outcome: c.outcome }, c.n - c.reported);
            c.reported = c.n;
          }
      },
    });
    this.#sent = new Counter({
      name: 'plc_messages_sent_total',
      help: 'Messages the bot posted or updated on its own (reminders, prompts, DMs), by platform.',
      labelNames: ['platform'],
      registers,
    });
    this.#failed = new Counter({
      name: 'plc_messages_failed_total',
      help: 'Messages the platform refused or that could not be sent, by platform.',
      labelNames: ['platform'],
      registers,
    });
    this.#waits = new Counter({
      name: 'plc_rate_limit_waits_total',
      help: 'Times a send waited for the platform rate limit, by platform.',
      labelNames: ['platform'],
      registers,
    });
    this.#waited = new Counter({
      name: 'plc_rate_limit_wait_seconds_total',
      help: 'Seconds spent waiting for the platform rate limit, by platform.',
      labelNames: ['platform'],
      registers,
    });
    new Gauge({
      name: 'plc_scheduler_lag_seconds',
      help: 'Now minus the due time of the oldest job that is due and not yet done; 0 when nothing is late.',
      registers,
      collect() {
        if (!store.db.open) return;
        const due = store.jobs.nextDueAt();
        this.set(due === null ? 0 : Math.max(0, clock.now().getTime() - due) / 1000);
      },
    });
    new Gauge({
      name: 'plc_database_bytes',
      help: 'Size of the SQLite database on disk, its write-ahead log included.',
      registers,
      collect() {
        if (!store.db.open) return;
        const pages = store.db.pragma('page_count', { simple: true }) as number;
        const size = store.db.pragma('page_size', { simple: true }) as number;
        this.set(pages * size + walBytes(store.db.name));
      },
    });
  }

  /**
   * Adds the process's own metrics (memory, CPU, event-loop lag, handles). Only where /metrics is served: each
   * call starts an event-loop monitor, which the many apps of a test run have no use for.
   */
  withProcessMetrics(): this {
    if (!this.#process) collectDefaultMetrics({ register: this.registry, prefix: 'plc_' });
    this.#process = true;
    return this;
  }

  /**
   * Counts a command. Every command calls it, and prom-client finds a counter's labelled value by a key it builds
   * from the labels' names and values on each call: the counts are kept here by command and outcome instead,
   * and handed to the counter when /metrics is read.
   */
  command(command: string, outcome: Outcome): void {
    const key = `${command}\u0000${outcome}`;
    const c = this.#handled.get(key);
    if (c) c.n++;
    else this.#handled.set(key, { command, outcome, n: 1, reported: 0 });
  }

  readonly #handled = new Map<string, { command: string; outcome: Outcome; n: number; reported: number }>();

  sent(platform: string): void {
    this.#sent.inc({ platform });
  }

  failed(platform: string): void {
    this.#failed.inc({ platform });
  }

  rateLimitWait(platform: string, ms: number): void {
    this.#waits.inc({ platform });
    this.#waited.inc({ platform }, ms / 1000);
  }

  /** The text a Prometheus server scrapes. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

function walBytes(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}
