import { ConsoleAdapter, consoleStart } from '../adapters/console/console.js';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { ManualClock, systemClock } from './ports.js';
import { Store } from './store/store.js';

/** Starts the bot with the adapters the configuration asks for; the console when none has credentials. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nSee .env.example for every variable.\n`);
      process.exit(1);
    }
    throw e;
  }
  const store = Store.open(config.DATABASE_PATH);
  const useConsole = config.adapters.includes('console');
  // The console simulates time: it starts where the database left off and moves only when told.
  const clock = useConsole ? new ManualClock(0) : systemClock;
  const app = createApp(config, { store, clock });
  app.log.info({ adapters: config.adapters, database: config.DATABASE_PATH }, 'starting');

  const stops: (() => Promise<void> | void)[] = [];
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    for (const stop of stops) await stop();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  if (clock instanceof ManualClock) {
    clock.set(consoleStart(app, Date.now()));
    const consoleAdapter = new ConsoleAdapter({
      app,
      clock,
      input: process.stdin,
      output: process.stdout,
      interactive: process.stdin.isTTY === true,
    });
    stops.push(() => {
      process.stdin.pause();
    });
    await consoleAdapter.run();
    await shutdown('end of input');
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`The bot could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
