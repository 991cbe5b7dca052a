import { UserError } from '../../../errors.js';
import { displayName, nameKey } from '../../../grammar/names.js';

/** The longest link the library keeps: longer ones are tracking noise or pasted data, not an address. */
export const MAX_URL = 2000;
/** The longest tag. */
export const MAX_TAG = 50;

/** Schemes that run or read something rather than name a page: refused wherever they stand in the text. */
const DANGEROUS = /^(?:javascript|vbscript|file|data):/i;
/** Something written as an address with a scheme: `ftp://…`, `https://…`. */
const WITH_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const WEB = /^https?:/i;

/**
 * A tag: `#` at the start of a word, then letters in any script, digits, `_` or `-`, with at least one letter
 * (so `#12` stays an item number). Slack's channel links (`<#C123|math>`) do not start a word with `#`.
 */
const TAG = /(?<=^|\s)#([\p{L}\p{M}\p{N}_-]+)/gu;
const LETTER = /\p{L}/u;

export interface ShareTag {
  key: string;
  tag: string;
}

/** What `share` keeps: the first web address (if any), the text as written, and its tags. */
export interface Shared {
  url: string | null;
  text: string;
  tags: ShareTag[];
}

/** The words of a text, with the angle brackets chat apps put around links taken off. */
const words = (text: string) => text.split(/\s+/u).map((w) => w.replace(/^<|>$/g, ''));

/**
 * Reads a resource: refuses a `javascript:`, `vbscript:`, `file:` or `data:` address anywhere in it, an address
 * with another scheme than http or https, one that is no address, one over MAX_URL characters, and a tag over
 * MAX_TAG characters. The bot never opens the address.
 */
export function readShared(text: string): Shared {
  let url: string | null = null;
  for (const word of words(text)) {
    if (DANGEROUS.test(word)) throw new UserError('knowledge.error.badScheme', { scheme: (word.split(':')[0] as string).slice(0, 20) });
    if (WITH_SCHEME.test(word) && !WEB.test(word))
      throw new UserError('knowledge.error.badScheme', { scheme: (word.split(':')[0] as string).slice(0, 20) });
    if (!WEB.test(word)) continue;
    if (word.length > MAX_URL) throw new UserError('knowledge.error.urlTooLong', { length: word.length, max: MAX_URL });
    if (!URL.canParse(word) || !new URL(word).hostname) throw new UserError('knowledge.error.badUrl', { value: word.slice(0, 80) });
    url ??= word;
  }
  return { url, text, tags: tagsOf(text) };
}

/** The tags of a text, once each (compared as names are: `#Mathe` and `#MATHE` are one). */
export function tagsOf(text: string): ShareTag[] {
  const found = new Map<string, string>();
  for (const m of text.matchAll(TAG)) {
    const tag = displayName(m[1] as string);
    if (!LETTER.test(tag)) continue;
    if (Array.from(tag).length > MAX_TAG) throw new UserError('knowledge.error.tagTooLong', { max: MAX_TAG });
    const key = nameKey(tag);
    if (!found.has(key)) found.set(key, tag);
  }
  return [...found].map(([key, tag]) => ({ key, tag }));
}

/** The key a tag typed as a filter (`#Math`) is looked up by, or null when it is no tag. */
export function tagFilter(word: string): string | null {
  const tags = word.startsWith('#') && !/\s/u.test(word) ? tagsOf(word) : [];
  return tags.length === 1 ? (tags[0] as ShareTag).key : null;
}
