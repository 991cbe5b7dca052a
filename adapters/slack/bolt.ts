import { App as BoltApp, type Logger as BoltLogger, HTTPReceiver, LogLevel, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Logger } from '../../src/log.js';
import { BOT_SCOPES, type SlackMode } from './config.js';
import { SLACK_BODY_LIMIT } from './guard.js';
import { BotIdentity, type IdentityBackoff } from './identity.js';
import type { AfterInstallation, SqliteInstallationStore } from './installation.js';

type WebClientOptions = webApi.WebClientOptions;

/**
 * How the Web API client retries: a 429 is waited out for its Retry-After by the client itself (the
 * request queue pauses), then retried; other failures back off from 200 ms, five times at most.
 */
export const RETRY_POLICY: webApi.RetryOptions = { retries: 5, factor: 2, minTimeout: 200, maxTimeout: 30_000, randomize: true };

/** Bolt's logger interface over our pino logger, so Slack's logs are structured and redacted like ours. */
export function boltLogger(log: Logger): BoltLogger {
  const line = (msg: unknown[]) =>
    msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: (...msg) => log.debug({ component: 'bolt' }, line(msg)),
    info: (...msg) => log.info({ component: 'bolt' }, line(msg)),
    warn: (...msg) => log.warn({ component: 'bolt' }, line(msg)),
    error: (...msg) => log.error({ component: 'bolt' }, line(msg)),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}

export interface BuiltBolt {
  bolt: BoltApp;
  /** The Web API client with the one bot token; in OAuth mode Bolt's own, tokenless (each team has its own). */
  client: webApi.WebClient;
  /** The bot's identity with its one bot token, learned in the background; null in OAuth mode (installations hold it). */
  identity: BotIdentity | null;
  /** Bolt's HTTP receiver, whose request listener serves our routes behind the guard; null in Socket Mode. */
  receiver: HTTPReceiver | null;
  /** In Socket Mode, the client holding the WebSocket: stopping waits for its `disconnected`. Null over HTTP. */
  socket: SocketModeClient | null;
}

/** The Socket Mode client type, as Bolt's receiver exposes it (the package itself is Bolt's dependency, not ours). */
export type SocketModeClient = SocketModeReceiver['client'];

/**
 * Builds the Bolt app for the mode. Over HTTP the receiver is never started: its `requestListener`
 * serves routes of our own server, so Bolt opens no port of its own. Nothing here reaches Slack, so the
 * bot starts while Slack is out of reach; the identity starts learning only when `identity.learn()` is called.
 */
export async function buildBolt(
  mode: SlackMode,
  opts: {
    log: Logger;
    slackApiUrl?: string;
    retryConfig?: webApi.RetryOptions;
    installations: SqliteInstallationStore | null;
    identityBackoff?: IdentityBackoff;
    /** OAuth only: decides, once Slack has answered the redirect, whether the install goes ahead. */
    afterInstallation?: AfterInstallation;
  },
): Promise<BuiltBolt> {
  const logger = boltLogger(opts.log);
  const clientOptions: WebClientOptions = {
    ...(opts.slackApiUrl ? { slackApiUrl: opts.slackApiUrl } : {}),
    retryConfig: opts.retryConfig ?? RETRY_POLICY,
    logger,
  };
  const common = { logger, clientOptions, deferInitialization: true, convoStore: false as const };
  const single = mode.kind === 'oauth' ? null : singleToken(mode.botToken, clientOptions, opts.log, opts.identityBackoff);
  const authorize = single?.authorize;
  if (mode.kind === 'socket') {
    // Built here rather than by Bolt (which keeps its receiver private) so that stop can reach the client.
    // It gets what Bolt would give it: the app-level token, our logger, and the Web API options for
    // apps.connections.open.
    const socketReceiver = new SocketModeReceiver({ appToken: mode.appToken, logger, installerOptions: { clientOptions } });
    const bolt = new BoltApp({ ...common, authorize, receiver: socketReceiver, socketMode: true });
    await bolt.init();
    return {
      bolt,
      client: single?.client ?? bolt.client,
      identity: single?.identity ?? null,
      receiver: null,
      socket: socketReceiver.client,
    };
  }
  const oauth =
    mode.kind === 'oauth'
      ? {
          clientId: mode.clientId,
          clientSecret: mode.clientSecret,
          stateSecret: mode.stateSecret,
          scopes: BOT_SCOPES,
          redirectUri: `${mode.publicUrl.replace(/\/$/, '')}/slack/oauth_redirect`,
          installationStore: opts.installations ?? undefined,
          installerOptions: {
            clientOptions,
            directInstall: false,
            redirectUriPath: '/slack/oauth_redirect',
            callbackOptions: { afterInstallation: opts.afterInstallation },
          },
        }
      : undefined;
  // Every request reaches this receiver through the guard (guard.ts), which has checked the timestamp and the
  // signature on the very bytes Bolt reads, and refused replays: Bolt checking them again (tsscmp, three HMACs and
  // random bytes) cost more than a fifth of a bare Bolt app's whole request on bench:slack's machine.
  const receiver = new HTTPReceiver({
    signingSecret: mode.signingSecret,
    signatureVerification: false,
    logger,
    endpoints: '/slack/events',
    bodyLimit: SLACK_BODY_LIMIT,
    ...oauth,
  });
  const bolt = new BoltApp({ ...common, receiver, authorize });
  await bolt.init();
  return { bolt, client: single?.client ?? bolt.client, identity: single?.identity ?? null, receiver, socket: null };
}

/** How long one `auth.test` may take before the attempt counts as failed and the backoff takes over. */
const AUTH_TEST_TIMEOUT_MS = 10_000;

/**
 * What one bot token gives Bolt: a client with the token, and an authorize that answers from the token and
 * whatever the identity has learned so far. Bolt given the token itself would call `auth.test` before
 * serving anything, or on every request with token verification off.
 */
function singleToken(botToken: string, clientOptions: WebClientOptions, log: Logger, backoff?: IdentityBackoff) {
  const client = new webApi.WebClient(botToken, clientOptions);
  const probe = new webApi.WebClient(botToken, { ...clientOptions, retryConfig: { retries: 0 }, timeout: AUTH_TEST_TIMEOUT_MS });
  const identity = new BotIdentity({ authTest: () => probe.auth.test(), log, backoff });
  const authorize = async () => ({ botToken, botUserId: identity.current?.botUserId, botId: identity.current?.botId });
  return { client, identity, authorize };
}
