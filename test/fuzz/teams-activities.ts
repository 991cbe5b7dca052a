import fc from 'fast-check';
import { BOT } from '../teams/harness.js';
import { commandLine, type GrammarWorld, hostile, junk, type Piece } from './grammar.js';
import { KNOWN_OPEN_DEFECTS } from './known-defects.js';
import { applyMutations, mutations } from './mutate.js';
import { abbreviated } from './slack-requests.js';

/** What the Teams fuzz knows of the tenants it set up. */
export interface TeamsWorld extends GrammarWorld {
  serviceUrl: string;
  tenant: string;
  otherTenant: string;
  /** Commands naming the other tenant's community and items, for a card action that crosses tenants. */
  otherTenantCommands: readonly string[];
}

/** One activity to post to /api/messages; printed (in a failure) as its JSON. */
export interface TeamsActivity {
  activity: Record<string, unknown>;
  [fc.toStringMethod](): string;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A command line as Teams sends it: HTML-escaped text (mostly), and each mention an `<at>` tag with its entity. */
export function teamsText(pieces: readonly Piece[], escaped: boolean): { text: string; mentions: object[] } {
  const mentions: object[] = [];
  const text = pieces
    .map((p) => {
      if (typeof p === 'string') return escaped ? escapeHtml(p) : p;
      const tag = `<at>${p.name}</at>`;
      switch (p.mention) {
        case 'known':
          mentions.push({ type: 'mention', text: tag, mentioned: { id: `29:${p.name}`, name: p.name } });
          return tag;
        case 'unknown':
          mentions.push({ type: 'mention', text: tag, mentioned: { id: `29:nobody-${p.name}`, name: p.name, aadObjectId: null } });
          return tag;
        case 'forged':
          // Typed literally: Teams escapes the tag, or sends the core's own mention form as text.
          return p.name.length % 2 ? `&lt;at&gt;${p.name}&lt;/at&gt;` : `<@aad-${p.name}|${p.name}>`;
        default:
          if (p.name === '|') mentions.push({ type: 'mention', text: '<at>someone else</at>', mentioned: { id: 5 } });
          return [`<at>${p.name}`, '<at></at>', `<at x="1">${p.name}</at>`, `<AT>${p.name}</AT>`][p.name.length % 4] as string;
      }
    })
    .join('');
  return { text, mentions };
}

type Place = 'personal' | 'channel' | 'group';

/** The fields every activity from Teams carries, for a person in a place of a tenant. */
function envelope(world: TeamsWorld, who: string, place: Place, tenant: string, id: string, locale: unknown, tz: unknown) {
  const conversation =
    place === 'personal'
      ? { id: `a:dm-${who}`, conversationType: 'personal', tenantId: tenant }
      : place === 'group'
        ? { id: '19:group@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: tenant }
        : { id: `19:math@thread.tacv2;messageid=${id}`, conversationType: 'channel', isGroup: true, tenantId: tenant };
  const team = `19:team-${tenant}@thread.tacv2`;
  return {
    id,
    channelId: 'msteams',
    serviceUrl: world.serviceUrl,
    timestamp: '2026-09-01T08:00:00.000Z',
    from: { id: `29:${who}`, name: who, aadObjectId: `aad-${who}` },
    conversation,
    recipient: BOT,
    locale,
    entities: [{ type: 'clientInfo', locale, country: 'DE', platform: 'Web', timezone: tz }] as object[],
    channelData:
      place === 'channel'
        ? {
            teamsChannelId: '19:math@thread.tacv2',
            teamsTeamId: team,
            channel: { id: '19:math@thread.tacv2' },
            team: { id: team },
            tenant: { id: tenant },
          }
        : { tenant: { id: tenant } },
  };
}

interface Common {
  who: string;
  place: Place;
  tenant: string;
  id: string;
  locale: unknown;
  tz: unknown;
}

function common(world: TeamsWorld): fc.Arbitrary<Common> {
  return fc.record({
    who: fc.constantFrom(...world.people),
    place: fc.constantFrom<Place>('personal', 'personal', 'channel', 'group'),
    tenant: fc.oneof({ arbitrary: fc.constant(world.tenant), weight: 9 }, { arbitrary: fc.constant(world.otherTenant), weight: 1 }),
    // Activity ids: mostly fresh, sometimes one seen before (a redelivery).
    id: fc.oneof({ arbitrary: fc.nat().map((n) => String(1_700_000_000_000 + n)), weight: 19 }, { arbitrary: fc.constant('1'), weight: 1 }),
    locale: fc.oneof(
      { arbitrary: fc.constantFrom('en-US', 'de-DE', 'ar-SA', 'da', 'nl-NL'), weight: 27 },
      { arbitrary: fc.constantFrom('xx', '', 'en_US', 'ar-u-nu-arab', null), weight: 2 },
      { arbitrary: fc.constant(5), weight: 1 },
    ),
    tz: fc.oneof(
      { arbitrary: fc.constantFrom('Europe/Berlin', 'Asia/Riyadh', 'UTC'), weight: 27 },
      { arbitrary: fc.constantFrom('Mars/Olympus', '', '+05:30', null), weight: 2 },
      { arbitrary: fc.constant(5), weight: 1 },
    ),
  });
}

const show = (activity: Record<string, unknown>): TeamsActivity => ({
  activity,
  [fc.toStringMethod]: () => JSON.stringify(activity, abbreviated),
});

/** Keeps the serviceUrl the double's while KNOWN_OPEN_DEFECTS.teamsServiceUrl is open, whatever a mutation did to it. */
function withServiceUrl(activity: Record<string, unknown>, world: TeamsWorld): Record<string, unknown> {
  return KNOWN_OPEN_DEFECTS.teamsServiceUrl && activity.serviceUrl !== world.serviceUrl
    ? { ...activity, serviceUrl: world.serviceUrl }
    : activity;
}

/** A typed message: `plc …` in a personal chat, after the bot's @mention in a channel or group chat. */
function message(world: TeamsWorld): fc.Arbitrary<TeamsActivity> {
  return fc
    .tuple(
      common(world),
      commandLine(world),
      fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
      fc.constantFrom('plc ', 'PLC ', '', '/plc ', 'plc\u00a0'),
      mutations(3, 8),
    )
    .map(([c, pieces, escaped, prefix, ms]) => {
      const { text, mentions } = teamsText(pieces, escaped);
      const base = envelope(world, c.who, c.place, c.tenant, c.id, c.locale, c.tz);
      const botTag = `<at>${BOT.name}</at>`;
      const body = c.place === 'personal' ? `${prefix}${text}` : `${botTag} ${prefix}${text}`;
      if (c.place !== 'personal') mentions.unshift({ type: 'mention', text: botTag, mentioned: BOT });
      const activity = { ...base, type: 'message', textFormat: 'plain', text: body, entities: [...mentions, ...base.entities] };
      return show(withServiceUrl(applyMutations(activity, ms), world));
    });
}

/** What a card's button or form sends back: a command, the other tenant's things, or data of the wrong type. */
function cardData(world: TeamsWorld): fc.Arbitrary<unknown> {
  const command = fc.oneof(
    { arbitrary: commandLine(world).map((p) => teamsText(p, false).text), weight: 5 },
    { arbitrary: fc.constantFrom(...world.otherTenantCommands), weight: 2 },
    { arbitrary: fc.oneof(hostile, junk(40)), weight: 1 },
  );
  const form = fc
    .tuple(fc.constantFrom('agenda add -- {text}', 'agenda add {text}', '{text} {other}', 'create {text}', '{text}'), command, fc.boolean())
    .map(([template, text, withDef]) => ({
      form: 'agenda',
      command: template,
      ...(withDef
        ? {
            def: {
              title: 'Add to the agenda',
              submit: 'Add',
              fields: [{ name: 'text', label: 'Item', kind: 'multiline', required: true, maxLength: 4000 }],
            },
          }
        : {}),
      'field.text': text,
      'field.other': '"quoted" <@aad-ana|ana>',
    }));
  return fc.oneof(
    { arbitrary: command.map((c) => ({ command: c })), weight: 6 },
    { arbitrary: form, weight: 3 },
    {
      arbitrary: fc.constantFrom<unknown>(
        null,
        5,
        'help',
        [],
        {},
        { command: 5 },
        { form: 'x' },
        { command: null },
        { form: 5, command: '{text}' },
      ),
      weight: 1,
    },
  );
}

/** A button press or form submit: an Action.Execute invoke (what the bot's cards send), or an Action.Submit message. */
function cardAction(world: TeamsWorld): fc.Arbitrary<TeamsActivity> {
  return fc
    .tuple(
      common(world),
      cardData(world),
      fc.oneof({ arbitrary: fc.constantFrom('plc', 'plc.form'), weight: 6 }, { arbitrary: fc.constantFrom('other', '', 'PLC'), weight: 1 }),
      fc.oneof({ arbitrary: fc.constant('execute'), weight: 4 }, { arbitrary: fc.constant('submit'), weight: 1 }),
      mutations(3, 8),
    )
    .map(([c, data, verb, how, ms]) => {
      const base = envelope(world, c.who, c.place, c.tenant, c.id, c.locale, c.tz);
      const activity =
        how === 'execute'
          ? {
              ...base,
              type: 'invoke',
              name: 'adaptiveCard/action',
              replyToId: '1800000000001',
              value: { action: { type: 'Action.Execute', id: 'action', verb, data }, trigger: 'manual' },
            }
          : { ...base, type: 'message', replyToId: '1800000000001', value: data && typeof data === 'object' ? { verb, ...data } : data };
      return show(withServiceUrl(applyMutations(activity, ms), world));
    });
}

/** An invoke the bot never declared a route for, or one of ours with a value of the wrong type. */
function otherInvoke(world: TeamsWorld): fc.Arbitrary<TeamsActivity> {
  return fc
    .tuple(
      common(world),
      fc.constantFrom(
        'task/fetch',
        'task/submit',
        'composeExtension/query',
        'composeExtension/submitAction',
        'signin/verifyState',
        'signin/tokenExchange',
        'config/fetch',
        'tab/fetch',
        'message/submitAction',
        'handoff/action',
        'fileConsent/invoke',
        'adaptiveCard/action',
        'actionableMessage/executeAction',
        'unknown/name',
        '',
      ),
      fc.constantFrom<unknown>(
        undefined,
        null,
        5,
        'x',
        [],
        {},
        { action: null },
        { action: { type: 'Action.Execute', verb: 5 } },
        { type: 'fileUpload', action: 'accept' },
        { action: 'accept', context: 5 },
      ),
    )
    .map(([c, name, value]) => {
      const base = envelope(world, c.who, c.place, c.tenant, c.id, c.locale, c.tz);
      return show({ ...base, type: 'invoke', name, ...(value === undefined ? {} : { value }) });
    });
}

/** Platform events (members added and removed, the app installed and removed) and activity types the bot ignores. */
function event(world: TeamsWorld): fc.Arbitrary<TeamsActivity> {
  return fc
    .tuple(
      common(world),
      fc.constantFrom(
        'membersAdded',
        'membersRemoved',
        'botRemoved',
        'installAdd',
        'installRemove',
        'messageReaction',
        'typing',
        'event',
        'endOfConversation',
        'messageUpdate',
        'messageDelete',
        'unknownType',
      ),
      fc.subarray([...world.people], { maxLength: 3 }),
      mutations(3, 8),
    )
    .map(([c, kind, names, ms]) => {
      const base = envelope(world, c.who, c.place, c.tenant, `f:${c.id}`, c.locale, c.tz);
      const members = names.map((n) => ({ id: `29:${n}`, aadObjectId: `aad-${n}` }));
      let activity: Record<string, unknown>;
      if (kind === 'membersAdded' || kind === 'membersRemoved' || kind === 'botRemoved') {
        const list = kind === 'botRemoved' ? [...members, { id: BOT.id }] : members;
        activity = {
          ...base,
          type: 'conversationUpdate',
          [kind === 'membersAdded' ? 'membersAdded' : 'membersRemoved']: list,
          channelData: { ...base.channelData, eventType: kind === 'membersAdded' ? 'teamMemberAdded' : 'teamMemberRemoved' },
        };
      } else if (kind === 'installAdd' || kind === 'installRemove') {
        activity = { ...base, type: 'installationUpdate', action: kind === 'installAdd' ? 'add' : 'remove-upgrade' };
      } else {
        activity = { ...base, type: kind, reactionsAdded: [{ type: 'like' }], name: 'x', value: { x: 1 } };
      }
      return show(withServiceUrl(applyMutations(activity, ms), world));
    });
}

/** Activities missing what every activity has, or with it of the wrong type: no conversation, no sender, an odd type. */
function oddActivity(world: TeamsWorld): fc.Arbitrary<TeamsActivity> {
  return fc
    .tuple(
      common(world),
      fc.constantFrom('conversation', 'from', 'recipient', 'channelData', 'entities', 'id', 'type', 'text', 'locale'),
      fc.constantFrom<unknown>(undefined, null, 5, 'x', [], {}, [null], { id: 5 }, { id: null }),
    )
    .map(([c, field, value]) => {
      const base = envelope(world, c.who, c.place, c.tenant, c.id, c.locale, c.tz);
      const activity: Record<string, unknown> = { ...base, type: 'message', text: 'plc help', [field]: value };
      if (value === undefined) delete activity[field];
      return show(activity);
    });
}

/** Every kind of activity Teams (or anyone, with authentication off) may post. */
export function teamsActivity(world: TeamsWorld): fc.Arbitrary<TeamsActivity> {
  return fc.oneof(
    { arbitrary: message(world), weight: 8 },
    { arbitrary: cardAction(world), weight: 5 },
    { arbitrary: otherInvoke(world), weight: 2 },
    { arbitrary: event(world), weight: 2 },
    { arbitrary: oddActivity(world), weight: 2 },
  );
}
