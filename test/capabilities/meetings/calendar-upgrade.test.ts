import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerCalendarFeed } from '../../../adapters/http/calendar.js';
import { HttpServer } from '../../../adapters/http/server.js';
import { createApp } from '../../../src/app.js';
import { allMigrations } from '../../../src/capabilities.js';
import { loadConfig } from '../../../src/config.js';
import { ManualClock } from '../../../src/ports.js';
import { openDatabase } from '../../../src/store/db.js';
import { Store } from '../../../src/store/store.js';
import type { TestApp } from '../../support/app.js';
import { answerText, run } from '../../support/bot.js';
import { DAY, recordSends, type Sent } from './recorder.js';

/** The token the one shared `calendar` link of a community had before each person got their own. */
const SHARED = 'sharedTokenFromBeforeTheUpgrade';
const WHERE = 'https://meet.example.org/j/123?pwd=s3cret';

let dir: string;
let path: string;
let app: TestApp;
let http: HttpServer;
let base: string;
let sent: Sent[];

function appOn(store: Store, start: number): TestApp {
  const config = loadConfig({ DATABASE_PATH: path, LOG_LEVEL: 'silent', NODE_ENV: 'test', PUBLIC_URL: 'https://plc.example.org' });
  return createApp(config, { clock: new ManualClock(start), store, log: pino({ level: 'silent' }) }) as TestApp;
}

/**
 * A database as the release before personal links left it: Math (in German, with a video link as its place)
 * whose members shared one calendar link, and Art, for which nobody ever asked for one. `ranAhead` days of
 * simulated time have passed in it, as in a console whose clock was moved forward.
 */
async function beforeTheUpgrade(ranAhead = 0): Promise<number> {
  const store = new Store(
    openDatabase(
      path,
      allMigrations().filter((m) => m.version < 300 || m.version > 399),
    ),
  );
  const old = appOn(store, Date.now());
  recordSends(old);
  const say = (user: string, text: string, channel = 'math') => run(old, user, text, { channel });
  say('carla', 'create Math');
  say('carla', 'settings lang de');
  for (const p of ['ana', 'ben']) say(p, 'join');
  say('carla', `schedule weekly wed 15:30 where ${WHERE}`);
  say('carla', 'create Art', 'art');
  say('carla', 'schedule weekly thu 15:30', 'art');
  // What `calendar` did then: one token on the community's schedule, for everyone.
  store.db
    .prepare("UPDATE meeting_schedules SET calendar_token = ? WHERE community_id = (SELECT id FROM communities WHERE name = 'Math')")
    .run(SHARED);
  if (ranAhead) await old.advance(Date.now() + ranAhead * DAY);
  const reached = old.clock.now().getTime();
  await old.close();
  return reached;
}

/** Opens the same file with this release: the upgrade runs; the app's clock starts where the old one stopped. */
async function upgrade(reached: number): Promise<number> {
  app = appOn(Store.open(path), Math.max(reached, Date.now()));
  sent = recordSends(app);
  http = new HttpServer({ log: pino({ level: 'silent' }), healthy: () => true });
  registerCalendarFeed(http, app);
  base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
  return app.clock.now().getTime();
}

async function feed(token: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${base}/calendar/${token}.ics`);
  return { status: res.status, text: await res.text() };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plc-upgrade-'));
  path = join(dir, 'plc.sqlite');
});
afterEach(async () => {
  await http?.close();
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the shared calendar link from before personal links', () => {
  it('works for 29 days after the upgrade and answers 404 from day 31, while personal links go on', async () => {
    const start = await upgrade(await beforeTheUpgrade());
    const today = await feed(SHARED);
    expect(today.status).toBe(200);
    expect(today.text).toContain('pwd=s3cret');
    const own = /\/calendar\/([A-Za-z0-9_-]+)\.ics/.exec(answerText(run(app, 'ana', 'calendar', { channel: 'math' })))?.[1] ?? '';
    expect(own).not.toBe(SHARED);
    await app.advance(start + 29 * DAY);
    expect((await feed(SHARED)).status).toBe(200);
    await app.advance(start + 31 * DAY);
    expect((await feed(SHARED)).status).toBe(404);
    expect((await feed(own)).status).toBe(200);
  });

  it('cannot be stopped or replaced by anyone’s `calendar reset`', async () => {
    await upgrade(await beforeTheUpgrade());
    run(app, 'ben', 'calendar reset', { channel: 'math' });
    expect((await feed(SHARED)).status).toBe(200);
  });

  it('counts its 30 days in the app’s own time, from when the channel is told, even when a console’s clock ran ahead', async () => {
    const start = await upgrade(await beforeTheUpgrade(60));
    await app.advance(start + 29 * DAY);
    expect((await feed(SHARED)).status).toBe(200);
    await app.advance(start + 31 * DAY);
    expect((await feed(SHARED)).status).toBe(404);
  });

  it('is announced once in the channel, in its language, with the command that gives each person their own link', async () => {
    const start = await upgrade(await beforeTheUpgrade());
    await app.advance(start + 31 * DAY);
    const notices = sent.filter((s) => s.text.includes('/plc calendar'));
    expect(notices.map((s) => s.to)).toEqual(['#math']);
    expect(notices[0]?.text).toMatch(/Kalender-Links für Math sind jetzt persönlich/);
    // Opening the file again does not announce it again.
    await http.close();
    await app.close();
    await upgrade(start + 31 * DAY);
    await app.advance(start + 40 * DAY);
    expect(sent.filter((s) => s.text.includes('/plc calendar'))).toEqual([]);
  });
});
