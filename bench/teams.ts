import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { HttpServer } from '../adapters/http/server.js';
import { serveBareTeamsApp } from '../adapters/teams/floor.js';
import { createTeams } from '../adapters/teams/index.js';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { BotConnectorDouble } from '../test/doubles/bot-connector.js';

/** `npm run bench:teams`: `plc help` through the whole Teams adapter, beside a bare teams-ai app (the floor). */
const CONCURRENCY = 16;
const WARMUP = 200;
const REQUESTS = 2000;

let seq = 0;
function helpActivity(serviceUrl: string): object {
  const n = ++seq;
  const user = `bench-${n % CONCURRENCY}`;
  return {
    type: 'message',
    id: String(1_700_000_000_000 + n),
    channelId: 'msteams',
    serviceUrl,
    text: 'plc help',
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
async function load(url: string, serviceUrl: string, count: number): Promise<{ times: number[]; wallMs: number }> {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      next++;
      const body = JSON.stringify(helpActivity(serviceUrl));
      const t0 = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`unexpected status ${res.status}`);
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { times, wallMs: performance.now() - started };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
const round = (x: number) => Math.round(x * 1000) / 1000;

function summarize(runs: { times: number[]; wallMs: number }[]) {
  const times = runs.flatMap((r) => r.times).sort((a, b) => a - b);
  const wall = runs.reduce((s, r) => s + r.wallMs, 0);
  return { p50: pct(times, 50), p99: pct(times, 99), rps: (times.length / wall) * 1000 };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plc-bench-teams-'));
  const log = pino({ level: 'silent' });
  const config = loadConfig({ DATABASE_PATH: join(dir, 'plc.sqlite'), LOG_LEVEL: 'silent', ADAPTERS: 'teams', NODE_ENV: 'test' });
  const app = createApp(config, { log });
  const connector = await BotConnectorDouble.start();
  const ours = new HttpServer({ log, healthy: () => true });
  createTeams(app, ours);
  const floor = new HttpServer({ log, healthy: () => true });
  serveBareTeamsApp(floor);
  const oursUrl = `http://127.0.0.1:${await ours.listen(0, '127.0.0.1')}/api/messages`;
  const floorUrl = `http://127.0.0.1:${await floor.listen(0, '127.0.0.1')}/api/messages`;

  process.stdout.write(
    `Teams adapter: time from POSTing a \`plc help\` message activity to /api/messages until the HTTP response\n` +
      `(by which the reply card has reached the local Bot Connector double), authentication off,\n` +
      `${CONCURRENCY} concurrent, ${REQUESTS} requests after ${WARMUP} warm-up, beside a bare teams-ai app whose\n` +
      `handler only replies (the floor), in the same process and run; the two alternate in halves.\n`,
  );
  await load(floorUrl, connector.url, WARMUP);
  await load(oursUrl, connector.url, WARMUP);
  const floorRuns = [];
  const oursRuns = [];
  for (let half = 0; half < 2; half++) {
    floorRuns.push(await load(floorUrl, connector.url, REQUESTS / 2));
    oursRuns.push(await load(oursUrl, connector.url, REQUESTS / 2));
  }
  const f = summarize(floorRuns);
  const o = summarize(oursRuns);
  process.stdout.write(
    `floor (bare teams-ai): p50 ${f.p50.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms, ${f.rps.toFixed(0)} activities/s\n` +
      `plc bot (whole adapter): p50 ${o.p50.toFixed(2)} ms, p99 ${o.p99.toFixed(2)} ms, ${o.rps.toFixed(0)} activities/s\n` +
      `ratios: p50 ${(o.p50 / f.p50).toFixed(2)}x (target ≤1.2x), p99 ${(o.p99 / f.p99).toFixed(2)}x (target ≤1.5x), ` +
      `rps ${(o.rps / f.rps).toFixed(2)}x (target ≥0.8x)\n`,
  );
  await ours.close();
  await floor.close();
  await connector.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(
    `${JSON.stringify({ p50Ms: round(o.p50), p99Ms: round(o.p99), rps: round(o.rps), floorP50Ms: round(f.p50), floorP99Ms: round(f.p99), floorRps: round(f.rps) })}\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:teams failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
