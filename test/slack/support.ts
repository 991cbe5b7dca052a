import { createHmac } from 'node:crypto';
import pino, { type Logger } from 'pino';
import { HttpServer } from '../../adapters/http/server.js';
import { createSlackAdapter, type SlackAdapter, type SlackAdapterOptions } from '../../adapters/slack/index.js';
import { SlackApiDouble } from '../doubles/slack-api.js';
import { type TestApp, testApp } from '../support/app.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const TEAM = 'T0SCHOOL';
export const ENCRYPTION_KEY = 'a'.repeat(64);

/** Signs a body exactly as Slack does: v0 HMAC-SHA256 of `v0:<timestamp>:<body>`. */
export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface PostOptions {
  /** Seconds since the epoch for x-slack-request-timestamp; now unless given (a stale one is refused). */
  timestamp?: number;
  /** Overrides the signature (a forged one). */
  signature?: string;
  retryNum?: number;
  secret?: string;
}

/** Posts a body to /slack/events signed as Slack signs it; resolves with the HTTP status and body. */
export async function postSigned(
  baseUrl: string,
  body: string,
  contentType: 'application/x-www-form-urlencoded' | 'application/json',
  opts: PostOptions = {},
): Promise<{ status: number; body: string }> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': opts.signature ?? sign(body, timestamp, opts.secret),
  };
  if (opts.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(opts.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const res = await fetch(`${baseUrl}/slack/events`, { method: 'POST', headers, body });
  return { status: res.status, body: await res.text() };
}

/** A slash command as Slack posts it (form-encoded). */
export function slashCommandBody(p: {
  team?: string;
  user: string;
  userName?: string;
  channel: string;
  channelName: string;
  text: string;
  responseUrl: string;
  triggerId?: string;
}): string {
  return new URLSearchParams({
    token: 'verification-token-unused',
    team_id: p.team ?? TEAM,
    team_domain: 'school',
    channel_id: p.channel,
    channel_name: p.channelName,
    user_id: p.user,
    user_name: p.userName ?? p.user.toLowerCase(),
    command: '/plc',
    text: p.text,
    api_app_id: 'A0PLC',
    is_enterprise_install: 'false',
    response_url: p.responseUrl,
    trigger_id: p.triggerId ?? `1337.42.${Math.random().toString(16).slice(2)}`,
  }).toString();
}

/** An interactivity payload as Slack posts it: form-encoded with one `payload` field of JSON. */
export function interactivityBody(payload: object): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A button as Block Kit renders it in an `actions` block, with that block's id. */
export interface BlockButton {
  action_id: string;
  block_id: string;
  text: { type: 'plain_text'; text: string; emoji?: boolean };
  value: string;
  style?: string;
}

/**
 * A `block_actions` payload for one pressed button. `button` is the element pressed, as rendered; `message`
 * is the message it sits on when that is a posted one (Slack sends it), absent for an ephemeral answer. With
 * no channel the press is on the App Home, where Slack sends the whole Home view (`homeBlocks`, what we
 * published) and no response_url.
 */
export function buttonPress(p: {
  team?: string;
  user: string;
  channel: string | null;
  channelName?: string;
  value: string;
  actionTs: string;
  messageTs?: string;
  responseUrl?: string;
  actionId?: string;
  button?: BlockButton;
  message?: { ts: string; text: string; blocks: unknown[] };
  homeBlocks?: unknown[];
}): object {
  const team = p.team ?? TEAM;
  const button = p.button ?? {
    action_id: p.actionId ?? 'plc:0:0',
    block_id: 'plc:0:0',
    text: { type: 'plain_text', text: 'Press', emoji: true },
    value: p.value,
  };
  const messageTs = p.message?.ts ?? p.messageTs ?? '1788000000.000100';
  return {
    type: 'block_actions',
    user: { id: p.user, username: p.user.toLowerCase(), name: p.user.toLowerCase(), team_id: team },
    api_app_id: 'A0PLC',
    token: 'verification-token-unused',
    container: p.channel
      ? { type: 'message', message_ts: messageTs, channel_id: p.channel, is_ephemeral: p.message === undefined }
      : { type: 'view', view_id: 'VHOME' },
    trigger_id: `1337.42.${p.actionTs}`,
    team: { id: team, domain: 'school' },
    enterprise: null,
    is_enterprise_install: false,
    ...(p.channel ? { channel: { id: p.channel, name: p.channelName ?? 'general' } } : { view: homeView(team, p.homeBlocks ?? []) }),
    ...(p.message ? { message: { type: 'message', bot_id: 'BBOT', user: 'UBOT', app_id: 'A0PLC', team, ...p.message } } : {}),
    state: { values: {} },
    ...(p.responseUrl ? { response_url: p.responseUrl } : {}),
    actions: [{ ...button, type: 'button', action_ts: p.actionTs }],
  };
}

/** The App Home view as Slack describes it in a payload from the Home tab. */
function homeView(team: string, blocks: unknown[]): object {
  return {
    id: 'VHOME',
    team_id: team,
    type: 'home',
    blocks,
    private_metadata: '',
    callback_id: '',
    state: { values: {} },
    hash: '1788000000.5f3a9c2e',
    title: { type: 'plain_text', text: 'View Title', emoji: true },
    clear_on_close: false,
    notify_on_close: false,
    close: null,
    submit: null,
    previous_view_id: null,
    root_view_id: 'VHOME',
    app_id: 'A0PLC',
    external_id: '',
    app_installed_team_id: team,
    bot_id: 'BBOT',
  };
}

/** A `view_submission` payload for a modal we opened, with its text inputs filled in. */
export function viewSubmission(p: { team?: string; user: string; modal: Record<string, unknown>; values: Record<string, string> }): object {
  const team = p.team ?? TEAM;
  const state: Record<string, Record<string, { type: string; value: string }>> = {};
  for (const [name, value] of Object.entries(p.values)) state[name] = { [name]: { type: 'plain_text_input', value } };
  return {
    type: 'view_submission',
    team: { id: team, domain: 'school' },
    user: { id: p.user, username: p.user.toLowerCase(), name: p.user.toLowerCase(), team_id: team },
    api_app_id: 'A0PLC',
    token: 'verification-token-unused',
    trigger_id: '1337.42.submit',
    view: { id: 'VMODAL', team_id: team, app_id: 'A0PLC', hash: '1.abc', ...p.modal, state: { values: state } },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

let eventSeq = 0;

/** An Events API `event_callback` envelope (JSON), as Slack sends it. */
export function eventBody(event: Record<string, unknown>, opts: { team?: string; eventId?: string } = {}): string {
  const team = opts.team ?? TEAM;
  return JSON.stringify({
    token: 'verification-token-unused',
    team_id: team,
    api_app_id: 'A0PLC',
    event: { event_ts: '1788000000.000200', ...event },
    type: 'event_callback',
    event_id: opts.eventId ?? `Ev${String(++eventSeq).padStart(8, '0')}`,
    event_time: 1788000000,
    authorizations: [{ enterprise_id: null, team_id: team, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}

/** A whole bot with the Slack adapter on loopback, its Web API answered by the double. */
export interface SlackHarness {
  app: TestApp;
  api: SlackApiDouble;
  adapter: SlackAdapter;
  http: HttpServer;
  baseUrl: string;
  close(): Promise<void>;
}

/** Starts the double, an app on a temp SQLite file, our HTTP server and the adapter (single workspace unless env says OAuth). */
export async function startSlackHarness(
  opts: {
    env?: Record<string, string>;
    adapter?: SlackAdapterOptions;
    api?: SlackApiDouble;
    log?: Logger;
    /** Waits for the bot's identity to be learned (as it is moments after a real start), so call counts start clean. */
    awaitIdentity?: boolean;
    /** The bot introduces itself in its first message to each person (testApp's `introduce`). */
    introduce?: boolean;
    /** Slack's commands run on the command thread, as `npm start` runs them; it is ready before the first request. */
    commandThread?: boolean;
  } = {},
): Promise<SlackHarness> {
  const api = opts.api ?? (await new SlackApiDouble().start());
  const oauth = opts.env?.SLACK_CLIENT_ID !== undefined;
  const app = testApp({
    log: opts.log,
    introduce: opts.introduce,
    commandThread: opts.commandThread ? ['slack'] : undefined,
    env: {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: api.apiUrl,
      ...(oauth ? {} : { SLACK_BOT_TOKEN: 'xoxb-school' }),
      ...opts.env,
    },
  });
  const http = new HttpServer({ log: pino({ level: 'silent' }), healthy: () => true });
  // Tests need no real pacing delay: a virtual clock that moves when the pacer sleeps.
  let virtual = 0;
  const adapter = await createSlackAdapter(app, http, {
    pacing: {
      now: () => virtual,
      sleep: async (ms) => {
        virtual += ms;
      },
    },
    retryConfig: { retries: 3, factor: 1, minTimeout: 10, maxTimeout: 50 },
    ...opts.adapter,
  });
  if (opts.awaitIdentity !== false) await adapter.identity?.learn();
  if (opts.commandThread && !(await app.thread?.ready())) throw new Error('the command thread did not start');
  const port = await http.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    api,
    adapter,
    http,
    baseUrl,
    async close() {
      await http.close();
      await adapter.stop();
      await app.dispose();
      await api.stop();
    },
  };
}

/** The readable text of Block Kit blocks: sections, headers, fields, context and buttons. */
export function blocksText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  const lines: string[] = [];
  for (const b of blocks as Record<string, unknown>[]) {
    const t = b.text as { text?: string } | undefined;
    if (t?.text) lines.push(t.text);
    for (const f of (b.fields as { text: string }[] | undefined) ?? []) lines.push(f.text);
    for (const e of (b.elements as Record<string, unknown>[] | undefined) ?? []) {
      if (typeof e.text === 'string') lines.push(e.text);
      else if (e.type === 'button') lines.push(`[${(e.text as { text: string }).text}] /plc ${String(e.value)}`);
    }
  }
  return lines.join('\n');
}

/** Types `/plc <text>` as `user` in `channel` and waits for everything it caused; returns the Web API calls made. */
export async function typeCommand(
  h: SlackHarness,
  p: { user: string; text: string; channel?: string; channelName?: string; team?: string; triggerId?: string },
): Promise<{ status: number; calls: SlackCallOf[] }> {
  const start = h.api.calls.length;
  const body = slashCommandBody({
    team: p.team,
    user: p.user,
    channel: p.channel ?? 'CGENERAL',
    channelName: p.channelName ?? 'general',
    text: p.text,
    responseUrl: h.api.responseUrl(`${p.user}-${start}`),
    triggerId: p.triggerId,
  });
  const res = await postSigned(h.baseUrl, body, 'application/x-www-form-urlencoded');
  await h.adapter.idle();
  return { status: res.status, calls: [...ackCall(res.body), ...h.api.calls.slice(start)] };
}

/** An answer that rode on the ack (Slack's immediate response), as a pseudo-call named `ack`. */
export function ackCall(body: string): SlackCallOf[] {
  if (!body.startsWith('{')) return [];
  return [{ method: 'ack', token: null, body: JSON.parse(body) as Record<string, unknown>, raw: body, at: performance.now(), status: 200 }];
}

/** Posts a signed interactivity payload or event and waits for what it caused. */
export async function deliverSigned(
  h: SlackHarness,
  body: string,
  contentType: 'application/x-www-form-urlencoded' | 'application/json',
  opts: PostOptions = {},
): Promise<{ status: number; body: string; calls: SlackCallOf[] }> {
  const start = h.api.calls.length;
  const res = await postSigned(h.baseUrl, body, contentType, opts);
  await h.adapter.idle();
  return { ...res, calls: h.api.calls.slice(start) };
}

/** The answers the asker saw (in the ack, response_url posts and ephemeral messages), as text. */
export function askerText(calls: SlackCallOf[]): string {
  return calls
    .filter((c) => c.method === 'ack' || c.method === 'respond' || c.method === 'chat.postEphemeral')
    .map((c) => blocksText(c.body.blocks))
    .join('\n');
}

type SlackCallOf = SlackApiDouble['calls'][number];
