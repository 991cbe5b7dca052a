import { Application } from '@microsoft/teams-ai';
import { ActivityTypes, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { App } from '../../src/app.js';
import type { HttpServer } from '../http/server.js';
import { type BotFrameworkCloud, botFrameworkSettings, serviceUrlHosts, teamsAuth } from './config.js';
import { TeamsConversations } from './conversations.js';
import { TeamsEdgeAdapter } from './edge.js';
import { TeamsFiles } from './files.js';
import { bridge } from './http.js';
import { teamsMigrations } from './migrations/index.js';
import { teamsPersonalData } from './personal-data.js';
import { registerRoutes } from './routes.js';
import { TeamsMessenger } from './send.js';
import { admit, refuseOutsider, type TurnDeps, tenantAllowed } from './turn.js';

/** The running Teams adapter: its messenger and file sender (tests use them), and how to stop it. */
export interface TeamsAdapterHandle {
  messenger: TeamsMessenger;
  files: TeamsFiles;
  stop(): Promise<void>;
}

/**
 * Builds the Teams adapter: teams-ai's Application on botbuilder's Teams CloudAdapter, at POST /api/messages.
 * `cloud` moves botbuilder's identity services to local doubles (tests only).
 */
export function createTeams(app: App, http: HttpServer, cloud: BotFrameworkCloud = {}): TeamsAdapterHandle {
  app.store.migrate(teamsMigrations);
  app.holdsPersonalData(teamsPersonalData);
  const auth = teamsAuth(app.config);
  if (auth.kind === 'none') {
    app.log.warn(
      { adapter: 'teams' },
      'TEAMS AUTHENTICATION IS OFF: MICROSOFT_APP_ID is not set, so /api/messages accepts requests from anyone. ' +
        'Use this only with the Bot Framework Emulator or the Microsoft 365 Agents Playground, never on a public address.',
    );
  }
  const known = new TeamsConversations(app.store);
  const adapter = new TeamsEdgeAdapter(
    botFrameworkSettings(auth, cloud) as ConfigurationBotFrameworkAuthenticationOptions,
    cloud.credentials,
    { authenticated: auth.kind !== 'none', serviceUrlHosts: serviceUrlHosts(app.config), ownerOf: (id) => known.ownerOf(id) },
    app.log,
  );
  const botAppId = auth.kind === 'none' ? '' : auth.appId;
  const messenger = new TeamsMessenger({ adapter, botAppId, known, clock: app.clock, log: app.log });
  const files = new TeamsFiles({ db: app.store.db, messenger, known, clock: app.clock, log: app.log });
  messenger.offersFilesWith(files);
  const deps: TurnDeps = { app, known, messenger };
  // The core answers at once, so Teams' typing indicator would only add a request per message.
  const teams = new Application({ adapter, botAppId, removeRecipientMention: false, startTypingTimer: false });
  teams.error(async (ctx, err) => {
    app.log.error({ err, activity: ctx.activity.type }, 'teams turn failed');
  });
  registerRoutes(teams, deps, files);
  app.messenger.register('teams', messenger);

  http.route('POST', '/api/messages', async (req, res) => {
    const bridged = await bridge(req, res);
    if (!bridged) return;
    await app.track(
      adapter.process(bridged.request, bridged.response, async (ctx) => {
        if (!tenantAllowed(ctx, deps)) return refuseOutsider(ctx, deps);
        if (admit(ctx, deps)) {
          await teams.run(ctx);
          return;
        }
        // A redelivered invoke still needs an answer, or Teams shows the action as failed.
        if (ctx.activity.type === ActivityTypes.Invoke)
          await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
      }),
    );
  });
  return { messenger, files, stop: async () => {} };
}

/** Starts the Teams adapter on the shared HTTP server; resolves with what stops it. */
export async function startTeams(app: App, http: HttpServer): Promise<() => Promise<void>> {
  const handle = createTeams(app, http);
  app.log.info({ adapter: 'teams', path: '/api/messages' }, 'teams adapter ready');
  return handle.stop;
}
