import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App as BoltApp, LogLevel } from '@slack/bolt';
import pino from 'pino';
import { HttpServer } from '../adapters/http/server.js';
import { boltLogger } from '../adapters/slack/bolt.js';
import { createSlackAdapter } from '../adapters/slack/index.js';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { systemClock } from '../src/ports.js';
import { searchIndex } from '../src/search/index.js';
import { Store } from '../src/store/store.js';
import { SlackApiDouble } from '../test/doubles/slack-api.js';
import { startChildDouble } from './child-double.js';
import { type Figures, SLICE, SLICES, sideBySide, timed } from './interleave.js';
import { FLOOR_INSERT, MIX_COMMUNITIES, MIX_USERS, type MixPerson, mixCommand, openFloorDatabase, setUpMix } from './mix.js';

/**
 * `npm run bench:slack`: signed `/plc help` slash commands against the real Bolt app on loopback, and
 * the same against a bare Bolt app whose handler only acks (the floor), in one run. The Web API double
 * runs in a child process so its work does not count against either app.
 */
const CONCURRENCY = 16;
const WARMUP = 200;
const SECRET = 'bench-signing-secret';
/** BENCH_FRESH=1 opens a new connection per request (as a cold Slack delivery would); by default connections are kept alive. */
const FRESH = process.env.BENCH_FRESH === '1';

async function main(): Promise<void> {
  const { child, url } = await startChildDouble(new URL(import.meta.url).pathname, 'the Web API double');
  doubleUrl = url;
  const silent = pino({ level: 'silent' });
  const dir = mkdtempSync(join(tmpdir(), 'plc-bench-'));

  const config = loadConfig({
    DATABASE_PATH: join(dir, 'plc.sqlite'),
    LOG_LEVEL: 'silent',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${doubleUrl}/api/`,
    COMMAND_THREAD: process.env.COMMAND_THREAD,
  });
  // As `npm start` runs Slack: its commands on the command thread when COMMAND_THREAD names Slack (the default names
  // Slack only), the thread ready before the warm-up.
  const app = createApp(config, {
    store: Store.open(config.DATABASE_PATH),
    clock: systemClock,
    log: silent,
    commandThread: config.COMMAND_THREAD.filter((p) => p === 'slack'),
  });
  await app.thread?.ready();
  const http = new HttpServer({ log: silent, healthy: () => true });
  const adapter = await createSlackAdapter(app, http);
  const appPort = await http.listen(0, '127.0.0.1');

  const floor = new BoltApp({
    token: 'xoxb-floor',
    signingSecret: SECRET,
    logger: boltLogger(silent),
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: `${doubleUrl}/api/` },
    deferInitialization: true,
  });
  floor.command('/plc', async ({ ack }) => {
    await ack();
  });
  await floor.init();
  const floorServer = (await floor.start(0)) as { address(): AddressInfo };
  const floorPort = floorServer.address().port;

  process.stdout.write(
    `Slack adapter benchmark: signed "/plc help" slash commands over HTTP on loopback (${FRESH ? 'a new connection per request' : 'keep-alive connections'}), ${CONCURRENCY} concurrent, ` +
      `${WARMUP} warm-up requests per app, then ${SLICES} slices of ${SLICE} requests per app, alternating between the bot and ` +
      "the floor (a bare Bolt app whose handler only acks); figures are pooled over each app's slices.\n" +
      'Measured: time from sending a request to the end of its HTTP response (Slack needs the ack within 3 s), ' +
      'and requests per second over each measured batch. The bot runs each command and answers in the ack itself ' +
      '(each benchmark user is looked up with users.info once, during warm-up, on a Web API double in a child process).\n',
  );

  // The mix's floor: a bare Bolt app that acks after one INSERT into a table of its own (same pragmas: openDatabase).
  const floorDb = openFloorDatabase(join(dir, 'floor.sqlite'));
  const insert = floorDb.db.prepare(FLOOR_INSERT);
  const mixFloor = new BoltApp({
    token: 'xoxb-floor',
    signingSecret: SECRET,
    logger: boltLogger(silent),
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: `${doubleUrl}/api/` },
    deferInitialization: true,
  });
  mixFloor.command('/plc', async ({ ack, command }) => {
    insert.run(command.user_id, command.text, Date.now());
    await ack();
  });
  await mixFloor.init();
  const mixFloorPort = ((await mixFloor.start(0)) as { address(): AddressInfo }).address().port;
  const people = setUpMix(app, { platform: 'slack', workspace: 'T0BENCH', userId: (i) => `UMIX${i}`, channelOf: (k) => `CMIX${k}` });

  await batch(appPort, WARMUP);
  await batch(floorPort, WARMUP);
  const help = await sideBySide(
    {
      floor: () => timed(() => batch(floorPort, SLICE)),
      ours: () =>
        timed(
          () => batch(appPort, SLICE),
          () => adapter.idle(),
        ),
    },
    (line) => process.stdout.write(`slices ${line.from} to ${line.to}: ${figuresLine(line)}\n`),
  );
  process.stdout.write(
    `\nThe write mix: ${MIX_USERS} people in ${MIX_COMMUNITIES} communities, each community's commands from its channel: ` +
      '60 % reflect (a third team), 15 % checkin, 15 % agenda add, 10 % reflections, goals or next; ' +
      `${CONCURRENCY} concurrent, ${SLICES} alternating slices of ${SLICE} requests per app after a warm-up in which every person sends ` +
      `one command (so all ${MIX_USERS} are known); the floor acks after one INSERT into a SQLite table of its own (WAL, the same pragmas).\n`,
  );
  await mixBatch(appPort, people, MIX_USERS, true);
  await mixBatch(mixFloorPort, people, WARMUP, true);
  const search = searchIndex(app.store);
  const mixed = await sideBySide(
    {
      floor: () => timed(() => mixBatch(mixFloorPort, people, SLICE, false)),
      // The bot's slice ends once its work after the acks is done and the search has indexed its documents.
      ours: () =>
        timed(
          () => mixBatch(appPort, people, SLICE, false),
          async () => {
            await adapter.idle();
            search.flush();
          },
        ),
    },
    (line) => process.stdout.write(`mix slices ${line.from} to ${line.to}: ${figuresLine(line)}\n`),
  );
  const mix = {
    mixP50Ms: round2(mixed.ours.p50),
    mixP99Ms: round2(mixed.ours.p99),
    mixRps: round2(mixed.ours.rps),
    mixFloorP50Ms: round2(mixed.floor.p50),
    mixFloorP99Ms: round2(mixed.floor.p99),
    mixFloorRps: round2(mixed.floor.rps),
  };
  process.stdout.write(
    `mix bot/floor: p50 ${fmt(mix.mixP50Ms / mix.mixFloorP50Ms)}x (target <= 1.5x), p99 ${fmt(mix.mixP99Ms / mix.mixFloorP99Ms)}x ` +
      `(target <= 2x), req/s ${fmt(mix.mixRps / mix.mixFloorRps)}x (target >= 0.6x), p99 ${fmt(mix.mixP99Ms)} ms (target < 100 ms)\n`,
  );

  const result = {
    p50Ms: round2(help.ours.p50),
    p99Ms: round2(help.ours.p99),
    rps: round2(help.ours.rps),
    floorP50Ms: round2(help.floor.p50),
    floorP99Ms: round2(help.floor.p99),
    floorRps: round2(help.floor.rps),
    ...mix,
  };
  process.stdout.write(
    `bot/floor: p50 ${fmt(result.p50Ms / result.floorP50Ms)}x (target <= 1.2x), p99 ${fmt(result.p99Ms / result.floorP99Ms)}x ` +
      `(target <= 1.5x), req/s ${fmt(result.rps / result.floorRps)}x (target >= 0.8x)\n`,
  );

  await http.close();
  await adapter.stop();
  await floor.stop();
  await mixFloor.stop();
  floorDb.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
  child.stdin?.end();
  child.kill();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
let sequence = 0;
let doubleUrl = '';

const figuresLine = ({ ours, floor }: { ours: Figures; floor: Figures }) =>
  `bot p50 ${fmt(ours.p50)} ms, p99 ${fmt(ours.p99)} ms, ${fmt(ours.rps)} req/s; floor p50 ${fmt(floor.p50)} ms, p99 ${fmt(floor.p99)} ms, ${fmt(floor.rps)} req/s`;

let mixSequence = 0;
/** `count` commands of the mix, `CONCURRENCY` at a time; the warm-up has every person, in turn, ask `next`. */
async function mixBatch(port: number, people: readonly MixPerson[], count: number, warm: boolean): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      const { person, text } = warm ? { person: people[n % people.length] as MixPerson, text: 'next' } : mixCommand(people, mixSequence++);
      times.push(await slashCommand(port, person.externalId, text, person.channel ?? 'CBENCH'));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return times;
}

/** `count` `/plc help` commands, `CONCURRENCY` at a time; one user per worker, as in a real school. */
async function batch(port: number, count: number): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const worker = async (w: number) => {
    while (next < count) {
      next++;
      times.push(await slashCommand(port, `UBENCH${w}`));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  return times;
}

/** One signed `/plc <text>` (help by default), as Slack sends it; resolves with the time to the end of the HTTP response. */
function slashCommand(port: number, user: string, text = 'help', channel = 'CBENCH'): Promise<number> {
  const body = new URLSearchParams({
    team_id: 'T0BENCH',
    team_domain: 'bench',
    channel_id: channel,
    channel_name: channel.toLowerCase(),
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/plc',
    text,
    api_app_id: 'A0PLC',
    response_url: `${doubleUrl}/respond/${++sequence}`,
    trigger_id: `1337.${sequence}`,
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/slack/events',
        method: 'POST',
        agent: FRESH ? false : agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signature,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - start) : reject(new Error(`HTTP ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const fmt = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(2));

if (process.argv.includes('--double')) {
  // The child: serve the Web API double until the parent exits.
  const api = await new SlackApiDouble().start();
  process.stdout.write(`${api.url}\n`);
  // The double records every call; the benchmark has no use for the record, so it is dropped as it grows.
  setInterval(() => api.calls.splice(0), 1000).unref();
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
} else {
  await main();
}
