import pino, { type Logger } from 'pino';
import { HttpServer } from '../../adapters/http/server.js';
import type { BotFrameworkCloud } from '../../adapters/teams/config.js';
import { createTeams, type TeamsAdapterHandle } from '../../adapters/teams/index.js';
import { createApp } from '../../src/app.js';
import { ManualClock } from '../../src/ports.js';
import { Store } from '../../src/store/store.js';
import { BotConnectorDouble, type ConnectorCall } from '../doubles/bot-connector.js';
import { type TestApp, testApp } from '../support/app.js';

export const BOT = { id: '28:plc-bot', name: 'PLC' };

/** Where an activity happens: a person's 1:1 chat with the bot, a team channel, or a group chat. */
export type Where = { personal: true } | { channel: string; thread?: string } | { group: string };

export interface Person {
  /** A logical name (`ana`): Teams id `29:ana`, Entra object id `aad-ana`, display name `ana`. */
  name: string;
  tenant?: string;
}

/** A whole app with the Teams adapter on loopback, and a Bot Connector double for its replies. */
export interface TeamsHarness {
  app: TestApp;
  teams: TeamsAdapterHandle;
  connector: BotConnectorDouble;
  url: string;
  /** POSTs an activity to /api/messages; resolves with the HTTP status and body. */
  post(activity: object, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

/**
 * Starts the harness; `env` adds to the test app's environment (authentication stays off unless set), `cloud`
 * points botbuilder's identity services at local doubles, and `opts.log` replaces its silent logger.
 */
export async function teamsHarness(
  env: Record<string, string> = {},
  cloud: BotFrameworkCloud = {},
  opts: { log?: Logger; introduce?: boolean } = {},
): Promise<TeamsHarness> {
  const app = testApp({ env: { ADAPTERS: 'teams', ...env }, log: opts.log, introduce: opts.introduce });
  const connector = await BotConnectorDouble.start();
  return serve(
    app,
    connector,
    async () => {
      await connector.close();
      await app.dispose();
    },
    cloud,
  );
}

/**
 * The bot after a restart: a new app with its own connection to the same database file, a new Teams adapter
 * on a new port and nothing carried over in memory, sending to the same connector double. Close it before
 * the first harness, which owns the file and the double.
 */
export async function restartTeams(h: TeamsHarness): Promise<TeamsHarness> {
  const clock = new ManualClock(h.app.clock.now());
  const created = createApp(h.app.config, { clock, store: Store.open(h.app.dbPath), log: pino({ level: 'silent' }) });
  const app: TestApp = Object.assign(created, { clock, dbPath: h.app.dbPath, dispose: () => created.close() });
  return serve(app, h.connector, () => app.close());
}

async function serve(
  app: TestApp,
  connector: BotConnectorDouble,
  release: () => Promise<void>,
  cloud: BotFrameworkCloud = {},
): Promise<TeamsHarness> {
  const http = new HttpServer({ log: app.log, healthy: () => true });
  const teams = createTeams(app, http, cloud);
  const port = await http.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/api/messages`;
  return {
    app,
    teams,
    connector,
    url,
    async post(activity, headers = {}) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      return { status: res.status, body: await res.text() };
    },
    async close() {
      await teams.stop();
      await http.close();
      await release();
    },
  };
}

let seq = 0;
/** A fresh Teams message id (Teams uses millisecond timestamps). */
export const nextId = () => String(1_700_000_000_000 + ++seq);

/** The conversation id Teams uses for a place; a channel message's id carries its thread root. */
export function conversationOf(where: Where, who: Person, messageId: string): { id: string; conversationType: string; isGroup?: boolean } {
  if ('personal' in where) return { id: `a:dm-${who.name}`, conversationType: 'personal' };
  if ('group' in where) return { id: `19:${where.group}@thread.v2`, conversationType: 'groupChat', isGroup: true };
  return { id: `19:${where.channel}@thread.tacv2;messageid=${where.thread ?? messageId}`, conversationType: 'channel', isGroup: true };
}

/** The fields every activity from Teams carries. */
function envelope(serviceUrl: string, who: Person, where: Where, id: string, locale = 'en-US', tz = 'Europe/Berlin') {
  const tenant = who.tenant ?? 'tenant-a';
  const conversation = { ...conversationOf(where, who, id), tenantId: tenant };
  const channel = 'channel' in where ? `19:${where.channel}@thread.tacv2` : undefined;
  return {
    id,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: `29:${who.name}`, name: who.name, aadObjectId: `aad-${who.name}` },
    conversation,
    recipient: BOT,
    locale,
    entities: [{ type: 'clientInfo', locale, country: 'DE', platform: 'Web', timezone: tz }] as object[],
    channelData: channel
      ? {
          teamsChannelId: channel,
          teamsTeamId: `19:team-${tenant}@thread.tacv2`,
          channel: { id: channel },
          team: { id: `19:team-${tenant}@thread.tacv2` },
          tenant: { id: tenant },
        }
      : { tenant: { id: tenant } },
  };
}

/**
 * A message as Teams sends it: in a channel or group chat it starts with the bot's @mention; `@name`
 * in `text` becomes `<at>name</at>` with its mention entity (Teams ids only, as Teams sends them).
 */
export function message(
  serviceUrl: string,
  who: Person,
  where: Where,
  text: string,
  opts: { locale?: string; tz?: string; id?: string } = {},
) {
  const id = opts.id ?? nextId();
  const base = envelope(serviceUrl, who, where, id, opts.locale, opts.tz);
  const mentions: object[] = [];
  let body = text.replace(/(^|\s)@([\w.-]+)/g, (_, before: string, name: string) => {
    mentions.push({ type: 'mention', text: `<at>${name}</at>`, mentioned: { id: `29:${name}`, name } });
    return `${before}<at>${name}</at>`;
  });
  if (!('personal' in where)) {
    body = `<at>${BOT.name}</at> ${body}`;
    mentions.unshift({ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT });
  }
  return { ...base, type: 'message', textFormat: 'plain', text: body, entities: [...mentions, ...base.entities] };
}

/** An Action.Execute press (or form submit) on a card the bot posted, as the invoke Teams sends. */
export function cardAction(serviceUrl: string, who: Person, where: Where, replyToId: string, verb: string, data: object) {
  return {
    ...envelope(serviceUrl, who, where, nextId()),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', id: 'action', verb, data }, trigger: 'manual' },
  };
}

/** The bot installed for a person (personal scope) or added to a team: installationUpdate. */
export function installation(serviceUrl: string, who: Person, where: Where, action: 'add' | 'remove') {
  return { ...envelope(serviceUrl, who, where, `f:${nextId()}`), type: 'installationUpdate', action };
}

/** Members added to a team or chat: conversationUpdate, with Entra object ids as Teams sends them. */
export function membersAdded(serviceUrl: string, who: Person, where: Where, names: string[], includeBot = false) {
  const members = names.map((n) => ({ id: `29:${n}`, aadObjectId: `aad-${n}` }));
  if (includeBot) members.push({ id: BOT.id } as never);
  const base = envelope(serviceUrl, who, where, `f:${nextId()}`);
  return { ...base, type: 'conversationUpdate', membersAdded: members, channelData: { ...base.channelData, eventType: 'teamMemberAdded' } };
}

/** Members removed from a team or chat: conversationUpdate, as Teams sends it when someone leaves or is taken out. */
export function membersRemoved(serviceUrl: string, who: Person, where: Where, names: string[], includeBot = false) {
  const members = names.map((n) => ({ id: `29:${n}`, aadObjectId: `aad-${n}` }));
  if (includeBot) members.push({ id: BOT.id } as never);
  const base = envelope(serviceUrl, who, where, `f:${nextId()}`);
  return {
    ...base,
    type: 'conversationUpdate',
    membersRemoved: members,
    channelData: { ...base.channelData, eventType: 'teamMemberRemoved' },
  };
}

/**
 * A team's General channel, where Teams reports what happens to the whole team (members leaving, the app
 * added or removed): its id is the team's id.
 */
export const GENERAL: Where = { channel: 'team-tenant-a' };

// biome-ignore lint/suspicious/noExplicitAny: cards are walked as plain JSON.
type Json = any;

/** An Adaptive Card (or a text activity) as the plain text a person reads: mentions as @name, escapes removed. */
export function activityText(activity: Json): string {
  const parts: string[] = [];
  if (typeof activity?.text === 'string' && activity.text) parts.push(readable(activity.text));
  for (const a of activity?.attachments ?? []) {
    if (a.contentType === 'application/vnd.microsoft.card.adaptive') parts.push(cardText(a.content));
    else if (a.name) parts.push(`[file] ${a.name}`);
  }
  return parts.join('\n');
}

/** The text of an Adaptive Card, element by element. */
export function cardText(card: Json): string {
  const lines: string[] = [];
  const walk = (el: Json) => {
    switch (el?.type) {
      case 'TextBlock':
        lines.push(readable(el.text));
        break;
      case 'FactSet':
        for (const f of el.facts) lines.push(`${readable(f.title)}: ${readable(f.value)}`);
        break;
      case 'ActionSet':
        for (const a of el.actions) lines.push(`[${a.title}] ${a.tooltip ?? ''}`.trim());
        break;
      case 'Input.Text':
      case 'Input.ChoiceSet':
        lines.push(`${el.label}${el.errorMessage ? ` ! ${el.errorMessage}` : ''}`);
        break;
      default:
        for (const child of el?.items ?? []) walk(child);
    }
  };
  for (const el of card?.body ?? []) walk(el);
  return lines.join('\n');
}

function readable(s: string): string {
  return s
    .replace(/<at>(.*?)<\/at>/g, '@$1')
    .replace(/\\([\\`*_~[\]\-+>#.])/g, '$1')
    .replace(/\u200b/g, '');
}

/** The tables a handled activity writes to. */
const WRITTEN_TABLES = ['workspaces', 'users', 'teams_conversations', 'teams_users', 'teams_activities'] as const;

/** How many rows each table that a handled activity writes to holds. */
export function written(h: TeamsHarness): Record<(typeof WRITTEN_TABLES)[number], number> {
  const count = (table: string) => (h.app.store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return Object.fromEntries(WRITTEN_TABLES.map((t) => [t, count(t)])) as Record<(typeof WRITTEN_TABLES)[number], number>;
}

/** What `written` reads before the bot handled anything. */
export const NOTHING_WRITTEN = Object.fromEntries(WRITTEN_TABLES.map((t) => [t, 0]));

/** The activities the bot posted (not typing indicators) among connector calls. */
export function posted(calls: ConnectorCall[]): ConnectorCall[] {
  return calls.filter((c) => c.kind !== 'createConversation' && c.kind !== 'upload' && c.status < 300 && c.body?.type === 'message');
}
