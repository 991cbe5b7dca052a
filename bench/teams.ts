import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { HttpServer } from '../adapters/http/server.js';
import { serveBareTeamsApp } from '../adapters/teams/floor.js';
import { createTeams } from '../adapters/teams/index.js';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { searchIndex } from '../src/search/index.js';
import { BotConnectorDouble } from '../test/doubles/bot-connector.js';
import { startChildDouble } from './child-double.js';
import { type Figures, SLICE, SLICES, type Stretch, sideBySide } from './interleave.js';
import { FLOOR_INSERT, MIX_COMMUNITIES, MIX_USERS, type MixPerson, mixCommand, openFloorDatabase, setUpMix } from './mix.js';

/**
 * `npm run bench:teams`: `plc help` through the whole Teams adapter, beside a bare teams-ai app (the floor), then
 * the write mix. The Bot Connector double runs in a child process so its work does not count against either app.
 */
const CONCURRENCY = 16;
const WARMUP = 200;

let seq = 0;
function helpActivity(serviceUrl: string): object {
  return messageActivity(serviceUrl, `bench-${(seq + 1) % CONCURRENCY}`, 'plc help');
}

/** A message typed in `user`'s personal chat with the bot, as Teams sends it. */
function messageActivity(serviceUrl: string, user: string, text: string): object {
  const n = ++seq;
  return {
    type: 'message',
    id: String(1_700_000_000_000 + n),
    channelId: 'msteams',
    serviceUrl,
    text,
    textFormat: 'plain',
    locale: 'en-US',
    from: { id: `29:${user}`, name: user, aadObjectId: `aad-${user}` },
    recipient: { id: '28:plc-bot', name: 'PLC' },
    conversation: { id: `a:dm-${user}`, conversationType: 'personal', tenantId: 'bench-tenant' },
    channelData: { tenant: { id: 'bench-tenant' } },
    entities: [{ type: 'clientInfo', locale: 'en-US', timezone: 'Europe/Berlin' }],
  };
}

/** Posts `count` activities, `CONCURRENCY` at a time; returns each one's time to the HTTP response and the wall time. */
async function load(
  url: string,
  serviceUrl: string,
  count: number,
  activity: (n: number) => object = () => helpActivity(serviceUrl),
  after?: () => void,
): Promise<Stretch> {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const body = JSON.stringify(activity(next++));
      const t0 = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`unexpected status ${res.status}`);
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  after?.();
  return { times, wallMs: performance.now() - started };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

const figuresLine = (label: string, { from, to, ours: o, floor: f }: { from: number; to: number; ours: Figures; floor: Figures }) =>
  `${label}slices ${from} to ${to}: bot p50 ${o.p50.toFixed(2)} ms, p99 ${o.p99.toFixed(2)} ms, ${o.rps.toFixed(0)}/s; ` +
  `floor p50 ${f.p50.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms, ${f.rps.toFixed(0)}/s\n`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plc-bench-teams-'));
  const log = pino({ level: 'silent' });
  const config = loadConfig({
    DATABASE_PATH: join(dir, 'plc.sqlite'),
    LOG_LEVEL: 'silent',
    ADAPTERS: 'teams',
    NODE_ENV: 'test',
    COMMAND_THREAD: process.env.COMMAND_THREAD,
  });
  // As `npm start` runs Teams: its commands on the command thread when COMMAND_THREAD names Teams (the default names
  // Slack only), the thread ready before the warm-up.
  const app = createApp(config, { log, commandThread: config.COMMAND_THREAD.filter((p) => p === 'teams') });
  await app.thread?.ready();
  const { child, url: connectorUrl } = await startChildDouble(new URL(import.meta.url).pathname, 'the Bot Connector double');
  const connector = { url: connectorUrl };
  const ours = new HttpServer({ log, healthy: () => true });
  createTeams(app, ours);
  const floor = new HttpServer({ log, healthy: () => true });
  serveBareTeamsApp(floor);
  const oursUrl = `http://127.0.0.1:${await ours.listen(0, '127.0.0.1')}/api/messages`;
  const floorUrl = `http://127.0.0.1:${await floor.listen(0, '127.0.0.1')}/api/messages`;

  process.stdout.write(
    `Teams adapter: time from POSTing a \`plc help\` message activity to /api/messages until the HTTP response\n` +
      `(by which the reply card has reached the Bot Connector double, in a child process), authentication off,\n` +
      `${CONCURRENCY} concurrent, ${WARMUP} warm-up per app, then ${SLICES} slices of ${SLICE} requests per app, alternating between the bot\n` +
      `and a bare teams-ai app whose handler only replies (the floor), in the same process; figures are pooled over each app's slices.\n`,
  );
  await load(floorUrl, connector.url, WARMUP);
  await load(oursUrl, connector.url, WARMUP);
  const { floor: f, ours: o } = await sideBySide(
    { floor: () => load(floorUrl, connector.url, SLICE), ours: () => load(oursUrl, connector.url, SLICE) },
    (line) => process.stdout.write(figuresLine('', line)),
  );

  // The write mix: every person's commands from their personal chat (in a channel, a typed reflection is a public post).
  const people = setUpMix(app, { platform: 'teams', workspace: 'bench-tenant', userId: (i) => `aad-mix-${i}`, channelOf: () => null });
  const floorDb = openFloorDatabase(join(dir, 'floor.sqlite'));
  const insert = floorDb.db.prepare(FLOOR_INSERT);
  const mixFloor = new HttpServer({ log, healthy: () => true });
  serveBareTeamsApp(mixFloor, '/api/messages', (user, text) => insert.run(user, text, Date.now()));
  const mixFloorUrl = `http://127.0.0.1:${await mixFloor.listen(0, '127.0.0.1')}/api/messages`;
  let mixN = 0;
  const mixActivity = () => {
    const { person, text } = mixCommand(people, mixN++);
    return messageActivity(connector.url, `mix-${person.index}`, `plc ${text}`);
  };
  const warm = (n: number) => messageActivity(connector.url, `mix-${(people[n % people.length] as MixPerson).index}`, 'plc next');
  process.stdout.write(
    `\nThe write mix: ${MIX_USERS} people in ${MIX_COMMUNITIES} communities, each from their personal chat: 60 % reflect ` +
      `(a third team), 15 % checkin, 15 % agenda add, 10 % reflections, goals or next; ${CONCURRENCY} concurrent, ${SLICES} ` +
      `alternating slices of ${SLICE} requests per app, after a warm-up in which every person sends one command; the floor stores ` +
      'each message with one INSERT into a SQLite table of its own (WAL, the same pragmas) and replies.\n',
  );
  await load(oursUrl, connector.url, MIX_USERS, warm);
  await load(mixFloorUrl, connector.url, WARMUP, warm);
  const search = searchIndex(app.store);
  const { floor: mf, ours: mo } = await sideBySide(
    {
      floor: () => load(mixFloorUrl, connector.url, SLICE, mixActivity),
      // The bot's slice ends once the search has indexed its documents (its replies are sent before each response).
      ours: () => load(oursUrl, connector.url, SLICE, mixActivity, () => search.flush()),
    },
    (line) => process.stdout.write(figuresLine('mix ', line)),
  );
  process.stdout.write(
    `mix floor: p50 ${mf.p50.toFixed(2)} ms, p99 ${mf.p99.toFixed(2)} ms, ${mf.rps.toFixed(0)} activities/s\n` +
      `mix plc bot: p50 ${mo.p50.toFixed(2)} ms, p99 ${mo.p99.toFixed(2)} ms, ${mo.rps.toFixed(0)} activities/s\n` +
      `mix ratios: p50 ${(mo.p50 / mf.p50).toFixed(2)}x (target ≤1.5x), p99 ${(mo.p99 / mf.p99).toFixed(2)}x (target ≤2x), ` +
      `rps ${(mo.rps / mf.rps).toFixed(2)}x (target ≥0.6x), p99 ${mo.p99.toFixed(2)} ms (target < 100 ms)\n`,
  );
  await mixFloor.close();
  floorDb.close();
  process.stdout.write(
    `floor (bare teams-ai): p50 ${f.p50.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms, ${f.rps.toFixed(0)} activities/s\n` +
      `plc bot (whole adapter): p50 ${o.p50.toFixed(2)} ms, p99 ${o.p99.toFixed(2)} ms, ${o.rps.toFixed(0)} activities/s\n` +
      `ratios: p50 ${(o.p50 / f.p50).toFixed(2)}x (target ≤1.2x), p99 ${(o.p99 / f.p99).toFixed(2)}x (target ≤1.5x), ` +
      `rps ${(o.rps / f.rps).toFixed(2)}x (target ≥0.8x)\n`,
  );
  await ours.close();
  await floor.close();
  await app.close();
  child.stdin?.end();
  child.kill();
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(
    `${JSON.stringify({
      p50Ms: round(o.p50),
      p99Ms: round(o.p99),
      rps: round(o.rps),
      floorP50Ms: round(f.p50),
      floorP99Ms: round(f.p99),
      floorRps: round(f.rps),
      mixP50Ms: round(mo.p50),
      mixP99Ms: round(mo.p99),
      mixRps: round(mo.rps),
      mixFloorP50Ms: round(mf.p50),
      mixFloorP99Ms: round(mf.p99),
      mixFloorRps: round(mf.rps),
    })}\n`,
  );
}

if (process.argv.includes('--double')) {
  // The child: serve the Bot Connector double until the parent exits.
  const connector = await BotConnectorDouble.start();
  process.stdout.write(`${connector.url}\n`);
  // The double records every call; the benchmark has no use for the record, so it is dropped as it grows.
  setInterval(() => connector.calls.splice(0), 1000).unref();
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
} else {
  await main().catch((e: unknown) => {
    process.stderr.write(`bench:teams failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
