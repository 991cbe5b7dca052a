import { networkInterfaces } from 'node:os';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serveMetrics } from '../../adapters/http/metrics.js';
import { HttpServer } from '../../adapters/http/server.js';
import { ChannelPacer } from '../../adapters/slack/pacing.js';
import { DAY, recordMessages } from '../capabilities/meetings/recorder.js';
import { type TestApp, testApp } from '../support/app.js';
import { run } from '../support/bot.js';

const TOKEN = 'metrics-token-0123456789abcdef';

interface Family {
  name: string;
  type: string;
  metrics: { value?: string; labels?: Record<string, string> }[];
}

let app: TestApp;
let http: HttpServer;
let stop: (() => Promise<void>) | null;

let url: string;

beforeEach(async () => {
  app = testApp({ env: { METRICS_TOKEN: TOKEN } });
  http = new HttpServer({ log: app.log, healthy: () => true });
  stop = (await serveMetrics(app, http))?.stop ?? null;
  url = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}/metrics`;
});

afterEach(async () => {
  await stop?.();
  await http.close();
  await app.dispose();
});

/** A school's first week: a community, a member, a typo, a schedule, a reminder sent and one that fails. */
async function scriptedConversation(): Promise<void> {
  const rec = recordMessages(app);
  run(app, 'carla', 'create Math', { channel: 'math' });
  run(app, 'ana', 'join', { channel: 'math' });
  run(app, 'ana', 'memebrs', { channel: 'math' });
  run(app, 'carla', 'schedule weekly thu 15:00', { channel: 'math' });
  await app.advance(app.clock.now().getTime() + 3 * DAY);
  expect(rec.sent.length).toBeGreaterThan(0);
  app.messenger.register('console', {
    send: () => Promise.reject(new Error('the platform is down')),
    update: () => Promise.reject(new Error('the platform is down')),
  });
  await app.advance(app.clock.now().getTime() + 7 * DAY);
  // Slack's per-channel pace, as the Slack adapter wires it: four posts at once, the fourth waits.
  const pacer = new ChannelPacer({
    burst: 3,
    intervalMs: 1000,
    sleep: async () => {},
    onWait: (ms) => app.metrics.rateLimitWait('slack', ms),
  });
  await Promise.all([1, 2, 3, 4].map(() => pacer.run('C1', async () => {})));
}

async function scrape(): Promise<Map<string, Family>> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const families = parsePrometheusTextFormat(await res.text()) as Family[];
  return new Map(families.map((f) => [f.name, f]));
}

describe('/metrics', () => {
  it('is refused without the bearer token, or with a wrong one', async () => {
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong-token-0123456789abcdef' } })).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: `Basic ${TOKEN}` } })).status).toBe(401);
  });

  it('exposes every family after a scripted conversation, in a format Prometheus parses', async () => {
    await scriptedConversation();
    const families = await scrape();
    const commands = families.get('plc_commands_total');
    expect(commands?.type).toBe('COUNTER');
    const count = (command: string, outcome: string) =>
      Number(commands?.metrics.find((m) => m.labels?.command === command && m.labels?.outcome === outcome)?.value ?? 0);
    expect(count('create', 'ok')).toBe(1);
    expect(count('join', 'ok')).toBe(1);
    expect(count('unknown', 'refused')).toBe(1);
    expect(Number(families.get('plc_messages_sent_total')?.metrics[0]?.value)).toBeGreaterThan(0);
    expect(Number(families.get('plc_messages_failed_total')?.metrics[0]?.value)).toBeGreaterThan(0);
    expect(families.get('plc_messages_sent_total')?.metrics[0]?.labels).toEqual({ platform: 'console' });
    expect(Number(families.get('plc_rate_limit_waits_total')?.metrics[0]?.value)).toBe(1);
    expect(Number(families.get('plc_rate_limit_wait_seconds_total')?.metrics[0]?.value)).toBeGreaterThan(0);
    expect(Number(families.get('plc_database_bytes')?.metrics[0]?.value)).toBeGreaterThan(4096);
    expect(families.get('plc_scheduler_lag_seconds')?.type).toBe('GAUGE');
    for (const name of ['plc_process_cpu_seconds_total', 'plc_process_resident_memory_bytes', 'plc_nodejs_eventloop_lag_seconds'])
      expect(families.has(name), name).toBe(true);
  });

  it('counts each command once, however often it is read', async () => {
    const count = async (command: string, outcome: string) =>
      Number(
        (await scrape()).get('plc_commands_total')?.metrics.find((m) => m.labels?.command === command && m.labels?.outcome === outcome)
          ?.value ?? 0,
      );
    const before = await count('help', 'ok');
    run(app, 'carla', 'help', { channel: 'math' });
    run(app, 'carla', 'help', { channel: 'math' });
    expect(await count('help', 'ok')).toBe(before + 2);
    expect(await count('help', 'ok')).toBe(before + 2);
    run(app, 'carla', 'help', { channel: 'math' });
    expect(await count('help', 'ok')).toBe(before + 3);
  });

  it('reports scheduler lag: now minus the oldest job that is due and not done', async () => {
    run(app, 'carla', 'create Math', { channel: 'math' });
    run(app, 'carla', 'schedule weekly thu 15:00', { channel: 'math' });
    const due = app.store.jobs.nextDueAt() as number;
    // The clock moves without running the jobs, as when the sender is stuck.
    app.clock.set(due + 90_000);
    const lag = Number((await scrape()).get('plc_scheduler_lag_seconds')?.metrics[0]?.value);
    expect(lag).toBeGreaterThanOrEqual(90);
  });
});

describe('METRICS_PORT', () => {
  it('serves /metrics on 127.0.0.1 alone, with no token, and nothing on the shared server', async () => {
    const local = testApp({ env: { METRICS_PORT: '0' } });
    const shared = new HttpServer({ log: local.log, healthy: () => true });
    const server = await serveMetrics(local, shared);
    const sharedPort = await shared.listen(0, '127.0.0.1');
    try {
      expect(server).not.toBeNull();
      const res = await fetch(`http://127.0.0.1:${server?.port}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('# TYPE plc_commands_total counter');
      expect((await fetch(`http://127.0.0.1:${sharedPort}/metrics`)).status).toBe(404);
      // Another of this machine's addresses, if it has one, does not reach it.
      const outside = Object.values(networkInterfaces())
        .flat()
        .find((a) => a && a.family === 'IPv4' && !a.internal);
      if (outside) await expect(fetch(`http://${outside.address}:${server?.port}/metrics`)).rejects.toThrow();
    } finally {
      await server?.stop();
      await shared.close();
      await local.dispose();
    }
  });

  it('is not served at all when neither a token nor a port is set', async () => {
    const bare = testApp();
    const shared = new HttpServer({ log: bare.log, healthy: () => true });
    try {
      expect(await serveMetrics(bare, shared)).toBeNull();
      const port = await shared.listen(0, '127.0.0.1');
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
    } finally {
      await shared.close();
      await bare.dispose();
    }
  });
});
