import type { Text } from '../../src/views/view.js';

/** A mention as Teams wants it beside the card: the `<at>` text and whom it names. */
export interface Mention {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

/**
 * Invisible, and not whitespace to a markdown or HTML parser: placed after a `<` it stops the client reading a tag
 * (`<name>` would be eaten as HTML), placed before a line's first character it stops a list or heading start.
 * A backslash escape would do the latter, but Teams mobile shows backslashes literally.
 */
const ZWSP = '\u200b';

/** Characters that Teams' card markdown takes for emphasis, code or links; escaped inline, never at a line start. */
const INLINE = /[\\`*_~[\]]/g;
/** `<` before what an HTML tokenizer reads as a tag, a closing tag, a comment or a declaration. */
const TAG_OPEN = /<(?=[A-Za-z/!?])/g;
/** A line that markdown would read as a list item, a quote or a heading. */
const BLOCK_START = /^([ \t]*)(?=[-+*>#]|\d+[.)])/gm;

/** Whether a string holds anything the escapes change; most text does not, and this is the hot path. */
const NEEDS_ESCAPE = /[\\`*_~[\]<]|(^|\n)[ \t]*([-+>#]|\d+[.)])/;

/** Whether a span holds a character the inline escapes change: most spans of a card hold none. */
const INLINE_NEEDED = /[\\`*_~[\]<]/;

/** Escapes one span of plain text for use inside a line: emphasis, links and tags become literal. */
function escapeInline(s: string): string {
  if (!INLINE_NEEDED.test(s)) return s;
  return s.replace(INLINE, '\\$&').replace(TAG_OPEN, `<${ZWSP}`);
}

/** Keeps every line of `s` from starting a list, quote or heading, without a backslash before the text. */
function neutraliseLineStarts(s: string): string {
  return s.replace(BLOCK_START, `$1${ZWSP}`);
}

/**
 * Escapes plain text for a Teams TextBlock: emphasis, links, tags (placeholders such as `<name>` stay visible)
 * and line starts become literal, and an `<at>` tag typed by a user can never match a mention entity.
 * `afterPrefix` says the text follows something on its line (a bullet), so its first line needs no guard.
 */
export function escapeMarkdown(s: string, afterPrefix = false): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return lineStarts(escapeInline(s), afterPrefix);
}

function lineStarts(s: string, afterPrefix: boolean): string {
  if (!afterPrefix) return neutraliseLineStarts(s);
  const nl = s.indexOf('\n');
  return nl < 0 ? s : s.slice(0, nl) + neutraliseLineStarts(s.slice(nl));
}

/**
 * Inline text as card markdown: plain text escaped, mentions as `<at>` with an entity, commands as typed.
 * Line starts are guarded on the whole text, so a span that begins mid-line (`#4` after a word) is left alone.
 */
export function markdown(t: Text, mentions: Map<string, Mention>, afterPrefix = false): string {
  if (typeof t === 'string') return escapeMarkdown(t, afterPrefix);
  const joined = t
    .map((span) => {
      if (typeof span === 'string') return escapeInline(span);
      if ('mention' in span) {
        const name = span.mention.name.replace(/[<>]/g, '');
        const text = `<at>${name}</at>`;
        mentions.set(text, { type: 'mention', text, mentioned: { id: span.mention.user, name } });
        return text;
      }
      return escapeInline(`plc ${span.command}`);
    })
    .join('');
  return lineStarts(joined, afterPrefix);
}
