import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { type App, createApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import { ManualClock, type Platform } from '../../src/ports.js';
import { Store } from '../../src/store/store.js';

/** 2026-09-01T08:00:00Z, a Tuesday at the start of a school year. */
export const SCHOOL_YEAR_START = Date.parse('2026-09-01T08:00:00Z');

export interface TestApp extends App {
  clock: ManualClock;
  dbPath: string;
  /** Closes the app and removes its database file. */
  dispose(): Promise<void>;
}

/** A whole app on a real SQLite file in a temporary folder, with a clock that moves only when told (and silent logs unless given a logger). */
export function testApp(
  options: {
    env?: Record<string, string>;
    start?: number;
    log?: Logger;
    /**
     * Whether the bot introduces itself in the first message to each person, as every install does. Off here, so
     * tests about something else see only what they are about; the tests of first contact turn it on.
     */
    introduce?: boolean;
    /** The platforms whose commands `handleSoon` runs on the command thread (src/thread), as main does for Slack. */
    commandThread?: readonly Platform[];
  } = {},
): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'plc-test-'));
  const dbPath = join(dir, 'plc.sqlite');
  // Quiet hours are tested on their own (test/quiet-hours.test.ts): elsewhere every hour is open, so a test's
  // clock need not avoid evenings and weekends.
  const config: Config = loadConfig({ DATABASE_PATH: dbPath, LOG_LEVEL: 'silent', NODE_ENV: 'test', QUIET_HOURS: 'off', ...options.env });
  const clock = new ManualClock(options.start ?? SCHOOL_YEAR_START);
  const app = createApp(config, {
    clock,
    store: Store.open(dbPath),
    log: options.log ?? pino({ level: 'silent' }),
    introduce: options.introduce ?? false,
    commandThread: options.commandThread,
  });
  return Object.assign(app, {
    clock,
    dbPath,
    async dispose() {
      await app.close();
      // The checkpointer thread lets go of the file a moment after the store closes (its own connection, told by
      // message), so a -wal or -shm file may still come or go while the folder is removed: once, in CI on Node 24,
      // rmSync found it not empty (ENOTEMPTY). Node tries again, a few milliseconds apart, for such errors.
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
    },
  });
}
