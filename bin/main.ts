import { existsSync } from 'node:fs';
import { ConsoleAdapter, consoleStart } from '../adapters/console/console.js';
import { registerCalendarFeed } from '../adapters/http/calendar.js';
import { registerSummaryCharts } from '../adapters/http/charts.js';
import { serveMetrics } from '../adapters/http/metrics.js';
import { HttpServer } from '../adapters/http/server.js';
import { startSlack } from '../adapters/slack/index.js';
import { startTeams } from '../adapters/teams/index.js';
import { createApp } from '../src/app.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { ManualClock, systemClock } from '../src/ports.js';
import type { Store } from '../src/store/store.js';
import { openBotStore } from './store.js';

/** Starts the bot with the adapters the configuration asks for; the console when none has credentials. */
async function main(): Promise<void> {
  // An admin's settings in ./.env (as .env.example describes); variables already set in the environment win.
  const envFile = existsSync('.env');
  if (envFile) process.loadEnvFile('.env');
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
  // Migrations run here, forward only: a database a newer version has migrated is refused (NewerDatabaseError).
  const store = openBotStore(config.DATABASE_PATH);
  const useConsole = config.adapters.includes('console');
  // The console simulates time: it starts where the database left off and moves only when told.
  const clock = useConsole ? new ManualClock(0) : systemClock;
  if (clock instanceof ManualClock) clock.set(consoleStart(store, Date.now()));
  // In the console, info logs on stderr would interleave with the transcript; warnings still show.
  const level = process.env.LOG_LEVEL || !useConsole ? config.LOG_LEVEL : 'warn';
  // The commands of the platforms COMMAND_THREAD names run on a thread of their own (src/thread), when they are served.
  const commandThread = config.COMMAND_THREAD.filter((p) => config.adapters.includes(p));
  const app = createApp(config, { store, clock, log: createLogger(level), commandThread });
  app.log.info({ adapters: config.adapters, database: config.DATABASE_PATH }, 'starting');
  // Said plainly, whatever the log level: which platforms this process serves, and on which file.
  process.stderr.write(`plc-bot: ${config.adapters.join(' and ')} on ${config.DATABASE_PATH}${envFile ? ' (settings from .env)' : ''}\n`);
  // A promise that rejects with nobody to catch it (a dependency's bug: Bolt's receiver had one with a body of
  // `null`) is logged, and the bot goes on serving everyone else rather than exiting over one request.
  process.on('unhandledRejection', (reason) => app.log.error({ err: reason }, 'unhandled rejection; still running'));

  /** What to stop at shutdown, in order: first what takes new work, then what does it. */
  const stops: (() => Promise<void> | void)[] = [];
  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ reason }, 'shutting down');
    for (const stop of stops) {
      try {
        await stop();
      } catch (err) {
        app.log.error({ err }, 'error while stopping');
      }
    }
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  // Real time drives the scheduler; the console moves its simulated clock itself (`:clock`). The scheduler
  // stops right after the HTTP server and before the adapters whose messengers it sends through.
  const realTime = !(clock instanceof ManualClock);
  if (realTime) stops.push(() => app.scheduler.stop());

  // One HTTP server for every platform, the calendar feed, the summary charts and /healthz.
  const httpAdapters = config.adapters.filter((a) => a !== 'console');
  let http: HttpServer | null = null;
  if (httpAdapters.length > 0 || config.PORT !== undefined) {
    http = new HttpServer({ log: app.log, healthy: () => healthy(app.store) });
    registerCalendarFeed(http, app);
    registerSummaryCharts(http, app);
    if (config.adapters.includes('slack')) stops.push(await startSlack(app, http));
    if (config.adapters.includes('teams')) stops.push(await startTeams(app, http));
    const port = await http.listen(config.PORT ?? 3000, config.HOST);
    app.log.info({ host: config.HOST, port }, 'http server listening');
    const server = http;
    stops.unshift(() => server.close());
  }
  const metricsServer = await serveMetrics(app, http);
  if (metricsServer) stops.unshift(() => metricsServer.stop());

  // Started once the adapters have registered their messengers, so catch-up work has somewhere to go.
  if (realTime) app.scheduler.start();

  if (clock instanceof ManualClock) {
    const consoleAdapter = new ConsoleAdapter({
      app,
      clock,
      input: process.stdin,
      output: process.stdout,
      interactive: process.stdin.isTTY === true,
    });
    stops.unshift(() => {
      process.stdin.pause();
    });
    await consoleAdapter.run();
    await shutdown('end of input');
  }
}

function healthy(store: Store): boolean {
  try {
    store.db.prepare('SELECT 1').get();
    return true;
  } catch {
    return false;
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`The bot could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
