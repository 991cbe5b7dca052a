import type { Inbound, MentionedPerson, SavedMessage } from '../../src/bot.js';
import { isDirectMessage, isUserId } from './ids.js';

/** What `users.info` tells us about a person (cached by `profiles.ts`). */
export interface SlackProfile {
  displayName: string | null;
  locale: string | null;
  tz: string | null;
}

/** Who, where and what, pulled out of a slash command, a button press or a modal submission. */
export interface SlackRequest {
  teamId: string;
  teamName?: string | null;
  userId: string;
  userName?: string | null;
  channelId?: string | null;
  channelName?: string | null;
  text: string;
  /** The message a "Save to PLC library" shortcut was used on, as Slack sent it (see `Inbound.saved`). */
  saved?: SavedMessage;
}

/** A field Slack sends as text, or null when it is missing or of another type (a signed body not of Slack's making). */
export function textField(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** A response_url to answer through: an http(s) URL, else null (the answer then goes where a button's would). */
export function responseUrlOf(v: unknown): string | null {
  const url = typeof v === 'string' ? URL.parse(v) : null;
  return url && (url.protocol === 'https:' || url.protocol === 'http:') ? (v as string) : null;
}

/**
 * Who typed a slash command, where, and what: null when the team or the person is missing or not text,
 * which Slack never sends; a missing text is a bare `/plc`.
 */
export function fromSlashCommand(c: Record<string, unknown>): SlackRequest | null {
  const teamId = textField(c.team_id);
  const userId = textField(c.user_id);
  const text = c.text === undefined ? '' : textField(c.text);
  if (!teamId || !userId || text === null) return null;
  return {
    teamId,
    teamName: textField(c.team_domain),
    userId,
    userName: textField(c.user_name),
    channelId: textField(c.channel_id),
    channelName: textField(c.channel_name),
    text,
  };
}

/**
 * Builds the core's Inbound from a Slack request, the person's cached profile and what Slack said about the
 * people the text mentions (see `mentions.ts`).
 */
export function toInbound(r: SlackRequest, profile: SlackProfile | null, mentions: MentionedPerson[] = []): Inbound {
  const dm = isDirectMessage(r.channelId, r.channelName);
  return {
    workspace: { platform: 'slack', externalId: r.teamId, name: r.teamName ?? null },
    user: {
      externalId: r.userId,
      displayName: profile?.displayName || r.userName || null,
      platformLocale: profile?.locale ?? null,
      tz: profile?.tz ?? null,
    },
    place: dm ? { channel: null, channelName: null } : { channel: r.channelId ?? null, channelName: r.channelName ?? null },
    text: fromSlackText(r.text),
    prefix: '/plc',
    mentions,
    ...(r.saved ? { saved: r.saved } : {}),
  };
}

/**
 * Turns the text Slack sends (with `should_escape: true`) into the command language: people
 * (`<@U1|ana>`) and channels (`<#C1|math>`) stay as they are, links become their URL, broadcast
 * and group mentions become plain words, and `&amp;`, `&lt;`, `&gt;` become the characters typed.
 * Only Slack's own control sequences are mentions: entities are unescaped after those are taken out, and
 * what a person typed as `<@U2|FIRED>` (Slack sends `&lt;@U2|FIRED&gt;`) stays text that reads as no mention.
 */
export function fromSlackText(raw: string): string {
  // Most commands are plain words: nothing to unwrap or unescape, and they arrive with every request.
  if (!raw.includes('<') && !raw.includes('&')) return raw;
  return raw
    .split(/(<[^<>]*>)/)
    .map((part, i) => (i % 2 === 1 ? controlSequence(part.slice(1, -1)) : literal(part)))
    .join('');
}

/** The user ids of the people Slack itself mentioned in the raw text (its `<@U…>` control sequences), once each. */
export function mentionedIn(raw: string): string[] {
  if (!raw.includes('<@')) return [];
  const ids = new Set<string>();
  for (const m of raw.matchAll(/<@([^|<>\s]+)(?:\|[^<>]*)?>/g)) if (isUserId(m[1] as string)) ids.add(m[1] as string);
  return [...ids];
}

function controlSequence(inner: string): string {
  if (inner.startsWith('@') || inner.startsWith('#')) return `<${inner}>`;
  const [target = '', label] = splitLabel(inner);
  if (target.startsWith('!subteam^')) return literal(label ?? '@group');
  if (target.startsWith('!date^')) return literal(label ?? '');
  if (target.startsWith('!')) return `@${target.slice(1)}`;
  if (target.startsWith('mailto:')) return literal(target.slice('mailto:'.length));
  return literal(target);
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf('|');
  return bar < 0 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
}

/** Text as typed: entities unescaped, with a zero-width space after a typed `<` before `@` or `#`, so it is never read as a mention or a channel. */
function literal(s: string): string {
  return unescapeEntities(s).replace(/<([@#])/g, '<\u200b$1');
}

function unescapeEntities(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Fills a form's command template (`agenda add -- {text}`) with the submitted values. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{([A-Za-z0-9_-]+)\}/g, (_, name: string) => (values[name] ?? '').trim());
}

type InputState = { value?: unknown; selected_option?: { value?: unknown } | null } | null | undefined;

/**
 * The values of a submitted modal, by field name (block and action ids are both the field's name). A value
 * that is not text counts as empty: the state is read as Slack sends it, whatever a forged one holds.
 */
export function formValues(state: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (!state || typeof state !== 'object') return values;
  for (const [block, actions] of Object.entries(state as Record<string, unknown>)) {
    if (!actions || typeof actions !== 'object') continue;
    const byId = actions as Record<string, InputState>;
    const input = byId[block] ?? Object.values(byId)[0];
    const value = input?.selected_option?.value ?? input?.value;
    values[block] = typeof value === 'string' ? value : '';
  }
  return values;
}
