import { type App as BoltApp, webApi } from '@slack/bolt';
import type { App } from '../../src/app.js';
import type { HttpServer } from '../http/server.js';
import { buildBolt, RETRY_POLICY, type SocketModeClient } from './bolt.js';
import { slackMode, teamsAllowed } from './config.js';
import { ClickGuard, EventLedger, RequestLedger } from './dedupe.js';
import { SlackAdapterError, SlackErrorCode } from './errors.js';
import { reportInstall } from './events.js';
import { slackGuard } from './guard.js';
import type { BotIdentity, IdentityBackoff } from './identity.js';
import { refuseOutsiders, SqliteInstallationStore } from './installation.js';
import { registerListeners } from './listeners.js';
import { slackMigrations } from './migrations/index.js';
import { ChannelPacer, type PacingOptions } from './pacing.js';
import { slackPersonalData } from './personal-data.js';
import { ProfileCache } from './profiles.js';
import { SlackRunner } from './run.js';
import { SlackMessenger } from './send.js';

export interface SlackAdapterOptions {
  /** Per-channel pacing (tests run it on a virtual clock). */
  pacing?: Partial<PacingOptions>;
  /** The Web API retry policy (tests shorten the back-off). */
  retryConfig?: webApi.RetryOptions;
  /** How often to try again to learn the bot's identity while Slack does not answer (tests shorten it). */
  identityBackoff?: IdentityBackoff;
}

/** The running adapter: what tests, the driver and the benchmark reach into. */
export interface SlackAdapter {
  bolt: BoltApp;
  messenger: SlackMessenger;
  installations: SqliteInstallationStore | null;
  /** The bot's own identity with a single bot token; null in OAuth mode, where each installation holds it. */
  identity: BotIdentity | null;
  /** People's Slack profiles (locale, time zone), cached. */
  profiles: ProfileCache;
  /** Resolves when every piece of work started after an ack has finished. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds the Slack adapter: Bolt on our HTTP server (or Socket Mode), the messenger, and every listener. */
export async function createSlackAdapter(app: App, http: HttpServer, options: SlackAdapterOptions = {}): Promise<SlackAdapter> {
  app.store.migrate(slackMigrations);
  app.holdsPersonalData(slackPersonalData);
  const mode = slackMode(app.config);
  const now = () => app.clock.now().getTime();
  const pending = new Set<Promise<void>>();
  const later = (work: () => Promise<void>) => {
    const p = app.track(
      Promise.resolve()
        .then(work)
        .catch((err: unknown) => app.log.error({ err }, 'slack work after ack failed')),
    );
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

  let messenger: SlackMessenger | null = null;
  const profiles = new ProfileCache();
  const installations =
    mode.kind === 'oauth'
      ? new SqliteInstallationStore(app.store.db, mode.encryptionKey, now, (installation) => {
          const teamId = installation.team?.id;
          if (teamId && messenger) {
            const deps = { app, messenger, profiles };
            later(async () => reportInstall(deps, await clientFor(teamId), installation));
          }
        })
      : null;
  const retryConfig = options.retryConfig ?? RETRY_POLICY;
  const {
    bolt,
    client: botClient,
    identity,
    receiver,
    socket,
  } = await buildBolt(mode, {
    log: app.log,
    slackApiUrl: app.config.SLACK_API_URL,
    retryConfig,
    installations,
    identityBackoff: options.identityBackoff,
    afterInstallation: refuseOutsiders((team, enterprise) => teamsAllowed(app.config, team ? [team] : [], enterprise), {
      log: app.log,
      slackApiUrl: app.config.SLACK_API_URL,
    }),
  });

  const clients = new Map<string, webApi.WebClient>();
  const clientFor = async (teamId: string): Promise<webApi.WebClient> => {
    if (!installations) return botClient;
    const cached = clients.get(teamId);
    if (cached) return cached;
    const token = installations.find({ teamId })?.bot?.token;
    if (!token) throw new SlackAdapterError(SlackErrorCode.NotInstalled, `the app is not installed in ${teamId}`);
    const client = new webApi.WebClient(token, { slackApiUrl: app.config.SLACK_API_URL, retryConfig, teamId });
    // Slack's 429s, which the client waits out before it retries.
    client.on(webApi.WebClientEvent.RATE_LIMITED, (seconds: number) => app.metrics.rateLimitWait('slack', seconds * 1000));
    clients.set(teamId, client);
    return client;
  };
  messenger = new SlackMessenger({
    clientFor,
    isDeactivated: (teamId, userId) => {
      const ws = app.store.workspaces.find('slack', teamId);
      return (ws ? app.store.users.findByExternal(ws.id, userId)?.deactivatedAt : null) != null;
    },
    pacer: new ChannelPacer({ ...options.pacing, onWait: (ms) => app.metrics.rateLimitWait('slack', ms) }),
    log: app.log,
  });
  app.messenger.register('slack', messenger);

  const runner = new SlackRunner({ app, messenger, profiles });
  registerListeners(bolt, {
    app,
    runner,
    messenger,
    profiles,
    ledger: new EventLedger(app.store.db),
    clicks: new ClickGuard(),
    installations,
    identity,
    later,
    forgetTeam: (teamId) => clients.delete(teamId),
    acksAsText: mode.kind !== 'socket',
  });

  if (identity) {
    http.report('slack', () => identity.status);
    // Not awaited: the bot serves while Slack is out of reach, but a refused token is still logged within moments.
    void identity.learn();
  }

  if (receiver && mode.kind !== 'socket') {
    const guarded = slackGuard({ signingSecret: mode.signingSecret, receiver, seen: new RequestLedger(), log: app.log });
    http.route('POST', '/slack/events', guarded);
    if (mode.kind === 'oauth') {
      http.route('GET', '/slack/install', guarded);
      http.route('GET', '/slack/oauth_redirect', guarded);
    }
  } else {
    await bolt.start();
  }
  app.log.info({ mode: mode.kind }, 'slack adapter started');

  const idle = async () => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  };
  return {
    bolt,
    messenger,
    installations,
    identity,
    profiles,
    idle,
    async stop() {
      await identity?.stop();
      if (socket) await stopSocket(bolt, socket, app);
      await idle();
    },
  };
}

/** How long stopping waits for the Socket Mode WebSocket to finish closing; past it, shutdown goes on without it. */
const SOCKET_CLOSE_MS = 5_000;

/**
 * Stops Bolt in Socket Mode and waits for the WebSocket to be closed. Bolt's stop only asks the client to
 * disconnect and resolves at once, so without this the process could exit (or the test move on) mid-handshake.
 */
async function stopSocket(bolt: BoltApp, socket: SocketModeClient, app: App): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let done: () => void = () => {};
  // Listening before stopping: a client that was never connected reports `disconnected` synchronously.
  const closed = new Promise<boolean>((resolve) => {
    done = () => resolve(true);
    socket.once('disconnected', done);
    timer = setTimeout(() => resolve(false), SOCKET_CLOSE_MS);
    timer.unref();
  });
  try {
    await bolt.stop();
    if (!(await closed)) app.log.warn({ waitedMs: SOCKET_CLOSE_MS }, 'slack socket mode connection did not close in time');
  } finally {
    clearTimeout(timer);
    socket.off('disconnected', done);
  }
}

/** Starts the Slack adapter on the shared HTTP server; resolves with what stops it. */
export async function startSlack(app: App, http: HttpServer): Promise<() => Promise<void>> {
  const adapter = await createSlackAdapter(app, http);
  return () => adapter.stop();
}
