import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type App as BoltApp, HTTPReceiver, type ReceiverEvent } from '@slack/bolt';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { boltLogger } from '../../adapters/slack/bolt.js';
import { preserialized, SlackReceiver } from '../../adapters/slack/receiver.js';
import { postSigned, SIGNING_SECRET, sign, slashCommandBody } from './support.js';

const logger = boltLogger(pino({ level: 'silent' }));
const servers: Server[] = [];

/** Serves a receiver on loopback with a stand-in for Bolt's App that records each event and answers it with `answer`. */
async function serve(
  receiver: SlackReceiver | HTTPReceiver,
  answer: (event: ReceiverEvent) => Promise<void>,
): Promise<{ url: string; events: ReceiverEvent[] }> {
  const events: ReceiverEvent[] = [];
  receiver.init({
    processEvent: async (event: ReceiverEvent) => {
      events.push(event);
      await answer(event);
    },
  } as unknown as BoltApp);
  const server = createServer(receiver.requestListener as RequestListener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, events };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

const command = () => slashCommandBody({ user: 'UCARLA', channel: 'CMATH', channelName: 'math', text: 'help', responseUrl: 'http://x/r' });

/** Posts a signed slash command and returns the whole answer, every header but the date included. */
async function post(url: string): Promise<{ status: number; type: string | null; headers: Record<string, string>; body: string }> {
  const body = command();
  const timestamp = Math.floor(Date.now() / 1000);
  const res = await fetch(`${url}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(body, timestamp),
    },
    body,
  });
  const headers = Object.fromEntries([...res.headers].filter(([name]) => name !== 'date'));
  return { status: res.status, type: res.headers.get('content-type'), headers, body: await res.text() };
}

describe('SlackReceiver', () => {
  it('refuses a forged signature with 401 and runs nothing', async () => {
    const { url, events } = await serve(new SlackReceiver({ signingSecret: SIGNING_SECRET, logger }), (e) => e.ack());
    const res = await postSigned(url, command(), 'application/x-www-form-urlencoded', { signature: `v0=${'0'.repeat(64)}` });
    expect(res.status).toBe(401);
    expect(events).toHaveLength(0);
  });

  it('answers url_verification with the challenge, without running the app', async () => {
    const { url, events } = await serve(new SlackReceiver({ signingSecret: SIGNING_SECRET, logger }), (e) => e.ack());
    const res = await postSigned(url, JSON.stringify({ type: 'url_verification', token: 't', challenge: 'c-42' }), 'application/json');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ challenge: 'c-42' });
    expect(events).toHaveLength(0);
  });

  it('sends a pre-serialized ack as the JSON Bolt would send, serialized only once', async () => {
    let serializations = 0;
    const message = { response_type: 'ephemeral', text: 'Hello “teachers” ✓', blocks: [{ type: 'divider' }] };
    const counted = {
      ...message,
      toJSON: () => {
        serializations++;
        return message;
      },
    };
    const cached = preserialized(counted);
    expect(serializations).toBe(1);

    const ours = await serve(new SlackReceiver({ signingSecret: SIGNING_SECRET, logger }), (e) => e.ack(cached));
    const first = await post(ours.url);
    const second = await post(ours.url);
    expect(serializations).toBe(1);
    expect(ours.events).toHaveLength(2);

    // Bolt's own receiver, acking the plain object: the same status, content type and bytes.
    const bolt = await serve(new HTTPReceiver({ signingSecret: SIGNING_SECRET, logger }), (e) => e.ack(message));
    const reference = await post(bolt.url);
    expect(reference).toMatchObject({ status: 200, type: 'application/json', body: JSON.stringify(message) });
    expect(first).toEqual(reference);
    expect(second).toEqual(reference);
  });

  it('acks other bodies as Bolt does', async () => {
    const answers = [undefined, { response_type: 'ephemeral', text: 'plain' }];
    const { url } = await serve(new SlackReceiver({ signingSecret: SIGNING_SECRET, logger }), (e) => e.ack(answers.shift()));
    expect(await post(url)).toMatchObject({ status: 200, type: null, body: '' });
    expect(await post(url)).toMatchObject({ status: 200, type: 'application/json', body: '{"response_type":"ephemeral","text":"plain"}' });
  });
});
