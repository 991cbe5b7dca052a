import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../support/app.js';
import { communitiesMeetingWednesday, records, startSender } from './burst.js';

// The reminders a day before Wednesday 15:30 UTC are due at Tuesday 15:30; at 16:00 they are late but useful.
const NOW = '2026-09-01T16:00:00Z';
const COMMUNITIES = 60;

let app: TestApp;
let channels: string[];
let record: string;
beforeEach(async () => {
  app = testApp();
  channels = communitiesMeetingWednesday(app, COMMUNITIES);
  record = join(app.dbPath, '..', 'sends.log');
  // The child processes open the file themselves; this process only set it up.
  app.store.db.pragma('wal_checkpoint(TRUNCATE)');
});
afterEach(async () => {
  await app.dispose();
});

describe('the scheduler across processes', () => {
  it('after a SIGKILL in the middle of a burst, a restart delivers every reminder, repeating at most the sends in flight', async () => {
    const concurrency = 4;
    const first = startSender({ dbPath: app.dbPath, record, now: NOW, concurrency, delayMs: 40, leaseMs: 500 });
    // Wait until the burst is under way (the child records each send as it starts it), then kill it.
    while (records(record).length < 12 && first.child.exitCode === null) await sleep(5);
    first.child.kill('SIGKILL');
    expect((await first.exited).code).toBeNull();
    const beforeRestart = records(record).length;
    expect(beforeRestart).toBeLessThan(COMMUNITIES);

    const second = startSender({ dbPath: app.dbPath, record, now: NOW, concurrency, delayMs: 1, leaseMs: 500 });
    expect(await second.exited).toMatchObject({ code: 0 });
    const sends = records(record);
    expect(new Set(sends.map((s) => s.channel))).toEqual(new Set(channels));
    const repeats = sends.length - COMMUNITIES;
    expect(repeats).toBeGreaterThanOrEqual(0);
    expect(repeats).toBeLessThanOrEqual(concurrency);
  });

  it('lets only one of two processes on the same database send', async () => {
    const opts = { dbPath: app.dbPath, record, now: NOW, concurrency: 4, delayMs: 5, leaseMs: 10_000 };
    const [a, b] = [startSender(opts), startSender(opts)];
    expect(await a.exited).toMatchObject({ code: 0 });
    expect(await b.exited).toMatchObject({ code: 0 });
    const sends = records(record);
    expect(new Set(sends.map((s) => s.pid)).size).toBe(1);
    expect(sends.map((s) => s.channel).sort()).toEqual([...channels].sort());
  });
});
