import type { IncomingMessage, ServerResponse } from 'node:http';
import { type App as BoltApp, HTTPReceiver, type ReceiverEvent } from '@slack/bolt';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpServer } from '../../adapters/http/server.js';
import { boltLogger } from '../../adapters/slack/bolt.js';
import { SLACK_BODY_LIMIT, slackGuard } from '../../adapters/slack/guard.js';
import { chunk, postHead, rawSend } from '../http/raw-client.js';
import { buttonPress, interactivityBody, postSigned, SIGNING_SECRET, sign, slashCommandBody } from './support.js';

const silent = pino({ level: 'silent' });
const servers: HttpServer[] = [];

/** A ledger in memory, as the guard sees the SQLite one. */
function memoryLedger() {
  const seen = new Set<string>();
  return { firstSeen: (signature: string) => !seen.has(signature) && Boolean(seen.add(signature)) };
}

/**
 * The guard in front of Bolt's own HTTPReceiver on our server, as the adapter serves /slack/events,
 * with a stand-in for Bolt's App that records each event it is given and acks it.
 */
async function serve(
  answer: (event: ReceiverEvent) => Promise<void> = (e) => e.ack(),
  guarded = true,
): Promise<{ url: string; port: number; events: ReceiverEvent[] }> {
  const events: ReceiverEvent[] = [];
  // Behind the guard, Bolt checks no signature (as the adapter builds it): everything it is given, the guard let in.
  const receiver = new HTTPReceiver({
    signingSecret: SIGNING_SECRET,
    signatureVerification: !guarded,
    logger: boltLogger(silent),
    endpoints: '/slack/events',
  });
  receiver.init({
    processEvent: async (event: ReceiverEvent) => {
      events.push(event);
      await answer(event);
    },
  } as unknown as BoltApp);
  const http = new HttpServer({ log: silent, healthy: () => true });
  const route = guarded
    ? slackGuard({ signingSecret: SIGNING_SECRET, receiver, seen: memoryLedger(), log: silent })
    : (req: IncomingMessage, res: ServerResponse) => receiver.requestListener(req, res);
  http.route('POST', '/slack/events', route);
  servers.push(http);
  const port = await http.listen(0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, port, events };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const FORM = 'application/x-www-form-urlencoded' as const;
const JSON_TYPE = 'application/json' as const;
const command = (p: Partial<Parameters<typeof slashCommandBody>[0]> = {}) =>
  slashCommandBody({ user: 'UCARLA', channel: 'CMATH', channelName: 'math', text: 'help', responseUrl: 'http://x/r', ...p });
const now = () => Math.floor(Date.now() / 1000);

describe('the guard in front of Bolt’s receiver', () => {
  it('refuses a signed body of null, as a form payload or as JSON, with 400, and goes on serving', async () => {
    const { url, events } = await serve();
    expect((await postSigned(url, 'payload=null', FORM)).status).toBe(400);
    expect((await postSigned(url, 'null', JSON_TYPE)).status).toBe(400);
    expect((await postSigned(url, command(), FORM)).status).toBe(200);
    expect(events).toHaveLength(1);
  });

  it('refuses every other signed body that is not one Slack sends with 400', async () => {
    const { url, events } = await serve();
    const bodies: [string, typeof FORM | typeof JSON_TYPE][] = [
      ['[]', JSON_TYPE],
      ['42', JSON_TYPE],
      ['"text"', JSON_TYPE],
      ['{"type":', JSON_TYPE],
      ['{"token":"t"}', JSON_TYPE],
      ['{"type":"event_callback","event":null}', JSON_TYPE],
      ['payload=%7B', FORM],
      ['payload=%5B%5D', FORM],
      ['payload=a&payload=b', FORM],
      ['foo=bar', FORM],
    ];
    for (const [body, type] of bodies) expect((await postSigned(url, body, type)).status, body).toBe(400);
    expect(events).toHaveLength(0);
  });

  it('refuses a slash command or a button press that names no person or no team with 400', async () => {
    const { url, events } = await serve();
    const press = buttonPress({ user: 'UCARLA', channel: 'CMATH', value: 'help', actionTs: '1.2' }) as Record<string, unknown>;
    const bodies = [
      command({ user: '' }),
      command({ team: '' }),
      new URLSearchParams([...new URLSearchParams(command())].filter(([k]) => k !== 'user_id')).toString(),
      interactivityBody({ ...press, user: undefined }),
      interactivityBody({ ...press, user: { id: 'UCARLA' }, team: null }),
    ];
    for (const body of bodies) expect((await postSigned(url, body, FORM)).status, body).toBe(400);
    expect(events).toHaveLength(0);
    expect((await postSigned(url, interactivityBody(press), FORM)).status).toBe(200);
    expect(events).toHaveLength(1);
  });

  it('refuses a timestamp more than five minutes off, ahead as well as behind', async () => {
    const { url, events } = await serve();
    for (const offset of [60 * 60, 6 * 60, -6 * 60]) {
      const res = await postSigned(url, command(), FORM, { timestamp: now() + offset });
      expect(res.status, `${offset} s`).toBe(401);
    }
    expect(events).toHaveLength(0);
    for (const offset of [4 * 60, -4 * 60])
      expect((await postSigned(url, command(), FORM, { timestamp: now() + offset })).status).toBe(200);
    expect(events).toHaveLength(2);
  });

  it('refuses a forged signature with 401', async () => {
    const { url, events } = await serve();
    const res = await postSigned(url, command(), FORM, { signature: `v0=${'0'.repeat(64)}` });
    expect(res.status).toBe(401);
    expect(events).toHaveLength(0);
  });

  it('hands a signed request to Bolt once, however often it is sent', async () => {
    const { url, events } = await serve();
    const body = command();
    const timestamp = now();
    const signature = sign(body, timestamp);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await postSigned(url, body, FORM, { timestamp, signature })).status);
    // A replay is answered as handled: a proxy resending what it thinks was lost need not try again.
    expect(statuses).toEqual([200, 200, 200]);
    expect(events).toHaveLength(1);
    // Bolt would take the signature with more after it; the guard takes the header only as Slack writes it.
    expect((await postSigned(url, body, FORM, { timestamp, signature: `${signature}=again` })).status).toBe(401);
    expect(events).toHaveLength(1);
    // The same command typed again is a new request, with its own timestamp or trigger.
    expect((await postSigned(url, command(), FORM)).status).toBe(200);
    expect(events).toHaveLength(2);
  });

  it('lets Slack’s URL verification and its unsigned SSL check through to Bolt, which answers them', async () => {
    const { url, events } = await serve();
    const challenge = await postSigned(url, JSON.stringify({ type: 'url_verification', token: 't', challenge: 'c-42' }), JSON_TYPE);
    expect(challenge).toEqual({ status: 200, body: '{"challenge":"c-42"}' });
    const ssl = await fetch(`${url}/slack/events`, { method: 'POST', headers: { 'content-type': FORM }, body: 'ssl_check=1&token=t' });
    expect(ssl.status).toBe(200);
    expect(events).toHaveLength(0);
  });

  it('lets an SSL check in as the check alone: an unsigned command smuggled beside it never reaches Bolt', async () => {
    const { url, events } = await serve();
    const smuggled = `ssl_check=1&${command()}`;
    const ssl = await fetch(`${url}/slack/events`, { method: 'POST', headers: { 'content-type': FORM }, body: smuggled });
    expect(ssl.status).toBe(200);
    expect(await ssl.text()).toBe('');
    expect(events).toHaveLength(0);
  });

  it('refuses a body over its limit with 413, without reading it', async () => {
    const { port, url } = await serve();
    const signed = { 'content-type': FORM, 'x-slack-request-timestamp': now(), 'x-slack-signature': `v0=${'0'.repeat(64)}` };
    const declared = await rawSend(port, postHead('/slack/events', { ...signed, 'content-length': 200 * 1024 * 1024 }));
    expect(declared.status).toBe(413);
    // Just over the limit, in a chunked body that never ends: a guard reading to the end would never answer 413.
    const chunked = await rawSend(
      port,
      postHead('/slack/events', { ...signed, 'transfer-encoding': 'chunked' }),
      chunk(Buffer.alloc(SLACK_BODY_LIMIT + 1, 'a')),
    );
    expect(chunked.status).toBe(413);
    expect((await postSigned(url, command(), FORM)).status).toBe(200);
  });

  it('gives Bolt the body as Slack sent it', async () => {
    const { url, events } = await serve();
    await postSigned(url, command({ text: 'agenda add Exit tickets & more' }), FORM);
    expect(events[0]?.body).toMatchObject({ command: '/plc', text: 'agenda add Exit tickets & more', user_id: 'UCARLA' });
  });

  it('sends an ack given as JSON text with the same status, type and bytes as Bolt sends the object', async () => {
    const message = { response_type: 'ephemeral', text: 'Hello “teachers” ✓', blocks: [{ type: 'divider' }] };
    /** Posts a signed command and returns the whole answer, every header but the date. */
    const answerOf = async (url: string) => {
      const body = command();
      const timestamp = now();
      const res = await fetch(`${url}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': FORM, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(body, timestamp) },
        body,
      });
      return {
        status: res.status,
        headers: Object.fromEntries([...res.headers].filter(([name]) => name !== 'date')),
        body: await res.text(),
      };
    };
    const ours = await answerOf((await serve((e) => e.ack(JSON.stringify(message) as never))).url);
    const bolts = await answerOf((await serve((e) => e.ack(message), false)).url);
    expect(bolts).toMatchObject({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) });
    expect(ours).toEqual(bolts);
  });
});
