import type { Translator } from '../../i18n/translate.js';
import { localDate } from '../../local-date.js';
import { formatDate } from '../../views/dates.js';
import type { Text } from '../../views/view.js';
import type { Resource } from './store/library.js';

/** An item number as shown everywhere: `#12`. */
export const refLabel = (ref: number): string => `#${ref}`;

/** The longest stretch of a resource's text a list shows; the rest is a search or a `resources #tag` away. */
const LINE_TEXT = 200;

/** Text cut to `max` characters at a word, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (Array.from(flat).length <= max) return flat;
  const cut = Array.from(flat).slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut} …`;
}

/** A day as the community reads it. */
export const dayOf = (ms: number, tz: string, i18n: Translator): string => formatDate(localDate(ms, tz), i18n.locale);

/** Who to credit: a person's name, or "a former member" once they are forgotten. */
const nameOr = (name: string | null, i18n: Translator) => name ?? i18n.t('knowledge.formerMember');

/** One resource in a list: its number, its text (the link is part of it), who shared it and when, pinned or not. */
export function resourceLine(r: Resource, i18n: Translator, tz: string): Text {
  const date = dayOf(r.sharedAt, tz, i18n);
  const credit = r.savedFromMessage
    ? i18n.t('knowledge.resource.savedBy', { name: nameOr(r.sharerName, i18n), author: nameOr(r.authorName, i18n), date })
    : i18n.t('knowledge.resource.sharedBy', { name: nameOr(r.sharerName, i18n), date });
  const key = r.pinnedAt !== null ? 'knowledge.resource.pinnedLine' : 'knowledge.resource.line';
  return i18n.t(key, { ref: refLabel(r.ref), text: shorten(r.text, LINE_TEXT), credit });
}
