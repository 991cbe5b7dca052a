import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assemble } from '../../src/app.js';
import type { Messenger } from '../../src/ports.js';
import { PRUNE_BATCH } from '../../src/scheduler/prune.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { view } from '../../src/views/build.js';
import { DAY } from '../capabilities/meetings/recorder.js';
import { type TestApp, testApp } from '../support/app.js';
import { outbox } from './fixtures/outbox.js';

let app: TestApp;
beforeEach(() => {
  app = testApp();
});
afterEach(async () => {
  await app.dispose();
});

const now = () => app.clock.now().getTime();

/** A scheduler with every handler the app assembles, plus `ping`, which posts its payload's word to #general (`times` times). */
function withPing() {
  const sent: string[] = [];
  const handlers = assemble().handlers.register('ping', (job, env) => {
    const { workspace, community } = outbox(env);
    const post = { to: 'channel' as const, community, view: view('en', [{ type: 'text', text: String(job.payload.word) }]) };
    return { workspace, deliveries: Array.from({ length: Number(job.payload.times ?? 1) }, () => post) };
  });
  const messenger: Messenger = {
    async send(_w, _to, v) {
      sent.push(v.summary);
      return null;
    },
    async update() {},
  };
  return { scheduler: new Scheduler({ store: app.store, clock: app.clock, messenger, handlers, log: pino({ level: 'silent' }) }), sent };
}

describe('pruning finished jobs', () => {
  it('is a job of the core, there whichever capabilities are assembled', () => {
    expect(assemble([]).handlers.kinds()).toEqual(['scheduler.prune']);
  });

  it('deletes a job done 31 days ago, keeps one done 29 days ago, and never runs the pruned key again', async () => {
    const { scheduler, sent } = withPing();
    const t0 = now();
    app.store.jobs.queue({ kind: 'ping', key: 'ping:old', dueAt: t0, payload: { word: 'old' } }, t0);
    app.store.jobs.queue({ kind: 'ping', key: 'ping:young', dueAt: t0 + 2 * DAY, payload: { word: 'young' } }, t0);
    await scheduler.advance(app.clock, t0 + 31 * DAY);
    expect(app.store.jobs.byKey('ping:old')).toBeNull();
    expect(app.store.jobs.byKey('ping:young')?.state).toBe('done');
    // Planning that asks whether any variant of a key was ever queued still hears yes.
    expect(app.store.jobs.anyKeyMatching('ping:o*')).toBe(true);

    expect(app.store.jobs.queue({ kind: 'ping', key: 'ping:old', dueAt: now(), payload: { word: 'old' } }, now())).toBe(false);
    await scheduler.advance(app.clock, now() + DAY);
    expect(sent).toEqual(['old', 'young']);
  });

  it('remembers the key of a job, not the keys of the messages it fanned out to its recipients', async () => {
    const { scheduler, sent } = withPing();
    const t0 = now();
    app.store.jobs.queue({ kind: 'ping', key: 'ping:twice', dueAt: t0, payload: { word: 'twice', times: 2 } }, t0);
    await scheduler.advance(app.clock, t0 + 31 * DAY);
    expect(sent).toEqual(['twice', 'twice']);
    const remembered = app.store.db.prepare("SELECT key FROM pruned_job_keys WHERE key LIKE '%twice%'").all();
    expect(remembered).toEqual([{ key: 'ping:twice' }]);
  });

  it('runs as one durable job a day, each queuing the next', async () => {
    const { scheduler } = withPing();
    // The scheduler starts on 2026-09-01T08:00Z: the prunes run at each UTC midnight after.
    await scheduler.advance(app.clock, Date.parse('2026-09-03T12:00:00Z'));
    expect(app.store.jobs.byKey('scheduler.prune:2026-09-01')).toBeNull();
    expect(app.store.jobs.byKey('scheduler.prune:2026-09-02')?.state).toBe('done');
    expect(app.store.jobs.byKey('scheduler.prune:2026-09-03')?.state).toBe('done');
    expect(app.store.jobs.byKey('scheduler.prune:2026-09-04')).toMatchObject({
      state: 'pending',
      dueAt: Date.parse('2026-09-04T00:00:00Z'),
    });
  });

  it('is queued for the next midnight by the first tick of a real-time scheduler, on a database that never had it', async () => {
    const { scheduler } = withPing();
    await scheduler.tick();
    expect(app.store.jobs.byKey('scheduler.prune:2026-09-02')).toMatchObject({
      state: 'pending',
      dueAt: Date.parse('2026-09-02T00:00:00Z'),
    });
  });

  it('works through a backlog in batches of its own transaction each', async () => {
    const { scheduler } = withPing();
    const t0 = now();
    const backlog = PRUNE_BATCH + 10;
    app.store.transaction(() => {
      for (let i = 0; i < backlog; i++) app.store.jobs.queue({ kind: 'ping', key: `ping:${i}`, dueAt: t0, payload: { word: 'x' } }, t0);
      app.store.db.prepare("UPDATE jobs SET state = 'done', finished_at = ? WHERE kind = 'ping'").run(t0 - 40 * DAY);
    });
    await scheduler.advance(app.clock, t0 + DAY);
    // The backlog is gone; what is done is the day's two prune batches (other daily housekeeping aside).
    expect(
      app.store.db
        .prepare("SELECT kind, COUNT(*) AS n FROM jobs WHERE state = 'done' AND kind IN ('ping', 'scheduler.prune') GROUP BY kind")
        .all(),
    ).toEqual([{ kind: 'scheduler.prune', n: 2 }]);
    expect(app.store.jobs.byKey('scheduler.prune:2026-09-02#1')?.state).toBe('done');
    expect(app.store.jobs.queue({ kind: 'ping', key: `ping:${backlog - 1}`, dueAt: t0, payload: { word: 'x' } }, t0)).toBe(false);
  });
});
