import fc from 'fast-check';
import { buttonPress, interactivityBody, viewSubmission } from '../slack/support.js';
import { commandLine, type GrammarWorld, hostile, junk, type Piece } from './grammar.js';
import { KNOWN_OPEN_DEFECTS } from './known-defects.js';
import { applyMutations, mutations } from './mutate.js';

/** What the Slack fuzz knows of the workspaces it set up: ids to put in payloads, and another team's. */
export interface SlackWorld extends GrammarWorld {
  team: string;
  otherTeam: string;
  /** Slack user ids by logical name; `other` belongs to the other team. */
  userIds: Record<string, string>;
  /** Channel ids with their names; the community's channel among them. */
  channels: readonly { id: string; name: string }[];
  /** A response_url on the Web API double. */
  responseUrl: string;
  /** Commands that name the other team's community and items, for a button value that crosses workspaces. */
  otherTeamCommands: readonly string[];
}

type ContentType = 'application/x-www-form-urlencoded' | 'application/json';

/** One signed request to /slack/events; printed (in a failure) as what it carries, not as its encoded bytes. */
export interface SlackRequest {
  contentType: ContentType;
  body: string;
  [fc.toStringMethod](): string;
}

function request(contentType: ContentType, body: string, shown: unknown): SlackRequest {
  return { contentType, body, [fc.toStringMethod]: () => `${contentType} ${JSON.stringify(shown, abbreviated)}` };
}

/** Long strings shown by their start and length, so a counterexample stays readable. */
export function abbreviated(_key: string, value: unknown): unknown {
  return typeof value === 'string' && value.length > 200 ? `${value.slice(0, 80)}… (${value.length} characters)` : value;
}

/** An interactivity payload, form-encoded as Slack posts it. */
const interaction = (payload: unknown) => request('application/x-www-form-urlencoded', interactivityBody(payload as object), { payload });
/** A JSON body, as the Events API posts it. */
const json = (payload: unknown) => request('application/json', JSON.stringify(payload), payload);

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A command line as Slack sends it with `should_escape: true`: `&`, `<`, `>` escaped, mentions as `<@U…|name>`. */
export function slackText(pieces: readonly Piece[], world: SlackWorld, escaped: boolean): string {
  return pieces
    .map((p) => {
      if (typeof p === 'string') return escaped ? escapeText(p) : p;
      const id = world.userIds[p.name] ?? `U${p.name.toUpperCase().replace(/[^A-Z0-9]/g, '')}9`;
      switch (p.mention) {
        case 'known':
          return `<@${id}|${p.name}>`;
        case 'unknown':
          return `<@UNOBODY${p.name.length}|${p.name}>`;
        case 'forged':
          // What Slack sends when someone types `<@U…|x>` literally: escaped, so it is text and not a mention.
          return `&lt;@${id}|${p.name}&gt;`;
        default:
          return ['<@>', `<@|${p.name}>`, `<@${id}`, `<@${id}|${p.name}|x>`, `<@W${p.name}>`][p.name.length % 5] as string;
      }
    })
    .join('');
}

const idOrOdd = (ids: readonly string[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...ids), weight: 8 },
    { arbitrary: fc.constantFrom('', 'U', 'T0SCHOOL', 'D', 'C', 'G0PRIVATE', '../../etc', 'U1\u0000', 'ＵＡＮＡ'), weight: 1 },
  );

/** A slash command, form-encoded as Slack posts it, with its fields sometimes missing or odd. */
function slashCommand(world: SlackWorld): fc.Arbitrary<SlackRequest> {
  const users = Object.entries(world.userIds).filter(([name]) => name !== 'other');
  return fc
    .record({
      pieces: commandLine(world),
      escaped: fc.oneof({ arbitrary: fc.constant(true), weight: 9 }, { arbitrary: fc.constant(false), weight: 1 }),
      user: fc.constantFrom(...users),
      userId: idOrOdd(users.map(([, id]) => id)),
      channel: fc.oneof(
        { arbitrary: fc.constantFrom(...world.channels), weight: 6 },
        { arbitrary: fc.constantFrom({ id: 'DUANA', name: 'directmessage' }, { id: 'G0PRIV', name: 'privategroup' }), weight: 2 },
      ),
      team: fc.oneof({ arbitrary: fc.constant(world.team), weight: 9 }, { arbitrary: fc.constant(world.otherTeam), weight: 1 }),
      command: fc.oneof(
        { arbitrary: fc.constant('/plc'), weight: 12 },
        { arbitrary: fc.constantFrom('/PLC', '/other', '', 'plc'), weight: 1 },
      ),
      drop: fc.subarray(['team_id', 'user_id', 'channel_id', 'channel_name', 'text', 'response_url', 'trigger_id', 'user_name'], {
        maxLength: 2,
      }),
      dropSome: fc.oneof({ arbitrary: fc.constant(false), weight: 6 }, { arbitrary: fc.constant(true), weight: 1 }),
    })
    .map(({ pieces, escaped, user, userId, channel, team, command, drop, dropSome }) => {
      const fields: Record<string, string> = {
        token: 'verification-token-unused',
        team_id: team,
        team_domain: 'school',
        channel_id: channel.id,
        channel_name: channel.name,
        user_id: userId,
        user_name: user[0],
        command,
        text: slackText(pieces, world, escaped),
        api_app_id: 'A0PLC',
        is_enterprise_install: 'false',
        response_url: world.responseUrl,
        trigger_id: '1337.42.fuzz',
      };
      if (dropSome) for (const f of drop) delete fields[f];
      return request('application/x-www-form-urlencoded', new URLSearchParams(fields).toString(), fields);
    });
}

/** A slash command posted as JSON with fields of the wrong type: Slack never does, a forger with the secret might. */
function jsonCommand(world: SlackWorld): fc.Arbitrary<SlackRequest> {
  return fc.tuple(commandLine(world), mutations(3)).map(([pieces, ms]) => {
    const payload = {
      team_id: world.team,
      channel_id: 'CMATH',
      channel_name: 'math',
      user_id: world.userIds.ana,
      user_name: 'ana',
      command: '/plc',
      text: slackText(pieces, world, true),
      response_url: world.responseUrl,
      trigger_id: '1337.42.fuzz',
    };
    return json(applyMutations(payload, ms.length ? ms : [[6, 'number']]));
  });
}

/** What a button carries: a command line, a command naming the other team's things, or junk. */
function buttonValue(world: SlackWorld): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: commandLine(world).map((p) => slackText(p, world, false)), weight: 5 },
    { arbitrary: fc.constantFrom(...world.otherTeamCommands), weight: 2 },
    { arbitrary: fc.oneof(hostile, junk(40)), weight: 1 },
  );
}

/** A button press (`block_actions`), on a message, an ephemeral answer or the App Home, spoiled now and then. */
function blockAction(world: SlackWorld): fc.Arbitrary<SlackRequest> {
  const users = Object.entries(world.userIds);
  return fc
    .record({
      value: buttonValue(world),
      user: fc.constantFrom(...users),
      team: fc.oneof({ arbitrary: fc.constant(world.team), weight: 8 }, { arbitrary: fc.constant(world.otherTeam), weight: 2 }),
      where: fc.constantFrom('channel', 'dm', 'home', 'ephemeral'),
      channel: fc.constantFrom(...world.channels),
      actionId: fc.oneof(
        { arbitrary: fc.constantFrom('plc:0:0', 'plc:3:1'), weight: 6 },
        { arbitrary: fc.constantFrom('plc:', 'other_app_button', 'PLC:0:0', 'plc:x:y', 'approve', ''), weight: 2 },
      ),
      actionType: fc.oneof(
        { arbitrary: fc.constant('button'), weight: 8 },
        { arbitrary: fc.constantFrom('static_select', 'overflow', 'datepicker', 'checkboxes'), weight: 1 },
      ),
      actionTs: fc.oneof(
        { arbitrary: fc.integer({ min: 1_788_000_000, max: 1_789_000_000 }).map((s) => `${s}.000100`), weight: 8 },
        { arbitrary: fc.constantFrom('', 'NaN', '1e400', '-1', 'x'), weight: 1 },
      ),
      ms: mutations(3),
    })
    .map(({ value, user, team, where, channel, actionId, actionType, actionTs, ms }) => {
      const payload = buttonPress({
        team,
        user: user[1],
        channel: where === 'home' ? null : where === 'dm' ? `D${user[1].slice(1)}` : channel.id,
        channelName: where === 'dm' ? 'directmessage' : channel.name,
        value,
        actionTs,
        actionId,
        ...(where === 'home' ? {} : { responseUrl: world.responseUrl }),
        ...(where === 'channel' ? { message: { ts: '1788000000.000100', text: 'Reminder', blocks: [] } } : {}),
      }) as { actions: Record<string, unknown>[] };
      (payload.actions[0] as Record<string, unknown>).type = actionType;
      return interaction(applyMutations(payload, ms));
    });
}

/** The metadata our modals carry, as we wrote it, or as a forger would. */
function modalMetadata(world: SlackWorld): fc.Arbitrary<string> {
  return fc.oneof(
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom('agenda add -- {text}', 'agenda add {text}', '{text}', 'coordinator add {text}', 'create {text}', '{missing}'),
          fc.constantFrom<(string | null)[]>('CMATH', 'CGENERAL', null, 'DUANA', ''),
          fc.constantFrom('text', '', 'nope'),
        )
        .map(([command, channelId, lastField]) =>
          JSON.stringify({ command, channelId, channelName: channelId ? 'math' : null, lastField }),
        ),
      weight: 6,
    },
    { arbitrary: fc.constantFrom('', '{}', 'null', '[]', '{"command":5,"lastField":"text"}', '{"command":"x"}', '{', '"x"'), weight: 2 },
    {
      arbitrary: fc
        .constantFrom(...world.otherTeamCommands)
        .map((c) => JSON.stringify({ command: c, channelId: 'COTHER', lastField: 'text' })),
      weight: 1,
    },
  );
}

/** A modal submitted (`view_submission`), with its inputs filled from the grammar and its state sometimes odd. */
function viewSubmit(world: SlackWorld): fc.Arbitrary<SlackRequest> {
  const users = Object.entries(world.userIds);
  return fc
    .record({
      user: fc.constantFrom(...users),
      team: fc.oneof({ arbitrary: fc.constant(world.team), weight: 8 }, { arbitrary: fc.constant(world.otherTeam), weight: 1 }),
      callback: fc.oneof(
        { arbitrary: fc.constant('plc_form'), weight: 8 },
        { arbitrary: fc.constantFrom('other_modal', '', 'PLC_FORM'), weight: 1 },
      ),
      metadata: modalMetadata(world),
      // Modal inputs arrive as typed: no escaping, mentions as plain text.
      text: fc.oneof(
        commandLine(world).map((p) => slackText(p, world, false)),
        junk(60),
      ),
      selected: fc.boolean(),
      ms: mutations(3),
    })
    .map(({ user, team, callback, metadata, text, selected, ms }) => {
      const payload = viewSubmission({
        team,
        user: user[1],
        modal: { type: 'modal', callback_id: callback, private_metadata: metadata, blocks: [] },
        values: { text },
      }) as { view: { state: { values: Record<string, Record<string, unknown>> } } };
      if (selected) payload.view.state.values.text = { text: { type: 'static_select', selected_option: { value: text } } };
      return interaction(applyMutations(payload, ms));
    });
}

/** A message shortcut (`Save to library`) or a global one we never declared. */
function shortcut(world: SlackWorld): fc.Arbitrary<SlackRequest> {
  return fc
    .tuple(
      fc.constantFrom('message_action', 'shortcut'),
      fc.constantFrom('save_to_library', 'other'),
      fc.constantFrom(...Object.values(world.userIds)),
      mutations(2),
    )
    .map(([type, callback, user, ms]) => {
      const payload = {
        type,
        callback_id: callback,
        trigger_id: '1337.42.fuzz',
        team: { id: world.team, domain: 'school' },
        user: { id: user, name: 'x', team_id: world.team },
        ...(type === 'message_action'
          ? {
              channel: { id: 'CMATH', name: 'math' },
              message: { type: 'message', text: 'a resource', ts: '1788000000.000100' },
              response_url: world.responseUrl,
            }
          : {}),
      };
      return interaction(applyMutations(payload, ms));
    });
}

/** An Events API delivery of an event we listen to, or one we do not, with its fields sometimes spoiled. */
function event(world: SlackWorld): fc.Arbitrary<SlackRequest> {
  return fc
    .record({
      type: fc.constantFrom(
        'app_home_opened',
        'member_joined_channel',
        'member_left_channel',
        'user_change',
        'app_mention',
        'message',
        'reaction_added',
        'team_join',
        'unknown_event',
      ),
      user: fc.constantFrom(...Object.values(world.userIds), 'UBOT'),
      channel: fc.constantFrom(...world.channels.map((c) => c.id), 'DUANA'),
      team: fc.oneof({ arbitrary: fc.constant(world.team), weight: 8 }, { arbitrary: fc.constant(world.otherTeam), weight: 2 }),
      tab: fc.constantFrom('home', 'messages', 'about'),
      deleted: fc.boolean(),
      eventId: fc.nat(),
      ms: mutations(3),
    })
    .map(({ type, user, channel, team, tab, deleted, eventId, ms }) => {
      const inner: Record<string, unknown> =
        type === 'user_change'
          ? { type, user: { id: user, team_id: team, deleted, name: 'x' } }
          : { type, user, channel, tab, team, text: 'hello <@UBOT>', event_ts: '1788000000.000200' };
      const payload = {
        token: 'verification-token-unused',
        team_id: team,
        api_app_id: 'A0PLC',
        event: inner,
        type: 'event_callback',
        event_id: `EvFUZZ${eventId}`,
        event_time: 1788000000,
        authorizations: [{ enterprise_id: null, team_id: team, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
      };
      return json(applyMutations(payload, ms));
    });
}

/** Any JSON at all, of a shape no listener expects: as a JSON body, or as an interactivity payload. */
function oddShape(): fc.Arbitrary<SlackRequest> {
  const shapes = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom<unknown>(
      {},
      [],
      0,
      'x',
      true,
      { type: 'block_suggestion', action_id: 'plc:0:0', value: 'x' },
      { type: 'dialog_submission', callback_id: 'x', submission: {} },
      { type: 'interactive_message', callback_id: 'x', actions: [{ name: 'x', value: 'y' }] },
      { type: 'view_closed', view: { callback_id: 'plc_form' } },
      { type: 'workflow_step_edit', callback_id: 'x' },
      { type: 'url_verification', challenge: 'abc' },
      { ssl_check: '1' },
      { type: 'event_callback', event: {} },
      { type: 'event_callback', event: 'x' },
      { type: 'event_callback', event: [] },
      { command: 5 },
      { actions: 'x' },
      { actions: [] },
      { name: 'x' },
      { type: 'shortcut' },
      { type: 'view_submission' },
      { type: 'block_actions' },
      { type: 'block_actions', actions: [null] },
      { type: 'block_actions', actions: [{ action_id: 'plc:0:0', type: 'button', value: 'help' }] },
      { type: 'view_submission', view: { callback_id: 'plc_form' } },
      { payload: { type: 'block_actions' } },
    ),
  );
  return fc
    .tuple(shapes, fc.boolean())
    .filter(([shape]) => !(KNOWN_OPEN_DEFECTS.slackNullBody && shape === null))
    .map(([shape, asJson]) => (asJson ? json(shape) : interaction(shape)));
}

/** Every kind of signed request Slack (or someone holding the signing secret) may post. */
export function slackRequest(world: SlackWorld): fc.Arbitrary<SlackRequest> {
  return fc
    .oneof(
      { arbitrary: slashCommand(world), weight: 8 },
      { arbitrary: jsonCommand(world), weight: 1 },
      { arbitrary: blockAction(world), weight: 5 },
      { arbitrary: viewSubmit(world), weight: 3 },
      { arbitrary: shortcut(world), weight: 1 },
      { arbitrary: event(world), weight: 2 },
      { arbitrary: oddShape(), weight: 2 },
    )
    .filter((r) => !(KNOWN_OPEN_DEFECTS.slackNullBody && isNullBody(r)));
}

/** Whether a request's body parses to `null` in Bolt (see KNOWN_OPEN_DEFECTS.slackNullBody). */
function isNullBody(r: SlackRequest): boolean {
  if (r.contentType === 'application/json') return r.body === 'null';
  return new URLSearchParams(r.body).get('payload') === 'null';
}
