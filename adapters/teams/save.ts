import type { TurnContext } from 'botbuilder';
import { convert } from 'html-to-text';
import type { SavedMessage } from '../../src/bot.js';
import { deliver } from '../../src/delivery.js';
import { matchLocale } from '../../src/i18n/locales.js';
import { renderPlain } from '../../src/views/plain.js';
import type { View } from '../../src/views/view.js';
import { teamsT as t } from './messages.js';
import { toInbound } from './receive.js';
import type { TurnDeps } from './turn.js';

/** The message action's command id, as the manifest declares it under `composeExtensions`. */
export const SAVE_COMMAND = 'saveToLibrary';

/** What Teams sends about the message a message action was used on. */
interface MessagePayload {
  body?: { contentType?: unknown; content?: unknown };
  from?: { user?: { id?: unknown; displayName?: unknown } | null } | null;
}

/**
 * The message's text: Teams sends its body as HTML, which html-to-text reads as a browser would lay it out
 * (paragraphs, lists, links with their address), without wrapping lines; images and mentions' markup go.
 */
export function messageText(payload: MessagePayload): string {
  const content = typeof payload.body?.content === 'string' ? payload.body.content : '';
  if (payload.body?.contentType !== 'html') return content;
  return convert(content, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, ignoreHref: false } },
      { selector: 'img', format: 'skip' },
    ],
  }).trim();
}

/** The message as the core keeps it, its author as Teams names them (their Entra object id). */
export function savedMessage(payload: MessagePayload): SavedMessage {
  const user = payload.from?.user;
  const id = typeof user?.id === 'string' && user.id ? user.id : null;
  const name = typeof user?.displayName === 'string' ? user.displayName : null;
  return { text: messageText(payload), author: id ? { externalId: id, profile: { externalId: id, displayName: name } } : null };
}

/**
 * "Save to PLC library" on a message (a message extension of type action): the core keeps the message in the
 * library of the community whose channel it is in and refuses any other conversation. Its answer comes back as
 * the text of a small dialog (a task module of type message), which is how Teams shows the result of an action.
 */
export async function onSaveMessage(ctx: TurnContext, deps: TurnDeps): Promise<string> {
  const locale = matchLocale(ctx.activity.locale) ?? 'en';
  const payload = (ctx.activity.value as { messagePayload?: MessagePayload } | undefined)?.messagePayload;
  if (!payload) return t(locale, 'teams.done');
  const inbound = toInbound(ctx.activity, 'save');
  if (!inbound) return t(locale, 'teams.done');
  const handled = deps.app.bot.handle({ ...inbound, saved: savedMessage(payload) });
  const answers: View[] = [];
  await deliver(handled.deliveries, handled.workspace, deps.messenger, async (v) => void answers.push(v), deps.app.log, handled.now);
  return answers.map((v) => renderPlain(v, 'plc')).join('\n') || t(locale, 'teams.done');
}
