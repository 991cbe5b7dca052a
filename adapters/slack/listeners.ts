import {
  type AllMiddlewareArgs,
  type AnyMiddlewareArgs,
  type App as BoltApp,
  ErrorCode,
  isCodedError,
  type SlackCommandMiddlewareArgs,
  type webApi,
} from '@slack/bolt';
import type { App } from '../../src/app.js';
import { text, view } from '../../src/views/build.js';
import type { View } from '../../src/views/view.js';
import { teamsAllowed } from './config.js';
import type { ClickGuard, EventLedger } from './dedupe.js';
import { report, slackPerson, slackWorkspace } from './events.js';
import type { BotIdentity } from './identity.js';
import { ACTION_PREFIX, FORM_CALLBACK, SAVE_SHORTCUT } from './ids.js';
import type { SqliteInstallationStore } from './installation.js';
import { checkMentions } from './mentions.js';
import { slackT } from './messages.js';
import { payloadProblem } from './payload.js';
import type { ProfileCache } from './profiles.js';
import { formValues, fromSlackText, fromSlashCommand, responseUrlOf, type SlackRequest, textField } from './receive.js';
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

  // First of all, before anything is read or stored: a workspace outside SLACK_ALLOWED_TEAMS gets a short refusal.
  // Without a list there is nothing to check, and every request is spared the step.
  if (app.config.SLACK_ALLOWED_TEAMS) {
    bolt.use(async (args) => {
      const { teams, enterprise } = requestTeams(args.body as LooseBody, args.context);
      if (teamsAllowed(app.config, teams, enterprise)) return args.next();
      app.log.info({ teams, enterprise }, 'slack request from a workspace not in SLACK_ALLOWED_TEAMS refused');
      await refuseOutsider(deps, args);
    });
  }

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
    // A slash command that got through slashCommand was acked on every path: acking it again would only build a
    // ReceiverMultipleAckError (a stack trace each) to be caught.
    let acked = false;
    try {
      if ('command' in args && args.command?.command === '/plc') {
        await slashCommand(deps, args);
        acked = true;
        return;
      }
      await args.next();
    } finally {
      // A request no listener answered (a button or modal not ours, a command we do not have, a listener that
      // failed before its ack) is answered now: Bolt would answer 404 only after three seconds, and Slack
      // shows the person an error meanwhile. Events are acked by Bolt before any middleware.
      if (!acked && 'ack' in args && typeof args.ack === 'function') await ackUnanswered(args.ack as () => Promise<void>);
    }
  });

  bolt.action({ action_id: new RegExp(`^${ACTION_PREFIX}`) }, async ({ ack, body, action, client }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button' || !('action_id' in action)) return;
    // Every field is read as text: a signed body is Slack's, but its shape is checked, not trusted.
    const userId = textField(body.user?.id);
    const teamId = textField(body.team?.id) ?? textField(body.user?.team_id);
    const value = textField(action.value);
    if (!userId || !teamId || !value) return;
    const where = textField(body.container?.message_ts) ?? textField(body.container?.view_id) ?? '';
    if (!deps.clicks.accept(`${teamId}:${userId}:${where}:${action.action_id}:${value}`, textField(action.action_ts) ?? '')) return;
    const channelId = textField(body.channel?.id);
    const req: SlackRequest = {
      teamId,
      userId,
      userName: textField(body.user.username) ?? textField(body.user.name),
      channelId,
      channelName: textField(body.channel?.name),
      text: value,
    };
    const responseUrl = responseUrlOf(body.response_url);
    const reply: Reply = responseUrl
      ? (v) => respondTo(responseUrl, { response_type: 'ephemeral', replace_original: false, ...renderMessage(v) })
      : personalReply(messenger, teamId, channelId, userId);
    // A button on the App Home changes what the Home shows (a community joined): show it fresh, in place.
    const onHome = body.container?.type === 'view' && body.view?.type === 'home';
    const triggerId = textField(body.trigger_id) ?? undefined;
    deps.later(async () => {
      await runner.run(req, client, reply, triggerId);
      if (onHome) await publishHome(runner, client, teamId, userId);
    });
  });

  bolt.view(FORM_CALLBACK, async ({ ack, body, view: modal, client }) => {
    const meta = decodeMeta(modal.private_metadata);
    const userId = textField(body.user?.id);
    const teamId = textField(body.team?.id) ?? textField(body.user?.team_id);
    if (!meta || !userId || !teamId) return ack();
    const req = { teamId, userId, userName: textField(body.user.name) };
    // The modal waits for our answer, so the command runs before the ack; bot.handle is synchronous and quick.
    const outcome = await runner.submit(meta, formValues(modal.state?.values), req, client);
    if ('errors' in outcome) return ack({ response_action: 'errors', errors: outcome.errors });
    await ack();
    deps.later(() => runner.send(outcome.handled, personalReply(messenger, teamId, meta.channelId, userId)));
  });

  // "Save to PLC library" on a message: the core keeps it in the library of the community whose channel it is
  // in (and refuses any other conversation), crediting its author as Slack names them and the person who saved it.
  bolt.shortcut(SAVE_SHORTCUT, async ({ ack, shortcut, client }) => {
    await ack();
    if (shortcut.type !== 'message_action') return;
    const userId = textField(shortcut.user?.id);
    const teamId = textField(shortcut.team?.id) ?? textField(shortcut.user?.team_id);
    const channelId = textField(shortcut.channel?.id);
    if (!userId || !teamId) return;
    const message = (shortcut.message ?? {}) as { text?: unknown; user?: unknown };
    const authorId = textField(message.user);
    const responseUrl = responseUrlOf(shortcut.response_url);
    const reply: Reply = responseUrl
      ? (v) => respondTo(responseUrl, { response_type: 'ephemeral', replace_original: false, ...renderMessage(v) })
      : personalReply(messenger, teamId, channelId, userId);
    deps.later(async () => {
      const [author] = authorId ? await checkMentions(profiles, client, teamId, [authorId]) : [];
      const req: SlackRequest = {
        teamId,
        userId,
        userName: textField(shortcut.user?.name),
        channelId,
        channelName: textField(shortcut.channel?.name),
        text: 'save',
        saved: { text: fromSlackText(textField(message.text) ?? ''), author: author ?? null },
      };
      await runner.run(req, client, reply);
    });
  });

  // Events are read field by field as text, like every payload: Slack's shape is checked, not trusted.
  bolt.event('app_home_opened', async ({ event, client, context }) => {
    const teamId = textField(context.teamId);
    const userId = textField(event.user);
    if (event.tab !== 'home' || !teamId || !userId) return;
    deps.later(() => publishHome(runner, client, teamId, userId));
  });

  bolt.event('member_joined_channel', async ({ event, client, context }) => {
    const teamId = textField(context.teamId) ?? textField(event.team);
    const userId = textField(event.user);
    const channel = textField(event.channel);
    if (!teamId || !userId || !channel || userId === context.botUserId) return;
    deps.later(async () => {
      // Slack was out of reach so far: this is the first need of the bot's identity, so ask now.
      if (!context.botUserId && (await deps.identity?.learn())?.botUserId === userId) return;
      const person = await slackPerson(profiles, client, teamId, userId);
      await report(deps, { kind: 'joinedChannel', workspace: slackWorkspace(teamId), person, channel }, (v) =>
        messenger.ephemeral(teamId, channel, userId, v),
      );
    });
  });

  bolt.event('member_left_channel', async ({ event, context }) => {
    const teamId = textField(context.teamId) ?? textField(event.team);
    const userId = textField(event.user);
    const channel = textField(event.channel);
    if (!teamId || !userId || !channel) return;
    deps.later(() => report(deps, { kind: 'left', workspace: slackWorkspace(teamId), person: { externalId: userId }, channel }));
  });

  bolt.event('user_change', async ({ event, context }) => {
    const teamId = textField(context.teamId) ?? textField(event.user?.team_id);
    const userId = textField(event.user?.id);
    if (!teamId || !userId) return;
    profiles.forget(teamId, userId);
    // Slack sends the whole profile on every change; `deleted` is whether the account is deactivated.
    const kind = event.user.deleted === true ? 'deactivated' : 'reactivated';
    deps.later(() => report(deps, { kind, workspace: slackWorkspace(teamId), person: { externalId: userId } }));
  });

  const uninstall = async ({ context, body }: { context: { teamId?: string }; body: { team_id?: string } }) => {
    const teamId = textField(context.teamId) ?? textField(body.team_id);
    if (!teamId) return;
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
  const req = fromSlashCommand(command as unknown as Record<string, unknown>);
  if (!req) {
    app.log.warn({ fields: Object.keys(command) }, 'slash command without a team, a person or a text: ignored');
    return ack();
  }
  const triggerId = textField(command.trigger_id) ?? undefined;
  let now: Awaited<ReturnType<SlackRunner['handleNow']>>;
  try {
    now = await runner.handleNow(req);
  } catch (err) {
    // A store failure must not cost the ack; the command is tried again after it, the slow way.
    app.log.warn({ err }, 'slash command could not be answered in the ack');
  }
  if (!now) {
    await ack();
    deps.later(() => runner.run(req, client, replyFor(deps, req, command.response_url), triggerId));
    return;
  }
  await ack(now.first ? (deps.acksAsText ? ephemeralJson(now.first) : ephemeral(now.first)) : undefined);
  const rest = now.handled;
  if (rest.deliveries.length) deps.later(() => runner.send(rest, replyFor(deps, req, command.response_url), { client, req, triggerId }));
}

/**
 * Where a slash command's answers after the ack go: its response_url, which Slack always sends; without one, where
 * a button's would. Read only when there are such answers: most commands are answered in the ack alone.
 */
function replyFor(deps: ListenerDeps, req: SlackRequest, responseUrl: unknown): Reply {
  const url = responseUrlOf(responseUrl);
  return url ? replyTo(url) : personalReply(deps.messenger, req.teamId, req.channelId ?? null, req.userId);
}

/**
 * Acks a request unless a listener did: the HTTP receiver refuses a second ack with ReceiverMultipleAckError
 * (so that one means it was answered), Socket Mode ignores it.
 */
async function ackUnanswered(ack: () => Promise<void>): Promise<void> {
  try {
    await ack();
  } catch (err) {
    if (!(isCodedError(err) && err.code === ErrorCode.ReceiverMultipleAckError)) throw err;
  }
}

/** The parts of any Slack request body that say which workspace it comes from. */
interface LooseBody {
  team_id?: unknown;
  team?: { id?: unknown } | null;
  user?: { team_id?: unknown } | null;
  enterprise_id?: unknown;
  enterprise?: { id?: unknown } | null;
  response_url?: unknown;
}

/** Every team a request could be counted to (the listeners read one or another), and its Enterprise Grid org. */
function requestTeams(body: LooseBody, context: { teamId?: string; enterpriseId?: string }) {
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const teams = [context.teamId, body.team_id, body.team?.id, body.user?.team_id].map(str).filter((t) => t !== null);
  const enterprise = str(context.enterpriseId) ?? str(body.enterprise?.id) ?? str(body.enterprise_id);
  return { teams: [...new Set(teams)], enterprise };
}

/**
 * Refuses a request from a workspace the bot is not set up for, where Slack shows an answer: a slash command's
 * ack, a button's response_url. Slack sends no locale with a request, and nothing may be looked up, so it is English.
 */
async function refuseOutsider(deps: ListenerDeps, args: AnyMiddlewareArgs): Promise<void> {
  const answer = renderMessage(view('en', [text(slackT('en', 'slack.notAllowed'))]));
  const ack = 'ack' in args ? (args.ack as (response?: object) => Promise<void>) : null;
  if ('command' in args) return ack?.({ response_type: 'ephemeral', ...answer });
  await ack?.();
  const url = (args.body as LooseBody).response_url;
  if (typeof url === 'string') deps.later(() => respondTo(url, { response_type: 'ephemeral', replace_original: false, ...answer }));
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
