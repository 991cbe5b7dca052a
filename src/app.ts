import { Bot } from './bot.js';
import { createRegistry } from './commands/index.js';
import type { Config } from './config.js';
import { MessengerRouter } from './delivery.js';
import { createLogger, type Logger } from './log.js';
import type { Clock } from './ports.js';
import { ManualClock, systemClock } from './ports.js';
import { createJobHandlers } from './scheduler/kinds.js';
import { Scheduler } from './scheduler/scheduler.js';
import { Store } from './store/store.js';

/** The parts every adapter shares: configuration, store, clock, bot, messenger and logs. */
export interface App {
  config: Config;
  store: Store;
  clock: Clock;
  bot: Bot;
  messenger: MessengerRouter;
  log: Logger;
  /** The durable scheduler; main starts its ticker, the console and tests drive it through `advance`. */
  scheduler: Scheduler;
  /**
   * Moves a manual clock forward to `to`, running every scheduled job that falls due on the way, in due
   * order, each with the clock set to its due time (the console's `:clock` and tests use this).
   */
  advance(to: number): Promise<void>;
  /** Work in flight (commands being handled); shutdown waits for it. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Waits for work in flight, then closes the store. */
  close(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  log?: Logger;
  /** An open store to use instead of opening DATABASE_PATH (tests). */
  store?: Store;
}

/** The composition root: config -> store -> bot; adapters attach to what this returns. */
export function createApp(config: Config, options: AppOptions = {}): App {
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const store = options.store ?? Store.open(config.DATABASE_PATH);
  const clock = options.clock ?? systemClock;
  const bot = new Bot({ store, clock, registry: createRegistry({ publicUrl: config.PUBLIC_URL }), defaultTz: config.DEFAULT_TZ, log });
  const inFlight = new Set<Promise<unknown>>();
  const messenger = new MessengerRouter();
  const scheduler = new Scheduler({ store, clock, messenger, handlers: createJobHandlers(), log });
  return {
    config,
    store,
    clock,
    bot,
    messenger,
    log,
    scheduler,
    async advance(to) {
      if (clock instanceof ManualClock) await scheduler.advance(clock, to);
    },
    track(work) {
      inFlight.add(work);
      work.finally(() => inFlight.delete(work)).catch(() => {});
      return work;
    },
    async close() {
      await Promise.allSettled([...inFlight]);
      await scheduler.stop();
      store.close();
    },
  };
}
