import type { Activity } from 'botbuilder';
import type { Inbound } from '../../src/bot.js';
import type { TeamsConversations } from './conversations.js';
import { baseConversationId, kindOf, personId, tenantOf } from './ids.js';

/** A Teams mention entity, as Teams sends it beside `<at>Name</at>` in the text. */
interface MentionEntity {
  type: 'mention';
  text?: string;
  mentioned?: { id?: string; name?: string; aadObjectId?: string };
}

const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Turns a Teams message (typed, or a card action's command) into the core's command. */
export function toInbound(activity: Partial<Activity>, text: string): Inbound | null {
  const tenant = tenantOf(activity);
  const user = personId(activity.from);
  if (!tenant || !user) return null;
  const kind = kindOf(activity);
  const conversation = activity.conversation?.id ?? '';
  return {
    workspace: { platform: 'teams', externalId: tenant },
    user: {
      externalId: user,
      displayName: activity.from?.name ?? null,
      platformLocale: activity.locale ?? null,
      tz: timeZoneOf(activity),
    },
    place:
      kind === 'personal'
        ? { channel: null, channelName: null }
        : {
            channel: baseConversationId(conversation),
            channelName: activity.channelData?.channel?.name ?? activity.conversation?.name ?? null,
          },
    text,
    prefix: 'plc',
  };
}

/**
 * The command in a typed message: the bot's own mention removed, people's mentions as the core's
 * `<@id|name>`, HTML entities decoded, and anything that looks like a core mention in the typed text defused.
 */
export function commandText(activity: Partial<Activity>, known: TeamsConversations): string {
  const tenant = tenantOf(activity) ?? '';
  const botId = activity.recipient?.id;
  const mentions = ((activity.entities ?? []) as unknown as MentionEntity[]).filter((e) => e.type === 'mention' && e.text);
  // Split on the mention tags first, so typed text and the mentions Teams resolved never mix.
  const parts = (activity.text ?? '').split(/(<at[^>]*>.*?<\/at>)/gis);
  let out = '';
  for (const part of parts) {
    if (!/^<at[^>]*>/i.test(part)) {
      out += defuse(decode(part));
      continue;
    }
    const entity = mentions.find((m) => m.text === part);
    const name = decode(part.replace(/<\/?at[^>]*>/gi, '')).trim();
    if (!entity?.mentioned?.id) {
      out += defuse(name);
      continue;
    }
    if (entity.mentioned.id === botId) continue;
    const id = entity.mentioned.aadObjectId ?? known.aadOf(tenant, entity.mentioned.id) ?? entity.mentioned.id;
    out += `<@${id}|${name.replace(/[|<>]/g, '')}>`;
  }
  return out.replace(/[ \t]+/g, ' ').trim();
}

function decode(s: string): string {
  return s.replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
}

/** Typed `<@…>` is text, not a mention: only Teams' own mention entities name people. */
function defuse(s: string): string {
  return s.replace(/<@/g, '<\u200b@');
}

/** The user's IANA time zone from the clientInfo entity, if Teams sent a valid one. */
export function timeZoneOf(activity: Partial<Activity>): string | null {
  const info = (activity.entities ?? []).find((e) => e.type === 'clientInfo') as { timezone?: string; localTimezone?: string } | undefined;
  const zone = info?.timezone ?? info?.localTimezone;
  if (!zone) return null;
  let valid = zones.get(zone);
  if (valid === undefined) {
    // Checking a zone builds an Intl formatter, which is slow; there are only a few hundred zones.
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    if (zones.size < 2000) zones.set(zone, valid);
  }
  return valid ? zone : null;
}

const zones = new Map<string, boolean>();
