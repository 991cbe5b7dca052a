import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Address, ManualClock, type Messenger, RecipientGoneError, type SentMessage } from '../../src/ports.js';
import { JobHandlers, type Post } from '../../src/scheduler/handlers.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { view } from '../../src/views/build.js';
import { SCHOOL_YEAR_START, type TestApp, testApp } from '../support/app.js';
import { outbox } from './fixtures/outbox.js';

let app: TestApp;
beforeEach(() => {
  app = testApp();
});
afterEach(async () => {
  await app.dispose();
});

const now = () => app.clock.now().getTime();
const recipient = (to: Address) => (to.kind === 'user' ? to.user : `#${to.channel}`);

/**
 * A scheduler whose one job kind, `digest`, DMs a note to ana, ben and cai (or `names`), tracked as `note`, and a
 * messenger that answers each send with `fate(recipient, attempt)`: 'ok', an error to throw, or 'hang' (never answers).
 */
function digest(fate: (to: string, attempt: number) => 'ok' | Error | 'hang', opts: { wallClock?: ManualClock; names?: string[] } = {}) {
  const names = opts.names ?? ['ana', 'ben', 'cai'];
  const attempts: string[] = [];
  const delivered: string[] = [];
  const tracked: { to: unknown; sent: SentMessage }[] = [];
  const handlers = new JobHandlers()
    .register('digest', (_job, env) => {
      const { workspace } = outbox(env);
      const deliveries: Post[] = names.map((name) => ({
        to: 'user',
        user: env.store.users.upsert(workspace.id, { externalId: name }, env.now),
        view: view('en', [{ type: 'text', text: `digest for ${name}` }]),
        track: { kind: 'note', data: { to: name } },
      }));
      return { workspace, deliveries };
    })
    .track('note', { posted: (sent, track) => tracked.push({ to: track.data.to, sent }), gone: () => {} });
  const messenger: Messenger = {
    send(_w, to) {
      const who = recipient(to);
      attempts.push(who);
      const fated = fate(who, attempts.filter((a) => a === who).length);
      if (fated === 'hang') return new Promise(() => {});
      if (fated instanceof Error) return Promise.reject(fated);
      delivered.push(who);
      return Promise.resolve({ conversation: `D-${who}`, message: `${attempts.length}` });
    },
    async update() {},
  };
  const scheduler = new Scheduler({
    store: app.store,
    clock: app.clock,
    messenger,
    handlers,
    log: pino({ level: 'silent' }),
    concurrency: 1,
    ...(opts.wallClock ? { wallClock: opts.wallClock, leaseMs: 10_000 } : {}),
  });
  return { scheduler, attempts, delivered, tracked };
}

describe('an outbox to several people', () => {
  it('sends to a single recipient from the job itself, with no job of its own', async () => {
    const { scheduler, delivered } = digest(() => 'ok', { names: ['ana'] });
    app.store.jobs.queue({ kind: 'digest', key: 'digest:1', dueAt: now() }, now());
    await scheduler.advance(app.clock, now() + 1000);
    expect(delivered).toEqual(['ana']);
    expect(app.store.jobs.counts()).toMatchObject({ pending: 0, done: 1 });
  });

  it('retries only the send that failed: the others go out exactly once', async () => {
    const { scheduler, attempts, delivered } = digest((to, attempt) => (to === 'ben' && attempt === 1 ? new Error('timeout') : 'ok'));
    app.store.jobs.queue({ kind: 'digest', key: 'digest:1', dueAt: now() }, now());
    await scheduler.advance(app.clock, now() + 3_600_000);
    expect(attempts.filter((a) => a === 'ana')).toHaveLength(1);
    expect(attempts.filter((a) => a === 'ben')).toHaveLength(2);
    expect(attempts.filter((a) => a === 'cai')).toHaveLength(1);
    expect(delivered.sort()).toEqual(['ana', 'ben', 'cai']);
    expect(app.store.jobs.counts()).toMatchObject({ pending: 0, running: 0, dropped: 0, failed: 0 });
  });

  it('keeps sending to the others when one of them cannot be reached any more', async () => {
    const { scheduler, delivered } = digest((to) => (to === 'ben' ? new RecipientGoneError('account closed') : 'ok'));
    app.store.jobs.queue({ kind: 'digest', key: 'digest:1', dueAt: now() }, now());
    await scheduler.advance(app.clock, now() + 3_600_000);
    expect(delivered.sort()).toEqual(['ana', 'cai']);
    expect(app.store.jobs.counts()).toMatchObject({ pending: 0, running: 0, dropped: 1, failed: 0 });
  });

  it('sends nothing to a person deactivated while their send waited for a retry', async () => {
    const { scheduler, attempts, delivered } = digest((to, attempt) => (to === 'ben' && attempt === 1 ? new Error('timeout') : 'ok'));
    app.store.jobs.queue({ kind: 'digest', key: 'digest:1', dueAt: now() }, now());
    await scheduler.advance(app.clock, now() + 1000);
    const { workspace } = outbox({ store: app.store, now: now(), log: pino({ level: 'silent' }) });
    const ben = app.store.users.findByExternal(workspace.id, 'ben');
    app.store.users.setDeactivated(workspace.id, ben?.id ?? 0, now());
    await scheduler.advance(app.clock, now() + 3_600_000);
    expect(attempts.filter((a) => a === 'ben')).toHaveLength(1);
    expect(delivered.sort()).toEqual(['ana', 'cai']);
  });

  it('hands each tracked post to its tracker once, after its own send', async () => {
    const { scheduler, tracked } = digest((to, attempt) => (to === 'ben' && attempt === 1 ? new Error('timeout') : 'ok'));
    app.store.jobs.queue({ kind: 'digest', key: 'digest:1', dueAt: now() }, now());
    await scheduler.advance(app.clock, now() + 1000);
    expect(tracked.map((t) => t.to).sort()).toEqual(['ana', 'cai']);
    await scheduler.advance(app.clock, now() + 3_600_000);
    expect(tracked.map((t) => t.to).sort()).toEqual(['ana', 'ben', 'cai']);
    expect(tracked.find((t) => t.to === 'ben')?.sent.conversation).toBe('D-ben');
  });

  it('after a crash in the middle of the sends, a successor repeats only the send that was in flight', async () => {
    const wall = new ManualClock(SCHOOL_YEAR_START);
    const crashing = digest((to) => (to === 'ben' ? 'hang' : 'ok'), { wallClock: wall });
    app.store.jobs.queue({ kind: 'digest', key: 'digest:1', dueAt: now() }, now());
    // The first sender hangs on ben's send and is never heard of again: its process died.
    void crashing.scheduler.tick();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(crashing.attempts).toEqual(['ana', 'ben']);
    wall.set(SCHOOL_YEAR_START + 10_001);
    const successor = digest(() => 'ok', { wallClock: wall });
    await successor.scheduler.tick();
    expect(successor.attempts.sort()).toEqual(['ben', 'cai']);
    expect(app.store.jobs.counts()).toMatchObject({ pending: 0, running: 0, done: 4 });
  });
});
