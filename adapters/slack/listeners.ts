import type { AllMiddlewareArgs, App as BoltApp, SlackCommandMiddlewareArgs, webApi } from '@slack/bolt';
import type { App } from '../../src/app.js';
import { type Locale, localeFor } from '../../src/i18n/locales.js';
import { translator } from '../../src/i18n/translate.js';
import { text, view } from '../../src/views/build.js';
import type { View } from '../../src/views/view.js';
import type { ClickGuard, EventLedger } from './dedupe.js';
import { report, slackPerson, slackWorkspace } from './events.js';
import type { BotIdentity } from './identity.js';
import { ACTION_PREFIX, FORM_CALLBACK, SAVE_SHORTCUT } from './ids.js';
import type { SqliteInstallationStore } from './installation.js';
import { slackT } from './messages.js';
import { payloadProblem } from './payload.js';
import type { ProfileCache } from './profiles.js';
import { formValues, type SlackRequest } from './receive.js';
import { renderHome, renderMessage, type SlackMessage } from './render.js';
import { respondTo } from './respond.js';
import { decodeMeta, type Reply, type SlackRunner } from './run.js';
import type { SlackMessenger } from './send.js';

type WebClient = webApi.WebClient;

export interface ListenerDeps {
  app: App;
  runner: SlackRunner;
  messenger: SlackMessenger;
  profiles: ProfileCache;
  ledger: EventLedger;
  clicks: ClickGuard;
  installations: SqliteInstallationStore | null;
  /** The bot's identity with a single bot token (null in OAuth mode, where Bolt's context carries it). */
  identity: BotIdentity | null;
  /** Runs work after the ack, so Slack gets its answer at once; shutdown and tests wait for it. */
  later(work: () => Promise<void>): void;
  /** Drops the cached Web API client of a team whose tokens are gone. */
  forgetTeam(teamId: string): void;
  /**
   * Over HTTP an ack may be a message's JSON text, serialized once for all who get it: the guard has set the
   * response's type to JSON, and Bolt sends a string as it is. Socket Mode wants the object.
   */
  acksAsText: boolean;
}

/** Every Slack route of the bot, declared in one place. */
export function registerListeners(bolt: BoltApp, deps: ListenerDeps): void {
  const { app, runner, messenger, profiles } = deps;

  // Bolt runs the matchers of every listener for every request, ten chains of promises and argument
  // copies; slash commands, the busiest route by far, are answered here and skip them (no other listener
  // takes a command). A retried Events API delivery (x-slack-retry-num) carries the same event_id: process it once.
  // Over HTTP the guard has refused a payload with nobody's name on it; in Socket Mode this is the edge.
  bolt.use(async (args) => {
    const problem = payloadProblem(args.body);
    if (problem) {
      app.log.warn({ reason: problem }, 'slack request refused');
      if ('ack' in args && typeof args.ack === 'function') await args.ack();
      return;
    }
    const eventId = (args.body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !deps.ledger.firstSeen(eventId, app.clock.now().getTime())) return;
    if ('command' in args && args.command?.command === '/plc') return slashCommand(deps, args);
    await args.next();
  });

  bolt.action({ action_id: new RegExp(`^${ACTION_PREFIX}`) }, async ({ ack, body, action, client }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button' || !('action_id' in action) || !action.value) return;
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const where = body.container?.message_ts ?? body.container?.view_id ?? '';
    if (!deps.clicks.accept(`${teamId}:${body.user.id}:${where}:${action.action_id}:${action.value}`, action.action_ts)) return;
    const channelId = body.channel?.id ?? null;
    const req: SlackRequest = {
      teamId,
      userId: body.user.id,
      userName: body.user.username ?? body.user.name ?? null,
      channelId,
      channelName: body.channel?.name ?? null,
      text: action.value,
    };
    const responseUrl = body.response_url;
    const reply: Reply = responseUrl
      ? (v) => respondTo(responseUrl, { response_type: 'ephemeral', replace_original: false, ...renderMessage(v) })
      : personalReply(messenger, teamId, channelId, body.user.id);
    // A button on the App Home changes what the Home shows (a community joined): show it fresh, in place.
    const onHome = body.container?.type === 'view' && body.view?.type === 'home';
    deps.later(async () => {
      await runner.run(req, client, reply, body.trigger_id);
      if (onHome) await publishHome(runner, client, teamId, body.user.id);
    });
  });

  bolt.view(FORM_CALLBACK, async ({ ack, body, view: modal, client }) => {
    const meta = decodeMeta(modal.private_metadata);
    if (!meta) return ack();
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const req = { teamId, userId: body.user.id, userName: body.user.name ?? null };
    // The modal waits for our answer, so the command runs before the ack; bot.handle is synchronous and quick.
    const outcome = await runner.submit(meta, formValues(modal.state.values as never), req, client);
    if ('errors' in outcome) return ack({ response_action: 'errors', errors: outcome.errors });
    await ack();
    deps.later(() => runner.send(outcome.handled, personalReply(messenger, teamId, meta.channelId, body.user.id)));
  });

  bolt.shortcut(SAVE_SHORTCUT, async ({ ack, shortcut, client }) => {
    await ack();
    const teamId = shortcut.team?.id ?? shortcut.user.team_id ?? '';
    deps.later(async () => {
      const i18n = translator(await personLocale(deps, client, teamId, shortcut.user.id));
      const answer = view(i18n.locale, [text(slackT(i18n.locale, 'slack.libraryLater'))]);
      if ('response_url' in shortcut) await respondTo(shortcut.response_url, { response_type: 'ephemeral', ...renderMessage(answer) });
    });
  });

  bolt.event('app_home_opened', async ({ event, client, context }) => {
    if (event.tab !== 'home') return;
    const teamId = context.teamId ?? '';
    deps.later(() => publishHome(runner, client, teamId, event.user));
  });

  bolt.event('member_joined_channel', async ({ event, client, context }) => {
    const teamId = context.teamId ?? event.team;
    if (event.user === context.botUserId) return;
    deps.later(async () => {
      // Slack was out of reach so far: this is the first need of the bot's identity, so ask now.
      if (!context.botUserId && (await deps.identity?.learn())?.botUserId === event.user) return;
      const person = await slackPerson(profiles, client, teamId, event.user);
      await report(deps, { kind: 'joinedChannel', workspace: slackWorkspace(teamId), person, channel: event.channel }, (v) =>
        messenger.ephemeral(teamId, event.channel, event.user, v),
      );
    });
  });

  bolt.event('member_left_channel', async ({ event, context }) => {
    const teamId = context.teamId ?? event.team;
    deps.later(() =>
      report(deps, { kind: 'left', workspace: slackWorkspace(teamId), person: { externalId: event.user }, channel: event.channel }),
    );
  });

  bolt.event('user_change', async ({ event, context }) => {
    const teamId = context.teamId ?? event.user.team_id ?? '';
    profiles.forget(teamId, event.user.id);
    // Slack sends the whole profile on every change; `deleted` is whether the account is deactivated.
    const kind = event.user.deleted === true ? 'deactivated' : 'reactivated';
    deps.later(() => report(deps, { kind, workspace: slackWorkspace(teamId), person: { externalId: event.user.id } }));
  });

  const uninstall = async ({ context, body }: { context: { teamId?: string }; body: { team_id?: string } }) => {
    const teamId = context.teamId ?? body.team_id ?? '';
    deps.installations?.removeTeam(teamId);
    deps.forgetTeam(teamId);
    app.log.info({ team: teamId }, 'slack tokens removed');
  };
  bolt.event('app_uninstalled', uninstall);
  bolt.event('tokens_revoked', uninstall);

  bolt.error(async (error) => {
    app.log.error({ err: error }, 'slack request failed');
  });
}

/**
 * `/plc <command>`. Known people get their answer in the ack itself (Slack's immediate response): the
 * core answers in well under a millisecond, and it saves a response_url round trip. Anything more goes after the ack.
 */
async function slashCommand(deps: ListenerDeps, { command, ack, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
  const { app, runner } = deps;
  const req: SlackRequest = {
    teamId: command.team_id,
    teamName: command.team_domain,
    userId: command.user_id,
    userName: command.user_name,
    channelId: command.channel_id,
    channelName: command.channel_name,
    text: command.text,
  };
  let now: ReturnType<SlackRunner['handleNow']>;
  try {
    now = runner.handleNow(req);
  } catch (err) {
    // A store failure must not cost the ack; the command is tried again after it, the slow way.
    app.log.warn({ err }, 'slash command could not be answered in the ack');
  }
  if (!now) {
    await ack();
    deps.later(() => runner.run(req, client, replyTo(command.response_url), command.trigger_id));
    return;
  }
  await ack(now.first ? (deps.acksAsText ? ephemeralJson(now.first) : ephemeral(now.first)) : undefined);
  const rest = now.handled;
  if (rest.deliveries.length)
    deps.later(() => runner.send(rest, replyTo(command.response_url), { client, req, triggerId: command.trigger_id }));
}

/** Publishes a person's App Home: what `home` answers them, as one Home tab. */
async function publishHome(runner: SlackRunner, client: WebClient, teamId: string, userId: string): Promise<void> {
  const handled = await runner.handle({ teamId, userId, channelId: null, text: 'home' }, client);
  const views = handled.deliveries.flatMap((d) => (d.to === 'asker' ? [d.view] : []));
  const first = views[0];
  if (!first) return;
  await client.views.publish({ user_id: userId, view: renderHome({ ...first, blocks: views.flatMap((v) => v.blocks) }) });
}

/** Answers the asker through a command's response_url, ephemeral. */
function replyTo(responseUrl: string): Reply {
  return (v) => respondTo(responseUrl, ephemeral(v));
}

/** A view as an ephemeral answer; built once per view, as views are immutable and some (help) are shared. */
function ephemeral(v: View): EphemeralMessage {
  let message = ephemeralMessages.get(v);
  if (!message) {
    message = { response_type: 'ephemeral', ...renderMessage(v) };
    ephemeralMessages.set(v, message);
  }
  return message;
}

type EphemeralMessage = SlackMessage & { response_type: 'ephemeral' };
const ephemeralMessages = new WeakMap<View, EphemeralMessage>();

/** The JSON of `ephemeral(v)`, kept too: acking a shared view (help) would otherwise serialize it for every request. */
function ephemeralJson(v: View): string {
  let json = ephemeralJsons.get(v);
  if (json === undefined) {
    json = JSON.stringify(ephemeral(v));
    ephemeralJsons.set(v, json);
  }
  return json;
}
const ephemeralJsons = new WeakMap<View, string>();

/** Answers outside a response_url: ephemeral in the channel, else in the person's DM with the bot. */
function personalReply(messenger: SlackMessenger, teamId: string, channelId: string | null, userId: string): Reply {
  return async (v: View) => {
    if (channelId && !channelId.startsWith('D')) await messenger.ephemeral(teamId, channelId, userId, v);
    else await messenger.send({ platform: 'slack', externalId: teamId }, { kind: 'user', user: userId }, v);
  };
}

/** The language to speak with a person outside a command: their choice, else Slack's locale, else the community's. */
async function personLocale(deps: ListenerDeps, client: WebClient, teamId: string, userId: string, community?: { locale: Locale }) {
  const { store } = deps.app;
  const ws = store.workspaces.find('slack', teamId);
  const stored = ws ? store.users.findByExternal(ws.id, userId) : null;
  const profile = await deps.profiles.get(client, teamId, userId);
  return localeFor({ lang: stored?.lang ?? null, platformLocale: profile?.locale ?? stored?.platformLocale ?? null }, community ?? null);
}
