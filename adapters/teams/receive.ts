import type { Activity } from 'botbuilder';
import type { Inbound, MentionedPerson } from '../../src/bot.js';
import { isKnownZone } from '../../src/local-date.js';
import { baseConversationId, kindOf, personId, tenantOf } from './ids.js';

/** A Teams mention entity, as Teams sends it beside `<at>Name</at>` in the text. */
interface MentionEntity {
  type: 'mention';
  text?: string;
  mentioned?: { id?: string; name?: string; aadObjectId?: string };
}

const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Turns a Teams message (typed, or a card action's command) into the core's command. */
export function toInbound(activity: Partial<Activity>, text: string, mentions: MentionedPerson[] = []): Inbound | null {
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
            // Typed text in a channel or group chat is a post everyone there reads; a card's submission is not.
            seenByOthers: activity.type === 'message' && activity.value == null,
          },
    text,
    prefix: 'plc',
    mentions,
  };
}

/**
 * The people a typed message mentions: the Teams ids of its `<at>…</at>` tags that Teams backed with a
 * mention entity, the bot's own left out. A tag typed or pasted as text has no entity and names no one.
 */
export function mentionedIn(activity: Partial<Activity>): string[] {
  const botId = activity.recipient?.id;
  const ids = new Set<string>();
  for (const part of mentionTags(activity.text ?? '')) {
    const id = entityOf(activity, part)?.mentioned?.id;
    if (id && id !== botId) ids.add(id);
  }
  return [...ids];
}

/**
 * The command in a typed message: the bot's own mention removed, people's mentions as the core's
 * `<@id|name>` (the id the core knows them by, from `idOf`; the name as it stood in the tag, which the core
 * only ever quotes), HTML entities decoded, and anything that looks like a core mention in the typed text defused.
 */
export function commandText(activity: Partial<Activity>, idOf: (teamsId: string) => string): string {
  const botId = activity.recipient?.id;
  let out = '';
  for (const part of splitMentions(activity.text ?? '')) {
    if (!/^<at[^>]*>/i.test(part)) {
      out += defuse(decode(part));
      continue;
    }
    const id = entityOf(activity, part)?.mentioned?.id;
    const name = decode(part.replace(/<\/?at[^>]*>/gi, '')).trim();
    if (!id) {
      out += defuse(name);
      continue;
    }
    if (id === botId) continue;
    out += `<@${idOf(id)}|${name.replace(/[|<>]/g, '')}>`;
  }
  return out.replace(/[ \t]+/g, ' ').trim();
}

/** The text split on its mention tags, so typed text and the mentions Teams resolved never mix. */
function splitMentions(text: string): string[] {
  return text.split(/(<at[^>]*>.*?<\/at>)/gis);
}

function mentionTags(text: string): string[] {
  return splitMentions(text).filter((part) => /^<at[^>]*>/i.test(part));
}

/** The mention entity Teams sent for a tag, matched on its exact text. */
function entityOf(activity: Partial<Activity>, tag: string): MentionEntity | undefined {
  return ((activity.entities ?? []) as unknown as MentionEntity[]).find((e) => e.type === 'mention' && e.text === tag);
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
  return zone && isKnownZone(zone) ? zone : null;
}
