import { UserError } from '../errors.js';

/**
 * The name a form gives the field that holds a command's free text, and that a mistake in the free text names
 * (`UserError`'s `field`): only a form's last placeholder may hold free text, so adapters fall back to the last field.
 */
export const FREE_TEXT = 'text';

/** The longest free text a command takes. */
export const MAX_TEXT = 4000;

const OPENERS = new Set(['\u202A', '\u202B', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068']);
const EMBEDDING_OPENERS = new Set(['\u202A', '\u202B', '\u202D', '\u202E']);

/**
 * Cleans free text as typed: keeps newlines and tabs, removes other control characters and
 * bidirectional controls that are not closed (or close nothing), which could reorder what follows.
 */
export function cleanText(raw: string): string {
  // Most text holds none of what is removed below: then cleaning only trims it (every command's text passes here).
  if (!REMOVABLE.test(raw)) return raw.trim();
  const chars = Array.from(raw.replace(/\r\n?/g, '\n'));
  const keep = new Array<boolean>(chars.length).fill(true);
  const stack: number[] = [];
  chars.forEach((ch, i) => {
    const code = ch.codePointAt(0) as number;
    if ((code < 0x20 && ch !== '\n' && ch !== '\t') || (code >= 0x7f && code <= 0x9f)) keep[i] = false;
    else if (OPENERS.has(ch)) stack.push(i);
    else if (ch === '\u202C' || ch === '\u2069') {
      // PDF closes an embedding or override, PDI closes an isolate.
      const wanted = ch === '\u202C' ? EMBEDDING_OPENERS : new Set(['\u2066', '\u2067', '\u2068']);
      const top = stack[stack.length - 1];
      if (top !== undefined && wanted.has(chars[top] as string)) stack.pop();
      else keep[i] = false;
    } else if (ch === '\n') {
      // A paragraph break ends every embedding and isolate: whatever is still open was unpaired.
      for (const j of stack.splice(0)) keep[j] = false;
    }
  });
  for (const j of stack) keep[j] = false;
  return chars
    .filter((_, i) => keep[i])
    .join('')
    .trim();
}

/** What cleanText may change besides trimming: CR, C0 and C1 controls other than newline and tab, and bidi controls. */
const REMOVABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * A command line without the invisible marks renderers add to what they show, so a command copied from a message
 * runs as shown: directional isolates (U+2066 LRI … U+2069 PDI), which right-to-left messages put around every
 * command, date and `#n` (src/views/bidi.ts), and the zero-width spaces that keep a formatting mark (`*`, `_`,
 * `~`, `` ` ``) or a line start literal on Slack and Teams. Both change only how text is laid out,
 * never what it says, so they are dropped before anything is parsed, free text included. A zero-width space
 * elsewhere (inside a word) is the person's own, and stays for the free-text rules.
 */
export function withoutDisplayMarks(line: string): string {
  return DISPLAY_MARK.test(line) ? line.replace(DISPLAY_MARKS, '') : line;
}

// Not the one after `<`: adapters put it there to keep a typed `<@U1>` from reading as a mention.
const DISPLAY_MARK = /[\u2066-\u2069]|\u200b(?=[*_~`])|(?<=[*_~`]|^|\n)\u200b/;
const DISPLAY_MARKS = new RegExp(DISPLAY_MARK.source, 'g');

/** Cleans and checks free text that a command requires. */
export function requireText(raw: string, max = MAX_TEXT): string {
  const text = cleanText(raw);
  if (!text) throw new UserError('error.textRequired', {}, { field: FREE_TEXT });
  const length = Array.from(text).length;
  if (length > max) throw new UserError('error.textTooLong', { length, max }, { field: FREE_TEXT });
  return text;
}
