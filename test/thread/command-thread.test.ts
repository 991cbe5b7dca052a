import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Handled, Inbound } from '../../src/bot.js';
import type { PersonalDataHolder } from '../../src/capability.js';
import type { Platform } from '../../src/ports.js';
import { CommandThread, type ThreadData } from '../../src/thread/command-thread.js';
import { exportedFile } from '../capabilities/privacy/school.js';
import { type TestApp, testApp } from '../support/app.js';
import { answerText } from '../support/bot.js';
import { fixtureHolder, lateHolder } from './holder-fixture.js';

/** A command as an adapter hands it over: `handleSoon`, from a DM unless a channel is given. */
function soon(app: TestApp, user: string, text: string, platform: Platform = 'slack', channel: string | null = null): Promise<Handled> {
  const inbound: Inbound = {
    workspace: { platform, externalId: `${platform}-school` },
    user: { externalId: user, displayName: user, platformLocale: null },
    place: { channel, channelName: channel },
    text,
  };
  return app.bot.handleSoon(inbound);
}

/** A log that keeps its lines, to see what the thread said went wrong. */
function keptLog() {
  const lines: { level: number; msg: string; err?: { message: string } }[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

describe('the command thread', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = testApp({ commandThread: ['slack'] });
    app.holdsPersonalData(fixtureHolder);
    expect(await app.thread?.ready()).toBe(true);
  });
  afterEach(async () => {
    await app.dispose();
  });

  it("runs its platform's commands there, each at the instant it arrived, into the file this app reads", async () => {
    const here = vi.spyOn(app.bot, 'handle');
    await soon(app, 'ann', 'create Maths');
    app.clock.set(Date.parse('2026-09-02T10:00:00Z'));
    const saved = await soon(app, 'ann', 'reflect -- the exit tickets worked');
    expect(answerText(saved)).toContain('#1');
    expect(saved.now).toBe(Date.parse('2026-09-02T10:00:00Z'));
    expect(here).not.toHaveBeenCalled();
    // The list only reads, so it runs here, on this thread's connection, and finds what the thread wrote.
    expect(answerText(await soon(app, 'ann', 'reflections'))).toContain('#1');
    expect(here).toHaveBeenCalledTimes(1);
    // Written through the thread's connection, read through this one.
    const row = app.store.db.prepare('SELECT text, created_at AS at FROM reflections').get() as { text: string; at: number };
    expect(row).toEqual({ text: 'the exit tickets worked', at: Date.parse('2026-09-02T10:00:00Z') });
  });

  it("runs another platform's commands here, and the commands that only read", async () => {
    const here = vi.spyOn(app.bot, 'handle');
    await soon(app, 'ann', 'create Maths');
    expect(here).toHaveBeenCalledTimes(0);
    expect(answerText(await soon(app, 'tom', 'create Physics', 'teams'))).toContain('Physics');
    expect(here).toHaveBeenCalledTimes(1);
    for (const reading of ['help', 'plc help agenda', 'in Maths reflections', 'goals', 'in']) await soon(app, 'ann', reading);
    expect(here).toHaveBeenCalledTimes(6);
    // A command that writes, however it is typed, and one the bot does not know, go over.
    for (const writing of ['/plc reflect -- fine', 'in Maths agenda add fractions', 'frobnicate']) await soon(app, 'ann', writing);
    expect(here).toHaveBeenCalledTimes(6);
  });

  it('answers commands that arrive together in order, each with its own answer', async () => {
    await soon(app, 'ann', 'create Maths');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => soon(app, 'ann', `reflect -- note ${i}`)));
    expect(answers.map((h) => answerText(h).match(/#(\d+)/)?.[1])).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
  });

  it('counts its commands in /metrics here, and wakes the scheduler here for the jobs it queued', async () => {
    const queued: number[] = [];
    app.store.jobs.onQueued((dueAt) => queued.push(dueAt));
    await soon(app, 'ann', 'create Maths');
    await soon(app, 'ann', 'prompts weekly fri 15:00', 'slack');
    await soon(app, 'ann', 'reflection delete #9');
    const metrics = await app.metrics.text();
    expect(metrics).toMatch(/plc_commands_total\{command="create",outcome="ok"\} 1/);
    expect(metrics).toMatch(/plc_commands_total\{command="reflection delete",outcome="refused"\} 1/);
    const pending = app.store.db.prepare("SELECT due_at AS at FROM jobs WHERE kind = 'reflections.prompt'").all() as { at: number }[];
    expect(pending.length).toBeGreaterThan(0);
    expect(queued).toContain(Math.min(...pending.map((p) => p.at)));
  });

  it('sends on to the thread a read that must write and meets its lock: a search indexing what is waiting', async () => {
    await soon(app, 'ann', 'create Maths');
    await soon(app, 'ann', 'reflect team -- photosynthesis with seedlings on the sill');
    // Another connection takes the write lock before the thread indexes the reflection's words (100 ms later).
    const other = new Database(app.dbPath);
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    try {
      expect((other.prepare('SELECT count(*) AS n FROM search_unindexed').get() as { n: number }).n).toBeGreaterThan(0);
      const here = vi.spyOn(app.bot, 'handle');
      const released = setTimeout(() => other.exec('COMMIT'), 300);
      const found = answerText(await soon(app, 'ann', 'search photosynthesis'));
      clearTimeout(released);
      // Tried here first, in the read batch; its index write met the lock, so the thread ran it once the lock was free.
      expect(here).toHaveBeenCalledTimes(1);
      expect(found).toContain('photosynthesis');
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
    }
  });

  it("exports through the adapters' holders of personal data, loaded on the thread from their modules", async () => {
    await soon(app, 'ann', 'create Maths');
    const data = exportedFile(await soon(app, 'ann', 'export me')).data as { sections: Record<string, unknown> };
    expect(data.sections.fixture).toEqual({ from: 'the thread', platformId: 'ann' });
  });

  it('waits for a holder registered after it started, and stops at the app', async () => {
    const here = vi.spyOn(app.bot, 'handle');
    // The same holder again is no news; another is loaded there before the thread runs more.
    app.holdsPersonalData(fixtureHolder);
    expect(app.thread?.state.ready).toBe(true);
    app.holdsPersonalData(lateHolder);
    expect(app.thread?.state.ready).toBe(false);
    await soon(app, 'ann', 'create Maths');
    expect(here).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(app.thread?.state.ready).toBe(true));
    await soon(app, 'ann', 'reflect -- on the thread again');
    expect(here).toHaveBeenCalledTimes(1);
    await app.close();
    expect(app.thread?.state.running).toBe(false);
  });
});

describe('the command thread, when it cannot serve', () => {
  const holders: PersonalDataHolder[] = [];
  let app: TestApp;
  afterEach(async () => {
    await app?.dispose();
  });

  /** A thread of this app's options whose worker `spawn` makes. */
  function threadOf(app: TestApp, spawn: (data: ThreadData) => Worker, log = pino({ level: 'silent' })): CommandThread {
    return new CommandThread({
      config: app.config,
      log,
      platforms: ['slack'],
      introduce: false,
      metrics: app.metrics,
      jobs: app.store.jobs,
      holders: () => holders,
      spawn,
    });
  }

  /** A worker that says it is ready, then does `then` with the first commands it gets. */
  function stub(then: string): Worker {
    return new Worker(
      `const { parentPort } = require('node:worker_threads');
       parentPort.on('message', (m) => { if (m.type === 'run') { ${then} } else if (m.type === 'stop') process.exit(0); });
       parentPort.postMessage({ type: 'ready' });`,
      { eval: true },
    );
  }

  it('runs every command here when the thread cannot start, and says so', async () => {
    app = testApp();
    const { log, lines } = keptLog();
    const thread = threadOf(
      app,
      () => {
        throw new Error('no threads here');
      },
      log,
    );
    expect(thread.run({ workspace: { platform: 'slack', externalId: 'T1' } } as Inbound, 0)).toBeNull();
    expect(await thread.ready()).toBe(false);
    expect(thread.state).toEqual({ running: false, ready: false, failed: true });
    expect(lines.find((l) => l.level === 50)?.err?.message).toBe('no threads here');
  });

  it('refuses the commands it had when it dies, and from then on they run here', async () => {
    app = testApp();
    const { log, lines } = keptLog();
    const thread = threadOf(app, () => stub('process.exit(3);'), log);
    expect(await thread.ready()).toBe(true);
    const inbound = { workspace: { platform: 'slack', externalId: 'T1' } } as Inbound;
    await expect(thread.run(inbound, 0)).rejects.toThrow('the command thread stopped before answering');
    expect(thread.state.failed).toBe(true);
    expect(thread.run(inbound, 0)).toBeNull();
    expect(lines.some((l) => l.level === 50 && l.err?.message === 'the command thread exited (code 3)')).toBe(true);
  });

  it('rejects a command whose commit failed there with its reason, and goes on', async () => {
    app = testApp();
    const thread = threadOf(app, () =>
      stub(`parentPort.postMessage({ type: 'answers', counted: [], queued: null,
                answers: m.runs.map((r) => ({ id: r.id, message: 'database is locked', code: 'SQLITE_BUSY' })) });`),
    );
    await thread.ready();
    const inbound = { workspace: { platform: 'slack', externalId: 'T1' } } as Inbound;
    await expect(thread.run(inbound, 0)).rejects.toMatchObject({ message: 'database is locked', code: 'SQLITE_BUSY' });
    expect(thread.state).toEqual({ running: true, ready: true, failed: false });
    await thread.stop();
    expect(thread.state.running).toBe(false);
  });

  it('stays off when a holder of personal data names no module it could load', async () => {
    app = testApp({ commandThread: ['slack'] });
    app.holdsPersonalData({ name: 'nowhere', personalData: { export: () => ({}), forget: () => {} } });
    const here = vi.spyOn(app.bot, 'handle');
    await soon(app, 'ann', 'create Maths');
    expect(here).toHaveBeenCalledTimes(1);
    expect(await app.thread?.ready()).toBe(false);
    expect(app.thread?.state.running).toBe(false);
  });

  it('is refused beside capabilities of the caller or an in-memory store', async () => {
    app = testApp();
    const { createApp } = await import('../../src/app.js');
    const { Store } = await import('../../src/store/store.js');
    const { capabilities } = await import('../../src/capabilities.js');
    const memory = Store.open(':memory:');
    const silent = pino({ level: 'silent' });
    expect(() => createApp(app.config, { store: memory, commandThread: ['slack'], log: silent })).toThrow(
      'the command thread runs the capability list on a database file',
    );
    expect(() => createApp(app.config, { store: app.store, capabilities: capabilities(), commandThread: ['slack'], log: silent })).toThrow(
      'the command thread runs the capability list on a database file',
    );
    memory.close();
  });
});
