import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock, type Messenger, RecipientGoneError } from '../../src/ports.js';
import { JobHandlers } from '../../src/scheduler/handlers.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { Store } from '../../src/store/store.js';
import { view } from '../../src/views/build.js';
import { DAY, recordSends } from '../capabilities/meetings/recorder.js';
import { SCHOOL_YEAR_START, type TestApp, testApp } from '../support/app.js';
import { run } from '../support/bot.js';
import { outbox } from './fixtures/outbox.js';

const silent = pino({ level: 'silent' });
let app: TestApp;
beforeEach(() => {
  app = testApp();
});
afterEach(async () => {
  await app.dispose();
});

/** A scheduler on the test app's database with one job kind, `ping`, that posts its payload's word to #general. */
function pinging(opts: { clock?: ManualClock; messenger?: Messenger; store?: Store; wallClock?: ManualClock; leaseMs?: number } = {}) {
  const store = opts.store ?? app.store;
  const ran: { word: string; at: number }[] = [];
  const handlers = new JobHandlers().register('ping', (job, env) => {
    const word = String(job.payload.word);
    ran.push({ word, at: env.now });
    if (job.payload.next)
      env.store.jobs.queue(
        { kind: 'ping', key: `ping:${job.payload.next}`, dueAt: env.now + 60_000, payload: { word: job.payload.next } },
        env.now,
      );
    const { workspace, community } = outbox(env);
    return { workspace, deliveries: [{ to: 'channel', community, view: view('en', [{ type: 'text', text: word }]) }] };
  });
  const clock = opts.clock ?? app.clock;
  const sent: string[] = [];
  const messenger: Messenger = opts.messenger ?? {
    async send(_w, _to, v) {
      sent.push(String(v.summary));
      return null;
    },
    async update() {},
  };
  const scheduler = new Scheduler({
    store,
    clock,
    messenger,
    handlers,
    log: silent,
    ...(opts.wallClock ? { wallClock: opts.wallClock } : {}),
    ...(opts.leaseMs ? { leaseMs: opts.leaseMs } : {}),
  });
  return { scheduler, ran, sent, store };
}

describe('the job table', () => {
  it('queues a key once, even after the job has run', async () => {
    const { scheduler, sent } = pinging();
    const now = app.clock.now().getTime();
    expect(app.store.jobs.queue({ kind: 'ping', key: 'ping:a', dueAt: now + 1000, payload: { word: 'a' } }, now)).toBe(true);
    expect(app.store.jobs.queue({ kind: 'ping', key: 'ping:a', dueAt: now + 2000, payload: { word: 'a' } }, now)).toBe(false);
    await scheduler.advance(app.clock, now + 5000);
    expect(app.store.jobs.queue({ kind: 'ping', key: 'ping:a', dueAt: now + 6000, payload: { word: 'a' } }, now)).toBe(false);
    await scheduler.advance(app.clock, now + 10_000);
    expect(sent).toEqual(['a']);
  });

  it('runs jobs in due order with the clock at each due time, including jobs queued on the way', async () => {
    const { scheduler, ran } = pinging();
    const t0 = app.clock.now().getTime();
    app.store.jobs.queue({ kind: 'ping', key: 'ping:late', dueAt: t0 + 300_000, payload: { word: 'late' } }, t0);
    app.store.jobs.queue({ kind: 'ping', key: 'ping:early', dueAt: t0 + 60_000, payload: { word: 'early', next: 'follow-up' } }, t0);
    await scheduler.advance(app.clock, t0 + 600_000);
    expect(ran).toEqual([
      { word: 'early', at: t0 + 60_000 },
      { word: 'follow-up', at: t0 + 120_000 },
      { word: 'late', at: t0 + 300_000 },
    ]);
    expect(app.clock.now().getTime()).toBe(t0 + 600_000);
  });

  it('tries a failed send again later and drops one whose recipient is gone', async () => {
    let fails = 1;
    const messenger: Messenger = {
      async send(_w, _to, v) {
        if (v.summary === 'gone') throw new RecipientGoneError('channel archived');
        if (fails-- > 0) throw new Error('timeout');
        return null;
      },
      async update() {},
    };
    const { scheduler } = pinging({ messenger });
    const t0 = app.clock.now().getTime();
    app.store.jobs.queue({ kind: 'ping', key: 'ping:flaky', dueAt: t0 + 1000, payload: { word: 'flaky' } }, t0);
    app.store.jobs.queue({ kind: 'ping', key: 'ping:gone', dueAt: t0 + 1000, payload: { word: 'gone' } }, t0);
    await scheduler.advance(app.clock, t0 + 2000);
    expect(app.store.jobs.byKey('ping:flaky')).toMatchObject({ state: 'pending', dueAt: t0 + 1000 + 60_000 });
    expect(app.store.jobs.byKey('ping:gone')?.state).toBe('dropped');
    await scheduler.advance(app.clock, t0 + 120_000);
    expect(app.store.jobs.byKey('ping:flaky')).toMatchObject({ state: 'done', attempts: 2 });
  });
});

describe('the ticker', () => {
  it('sends a job queued while running without being told to, and stops cleanly', async () => {
    let delivered: (word: string) => void = () => {};
    const arrived = new Promise<string>((resolve) => {
      delivered = resolve;
    });
    const messenger: Messenger = {
      async send(_w, _to, v) {
        delivered(v.summary);
        return null;
      },
      async update() {},
    };
    const { scheduler } = pinging({ messenger });
    scheduler.start();
    const now = app.clock.now().getTime();
    app.store.jobs.queue({ kind: 'ping', key: 'ping:live', dueAt: now, payload: { word: 'live' } }, now);
    expect(await arrived).toBe('live');
    await scheduler.stop();
    expect(scheduler.holdsLease).toBe(false);
    expect(app.store.lease.holder('scheduler')).toBeNull();
  });
});

describe('the lease', () => {
  it('lets one scheduler send while another on the same file waits, and hands over when it expires', async () => {
    const wall = new ManualClock(SCHOOL_YEAR_START);
    const other = Store.open(app.dbPath);
    const a = pinging({ wallClock: wall, leaseMs: 10_000 });
    const b = pinging({ wallClock: wall, leaseMs: 10_000, store: other });
    const t0 = app.clock.now().getTime();
    app.store.jobs.queue({ kind: 'ping', key: 'ping:1', dueAt: t0, payload: { word: 'one' } }, t0);
    expect(await b.scheduler.tick()).toBe(1);
    expect(await a.scheduler.tick()).toBeNull();
    // A job left running by a holder that vanished goes back to the queue when the lease changes hands.
    app.store.jobs.queue({ kind: 'ping', key: 'ping:2', dueAt: t0, payload: { word: 'two' } }, t0);
    other.jobs.claimDue(b.scheduler.owner, t0, 10);
    wall.set(SCHOOL_YEAR_START + 10_001);
    expect(await a.scheduler.tick()).toBe(1);
    expect(b.sent).toEqual(['one']);
    expect(a.sent).toEqual(['two']);
    other.close();
  });
});

describe('restart catch-up', () => {
  /** Math meets Wednesdays 15:30 UTC: reminders Tue 15:30 and Wed 14:30, start Wed 15:30. */
  function meetingThenRestartAt(iso: string) {
    run(app, 'carla', 'create Math', { channel: 'math' });
    run(app, 'carla', 'schedule weekly wed 15:30', { channel: 'math' });
    // The process was down from the start; it comes back at `iso` on the same file.
    app.clock.set(Date.parse(iso));
    return recordSends(app);
  }

  it('sends a reminder late while it is still useful, only the latest one of a meeting', async () => {
    const sent = meetingThenRestartAt('2026-09-02T15:00:00Z');
    await app.scheduler.tick();
    expect(sent.map((s) => [s.to, s.at])).toEqual([['#math', '2026-09-02T15:00:00.000Z']]);
    expect(app.store.jobs.counts()).toMatchObject({ running: 0, failed: 0 });
  });

  it('drops reminders whose meeting has started, and plans the next meeting', async () => {
    const sent = meetingThenRestartAt('2026-09-02T16:00:00Z');
    await app.scheduler.tick();
    expect(sent).toEqual([]);
    expect(app.store.jobs.counts().dropped).toBe(2);
    await app.advance(Date.parse('2026-09-09T16:00:00Z'));
    expect(sent.filter((s) => s.to === '#math').map((s) => s.at)).toEqual(['2026-09-08T15:30:00.000Z', '2026-09-09T14:30:00.000Z']);
  });

  it('sends nothing twice when the same work is planned again after a restart', async () => {
    const sent = meetingThenRestartAt('2026-09-01T16:00:00Z');
    await app.scheduler.tick();
    run(app, 'carla', 'remind 24h,1h', { channel: 'math' });
    await app.advance(SCHOOL_YEAR_START + 2 * DAY);
    expect(sent.filter((s) => s.to === '#math').map((s) => s.at)).toEqual(['2026-09-01T16:00:00.000Z', '2026-09-02T14:30:00.000Z']);
  });
});
