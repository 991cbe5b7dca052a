import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Messenger, RecipientGoneError, type SentMessage } from '../../src/ports.js';
import { JobHandlers } from '../../src/scheduler/handlers.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { view } from '../../src/views/build.js';
import { type TestApp, testApp } from '../support/app.js';
import { outbox } from './fixtures/outbox.js';

let app: TestApp;
beforeEach(() => {
  app = testApp();
});
afterEach(async () => {
  await app.dispose();
});

/** Two job kinds: `post` posts a tracked message, `edit` updates the message it names. */
function tracking(updateFails: Error | null) {
  const kept: { sent: SentMessage; data: Record<string, unknown> }[] = [];
  const gone: SentMessage[] = [];
  const calls: string[] = [];
  const handlers = new JobHandlers()
    .register('post', (_job, env) => {
      const { workspace, community } = outbox(env);
      return {
        workspace,
        deliveries: [
          { to: 'channel', community, view: view('en', [{ type: 'text', text: 'hi' }]), track: { kind: 'note', data: { id: 7 } } },
        ],
      };
    })
    .register('edit', (job, env) => ({
      workspace: outbox(env).workspace,
      deliveries: [],
      edits: [
        {
          sent: job.payload.sent as SentMessage,
          view: view('en', [{ type: 'text', text: 'hi again' }]),
          track: { kind: 'note', data: { id: 7 } },
        },
      ],
    }))
    .track('note', {
      posted: (sent, track) => kept.push({ sent, data: track.data }),
      gone: (sent) => gone.push(sent),
    });
  const messenger: Messenger = {
    async send() {
      calls.push('send');
      return { conversation: 'C1', message: '111.222' };
    },
    async update(_w, sent) {
      calls.push(`update ${sent.message}`);
      if (updateFails) throw updateFails;
    },
  };
  const scheduler = new Scheduler({ store: app.store, clock: app.clock, messenger, handlers, log: pino({ level: 'silent' }) });
  return { scheduler, kept, gone, calls };
}

const now = () => app.clock.now().getTime();

describe('tracked messages', () => {
  it('hands what the messenger returned for a tracked post to the tracker of its kind', async () => {
    const { scheduler, kept } = tracking(null);
    app.store.jobs.queue({ kind: 'post', key: 'post:1', dueAt: now() }, now());
    await scheduler.advance(app.clock, now());
    expect(kept).toEqual([{ sent: { conversation: 'C1', message: '111.222' }, data: { id: 7 } }]);
  });

  it('updates a message in place and never posts a new one', async () => {
    const { scheduler, calls, gone } = tracking(null);
    app.store.jobs.queue({ kind: 'edit', key: 'edit:1', dueAt: now(), payload: { sent: { conversation: 'C1', message: '9.9' } } }, now());
    await scheduler.advance(app.clock, now());
    expect(calls).toEqual(['update 9.9']);
    expect(gone).toEqual([]);
    expect(app.store.jobs.byKey('edit:1')?.state).toBe('done');
  });

  it('tells the tracker when the message is gone, and finishes the job without a retry', async () => {
    const { scheduler, calls, gone } = tracking(new RecipientGoneError('message deleted'));
    app.store.jobs.queue({ kind: 'edit', key: 'edit:1', dueAt: now(), payload: { sent: { conversation: 'C1', message: '9.9' } } }, now());
    await scheduler.advance(app.clock, now() + 3_600_000);
    expect(calls).toEqual(['update 9.9']);
    expect(gone).toEqual([{ conversation: 'C1', message: '9.9' }]);
    expect(app.store.jobs.byKey('edit:1')?.state).toBe('done');
  });

  it('logs and drops any other failed update, without a retry or a new post', async () => {
    const { scheduler, calls, gone } = tracking(new Error('rate limited'));
    app.store.jobs.queue({ kind: 'edit', key: 'edit:1', dueAt: now(), payload: { sent: { conversation: 'C1', message: '9.9' } } }, now());
    await scheduler.advance(app.clock, now() + 3_600_000);
    expect(calls).toEqual(['update 9.9']);
    expect(gone).toEqual([]);
    expect(app.store.jobs.counts()).toMatchObject({ done: 1, pending: 0, failed: 0 });
  });
});
