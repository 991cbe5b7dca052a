import { Bot } from './bot.js';
import { capabilities } from './capabilities.js';
import type { Capability, CapabilityOptions, HomeSection, PersonalDataHolder, Preambles } from './capability.js';
import { type Config, quietPolicy } from './config.js';
import { MessengerRouter } from './delivery.js';
import { FirstContact } from './first-contact.js';
import { Registry } from './grammar/registry.js';
import { createLogger, type Logger } from './log.js';
import { Metrics } from './metrics.js';
import { PlatformEvents } from './platform-events.js';
import type { Clock, Platform } from './ports.js';
import { ManualClock, systemClock } from './ports.js';
import { ReactionBus } from './reactions.js';
import { JobHandlers } from './scheduler/handlers.js';
import { registerCoreJobs } from './scheduler/prune.js';
import { Scheduler } from './scheduler/scheduler.js';
import { rebuildSearchIfStale } from './search/rebuild.js';
import { Store } from './store/store.js';
import { CommandThread } from './thread/command-thread.js';

/** The parts every adapter shares: configuration, store, clock, bot, messenger and logs. */
export interface App {
  config: Config;
  store: Store;
  clock: Clock;
  bot: Bot;
  /** What adapters report happened on their platform (someone left a channel, the app was installed). */
  events: PlatformEvents;
  messenger: MessengerRouter;
  log: Logger;
  /** The durable scheduler; main starts its ticker, the console and tests drive it through `advance`. */
  scheduler: Scheduler;
  /** Where `handleSoon` runs commands when the app was made with `commandThread` (src/thread). */
  thread?: CommandThread;
  /** What /metrics serves: commands, sends, scheduler lag, rate-limit waits, the database's size. */
  metrics: Metrics;
  /**
   * Moves a manual clock forward to `to`, running every scheduled job that falls due on the way, in due
   * order, each with the clock set to its due time (the console's `:clock` and tests use this).
   */
  advance(to: number): Promise<void>;
  /** Work in flight (commands being handled); shutdown waits for it. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Waits for work in flight, then closes the store. */
  close(): Promise<void>;
  /**
   * Everything that holds data about people: the capabilities, and the adapters that registered their own
   * tables (`holdsPersonalData`). The data-rights capability asks each of them.
   */
  personalData(): readonly PersonalDataHolder[];
  /** An adapter that keeps tables about people registers its export and forget hooks here. */
  holdsPersonalData(holder: PersonalDataHolder): void;
}

/** What the composition root builds from the capability list, once per app. */
export interface Assembly {
  registry: Registry;
  handlers: JobHandlers;
  homeSections: HomeSection[];
  reactions: ReactionBus;
}

/** Builds the registry, job handlers (the core's, then theirs), home sections and reactions from the capabilities, in list order. */
export function assemble(
  list: readonly Capability[] = capabilities(),
  options: Omit<CapabilityOptions, 'registry' | 'preambles'> = {},
): Assembly {
  const registry = new Registry();
  // The core's own kinds (the daily prune) come first, in every assembly: main, the console, benches and tests.
  const handlers = registerCoreJobs(new JobHandlers());
  // Each capability's preamble hooks, for the views of another (norms in meeting reminders, the charter in help).
  const preambles: Preambles = {
    meeting: (community, env) => list.flatMap((c) => c.meetingPreamble?.(community, env) ?? []),
    help: (community, env) => list.flatMap((c) => c.helpPreamble?.(community, env) ?? []),
  };
  for (const capability of list) {
    const own = { ...options, registry, preambles };
    registry.group(capability.name, capability.commands(own));
    capability.jobs?.(handlers, own);
  }
  return {
    registry,
    handlers,
    homeSections: list.flatMap((c) => (c.home ? [c.home] : [])),
    reactions: new ReactionBus(list.flatMap((c) => (c.reactions ? [c.reactions] : []))),
  };
}

export interface AppOptions {
  clock?: Clock;
  log?: Logger;
  /** An open store to use instead of opening DATABASE_PATH (tests). */
  store?: Store;
  /** The capabilities to assemble instead of the list (tests and benches add stand-ins for others). */
  capabilities?: readonly Capability[];
  /**
   * Whether the first message to each person opens with the bot's introduction (src/first-contact.ts): always in
   * an install; test/support/app.ts turns it off for tests that are not about it.
   */
  introduce?: boolean;
  /**
   * The platforms whose commands, as their adapters hand them over (`Bot.handleSoon`), run on a thread of their own
   * (src/thread): main passes those COMMAND_THREAD names. Not with `capabilities` of the caller's (the thread
   * assembles the list) nor with an in-memory store (the thread opens the file).
   */
  commandThread?: readonly Platform[];
  /** The file's capabilities are already upgraded and its search index current (the command thread's own app). */
  upgraded?: boolean;
  /** Where commands are counted instead of this app's metrics (the command thread's, which tells the adapters' thread). */
  countCommand?: Metrics['command'];
}

/** The composition root: config -> store -> bot and platform events; adapters attach to what this returns. */
export function createApp(config: Config, options: AppOptions = {}): App {
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const store = options.store ?? Store.open(config.DATABASE_PATH);
  const clock = options.clock ?? systemClock;
  const list = options.capabilities ?? capabilities();
  const platforms = options.commandThread ?? [];
  if (platforms.length > 0 && (options.capabilities || store.db.memory)) {
    throw new Error('the command thread runs the capability list on a database file');
  }
  const holders: PersonalDataHolder[] = list.map((c) => ({ name: c.name, personalData: c.personalData }));
  const { registry, handlers, homeSections, reactions } = assemble(list, {
    publicUrl: config.PUBLIC_URL,
    retentionDays: config.RETENTION_DAYS,
    personalData: () => holders,
  });
  if (!options.upgraded) {
    for (const capability of list) capability.upgrade?.({ store, now: clock.now().getTime(), log });
    // The community search's index is built from the capabilities' documents whenever it is missing or outdated.
    rebuildSearchIfStale(list, { store, now: clock.now().getTime(), log });
  }
  const metrics = new Metrics(store, clock);
  const quiet = quietPolicy(config);
  const firstContact = options.introduce === false ? undefined : new FirstContact(store);
  const thread =
    platforms.length > 0
      ? new CommandThread({
          config,
          log,
          platforms,
          introduce: options.introduce !== false,
          metrics,
          jobs: store.jobs,
          // The adapters' holders, after the capabilities' (which the thread assembles itself).
          holders: () => holders.slice(list.length),
        })
      : undefined;
  const bot = new Bot({
    store,
    clock,
    registry,
    homeSections,
    reactions,
    defaultTz: config.DEFAULT_TZ,
    log,
    metrics: options.countCommand ? { command: options.countCommand } : metrics,
    quiet,
    firstContact,
    offload: thread,
  });
  const events = new PlatformEvents({ store, clock, reactions, log, firstContact });
  const inFlight = new Set<Promise<unknown>>();
  const messenger = new MessengerRouter(metrics);
  const scheduler = new Scheduler({ store, clock, messenger, handlers, log, quiet, firstContact });
  return {
    config,
    store,
    clock,
    bot,
    events,
    messenger,
    log,
    scheduler,
    metrics,
    thread,
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
      await thread?.stop();
      await scheduler.stop();
      store.close();
    },
    personalData: () => holders,
    holdsPersonalData(holder) {
      const same = holders.find((h) => h.name === holder.name);
      if (same && same !== holder) throw new Error(`personal data of ${holder.name} is registered twice`);
      if (same) return;
      holders.push(holder);
      thread?.holds(holder);
    },
  };
}
