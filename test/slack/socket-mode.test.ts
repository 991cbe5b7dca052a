import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { SlackApiDouble } from '../doubles/slack-api.js';
import { SlackSocketDouble, type SocketAck, type SocketEnvelope } from '../doubles/slack-socket.js';
import { ackCall, askerText, type SlackHarness, slashCommandBody, startSlackHarness } from './support.js';

const APP_TOKEN = 'xapp-1-A0PLC-1-socketsecret';

describe('Slack in Socket Mode', () => {
  let socket: SlackSocketDouble;
  let h: SlackHarness;
  let seq = 0;

  beforeAll(async () => {
    socket = await new SlackSocketDouble().start();
    const api = await new SlackApiDouble().start();
    api.socketUrl = socket.url;
    // Resolves once Bolt's SocketModeClient is connected and has had Slack's `hello`.
    h = await startSlackHarness({ api, env: { SLACK_APP_TOKEN: APP_TOKEN, ADAPTERS: 'slack' } });
    h.api.users.set('UCARLA', { name: 'carla', locale: 'en-US', tz: 'Europe/Amsterdam' });
  });
  afterAll(async () => {
    await h?.close();
    await socket?.stop();
  });

  /** Sends `/plc <text>` as a `slash_commands` envelope, as Slack does in Socket Mode, and waits for all it caused. */
  async function slash(user: string, text: string): Promise<{ envelopeId: string; ack: SocketAck; seen: string; methods: string[] }> {
    const start = h.api.calls.length;
    const envelopeId = `5a1e0c2b-0000-4000-8000-${String(++seq).padStart(12, '0')}`;
    const payload = Object.fromEntries(
      new URLSearchParams(
        slashCommandBody({ user, channel: 'CGENERAL', channelName: 'general', text, responseUrl: h.api.responseUrl(envelopeId) }),
      ),
    );
    const envelope: SocketEnvelope = { envelope_id: envelopeId, type: 'slash_commands', payload, accepts_response_payload: true };
    const ack = await socket.send(envelope);
    await h.adapter.idle();
    const calls = [...ackCall(JSON.stringify(ack.payload ?? {})), ...h.api.calls.slice(start)];
    return { envelopeId, ack, seen: askerText(calls), methods: h.api.calls.slice(start).map((c) => c.method) };
  }

  it('opens the connection with the app-level token at the URL apps.connections.open answers', () => {
    const opens = h.api.of('apps.connections.open');
    expect(opens).toHaveLength(1);
    expect(opens[0]?.token).toBe(APP_TOKEN);
    expect(socket.connections).toHaveLength(1);
  });

  it('acknowledges a newcomer’s /plc help over the socket, and they see the help', async () => {
    const { envelopeId, ack, seen } = await slash('UCARLA', 'help');
    expect(ack.envelope_id).toBe(envelopeId);
    // Either in the ack's payload (Slack's immediate response) or posted to the response_url afterwards.
    expect(seen).toContain('What I can do');
  });

  it('answers someone it knows in the ack payload itself, ephemerally, with nothing posted to the response_url', async () => {
    const { envelopeId, ack, seen, methods } = await slash('UCARLA', 'help');
    expect(ack.envelope_id).toBe(envelopeId);
    expect(ack.payload?.response_type).toBe('ephemeral');
    expect(seen).toContain('What I can do');
    expect(methods).not.toContain('respond');
  });

  it('acknowledges a slash command that names no person, and runs nothing', async () => {
    const { envelopeId, ack, methods } = await slash('', 'help');
    expect(ack.envelope_id).toBe(envelopeId);
    expect(ack.payload ?? {}).toEqual({});
    expect(methods).toEqual([]);
  });

  it('still serves /healthz on the shared HTTP server, and no /slack/events route', async () => {
    const health = await fetch(`${h.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    await health.arrayBuffer();
    const events = await fetch(`${h.baseUrl}/slack/events`, { method: 'POST', body: '{}' });
    expect(events.status).toBe(404);
    await events.arrayBuffer();
  });

  it('has closed the socket normally by the time stop resolves, and does not reconnect', async () => {
    const connection = socket.current;
    expect(connection).toBeDefined();
    await h.adapter.stop();
    // Read at once, with nothing awaited: stop itself waited until the app's WebSocket was closed, so the
    // double has already had the close frame and answered it (its own end may still be seeing the TCP close).
    expect([WebSocket.CLOSING, WebSocket.CLOSED]).toContain(connection?.socket.readyState);
    expect(await connection?.closed).toBe(1000);
    expect(socket.connections).toHaveLength(1);
    expect(h.api.of('apps.connections.open')).toHaveLength(1);
  });
});
