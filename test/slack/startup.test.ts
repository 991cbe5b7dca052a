import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/log.js';
import { SlackApiDouble } from '../doubles/slack-api.js';
import { askerText, deliverSigned, eventBody, type SlackHarness, startSlackHarness, TEAM, typeCommand } from './support.js';

/** Background attempts on a busy test machine may take a while; a waitFor fails only past this. */
const PATIENCE = { timeout: 5_000 };

/** GET /healthz as a supervisor or an admin would. */
async function health(h: SlackHarness): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${h.baseUrl}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Someone (or the bot itself) joining the Math community's channel; resolves with the join offers it caused. */
async function joinsMath(h: SlackHarness, user: string) {
  const joined = eventBody({ type: 'member_joined_channel', user, channel: 'CMATH', channel_type: 'C', team: TEAM });
  const { calls } = await deliverSigned(h, joined, 'application/json');
  return calls.filter((c) => c.method === 'chat.postEphemeral');
}

/** A Web API double that cuts every call off, as when Slack is out of reach. */
async function unreachableSlack(): Promise<SlackApiDouble> {
  const api = await new SlackApiDouble().start();
  api.offline = true;
  return api;
}

describe('Slack starting while its Web API is out of reach', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({
      api: await unreachableSlack(),
      awaitIdentity: false,
      adapter: { identityBackoff: { minMs: 20, maxMs: 100 } },
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it('starts and answers /plc help', async () => {
    const { status, calls } = await typeCommand(h, { user: 'UCARLA', text: 'help' });
    expect(status).toBe(200);
    expect(askerText(calls)).toContain('What I can do');
  });

  it('keeps trying, and says so in /healthz, which answers 200 because the database does', async () => {
    await vi.waitFor(() => expect(h.api.of('auth.test').length).toBeGreaterThan(1), PATIENCE);
    expect(await health(h)).toEqual({ status: 200, body: { ok: true, slack: 'unreachable' } });
  });

  it('learns who it is once Slack answers, without being asked, and then ignores its own joining a community’s channel', async () => {
    h.api.offline = false;
    await typeCommand(h, { user: 'UCARLA', channel: 'CMATH', channelName: 'math', text: 'create Math' });
    await vi.waitFor(async () => expect((await health(h)).body).toEqual({ ok: true, slack: 'ok' }), PATIENCE);
    expect(await joinsMath(h, 'UBOT')).toEqual([]);
    // The same event for a person is offered to join, so the silence above is the bot knowing itself.
    expect(await joinsMath(h, 'UDAN')).toHaveLength(1);
  });
});

describe('Slack needing its identity before the next planned attempt', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({
      api: await unreachableSlack(),
      awaitIdentity: false,
      adapter: { identityBackoff: { minMs: 60_000, maxMs: 60_000 } },
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it('asks Slack at once when the bot joins a community’s channel, and recognises itself', async () => {
    await vi.waitFor(async () => expect((await health(h)).body.slack).toBe('unreachable'), PATIENCE);
    h.api.offline = false;
    await typeCommand(h, { user: 'UCARLA', channel: 'CMATH', channelName: 'math', text: 'create Math' });
    expect(await joinsMath(h, 'UBOT')).toEqual([]);
    expect((await health(h)).body.slack).toBe('ok');
  });
});

describe('Slack stopping while its Web API is out of reach', () => {
  it('stops trying to learn who it is', async () => {
    const h = await startSlackHarness({
      api: await unreachableSlack(),
      awaitIdentity: false,
      adapter: { identityBackoff: { minMs: 10, maxMs: 10 } },
    });
    try {
      await vi.waitFor(() => expect(h.api.of('auth.test').length).toBeGreaterThan(1), PATIENCE);
      await h.adapter.stop();
      const attempts = h.api.of('auth.test').length;
      await sleep(100);
      expect(h.api.of('auth.test')).toHaveLength(attempts);
    } finally {
      await h.close();
    }
  });
});

describe('Slack with a bot token it rejects', () => {
  let h: SlackHarness;
  const logged: { level: number; msg: string }[] = [];
  beforeAll(async () => {
    const api = await new SlackApiDouble().start();
    api.fail('auth.test', 'invalid_auth');
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logged.push(JSON.parse(line));
        done();
      },
    });
    h = await startSlackHarness({ api, awaitIdentity: false, log: createLogger('info', sink as never) });
  });
  afterAll(async () => {
    await h.close();
  });

  it('names the rejected token in /healthz, which still answers 200 so a supervisor does not restart it in a loop', async () => {
    await vi.waitFor(async () => expect((await health(h)).body.slack).toBe('token rejected'), PATIENCE);
    expect(await health(h)).toEqual({ status: 200, body: { ok: true, slack: 'token rejected' } });
  });

  it('logs the rejection as an error, once', async () => {
    const errors = logged.filter((l) => l.level >= 50).map((l) => l.msg);
    expect(errors).toEqual([expect.stringContaining('SLACK_BOT_TOKEN')]);
  });
});
