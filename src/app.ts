import { Bot } from './bot.js';
import { createRegistry } from './commands/index.js';
import type { Config } from './config.js';
import { MessengerRouter } from './delivery.js';
import { createLogger, type Logger } from './log.js';
import type { Clock } from './ports.js';
import { ManualClock, systemClock } from './ports.js';
import { Store } from './store/store.js';

/** The parts every adapter shares: configuration, store, clock, bot, messenger and logs. */
export interface App {
  config: Config;
  store: Store;
  clock: Clock;
  bot: Bot;
  messenger: MessengerRouter;
  log: Logger;
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
  const bot = new Bot({ store, clock, registry: createRegistry(), defaultTz: config.DEFAULT_TZ, log });
  const inFlight = new Set<Promise<unknown>>();
  return {
    config,
    store,
    clock,
    bot,
    messenger: new MessengerRouter(),
    log,
    async advance(to) {
      if (clock instanceof ManualClock) clock.set(to);
    },
    track(work) {
      inFlight.add(work);
      work.finally(() => inFlight.delete(work)).catch(() => {});
      return work;
    },
    async close() {
      await Promise.allSettled([...inFlight]);
      store.close();
    },
  };
}
