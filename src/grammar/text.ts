import { UserError } from '../errors.js';

/** The longest free text a command takes. */
export const MAX_TEXT = 4000;

const OPENERS = new Set(['\u202A', '\u202B', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068']);
const EMBEDDING_OPENERS = new Set(['\u202A', '\u202B', '\u202D', '\u202E']);

/**
 * Cleans free text as typed: keeps newlines and tabs, removes other control characters and
 * bidirectional controls that are not closed (or close nothing), which could reorder what follows.
 */
export function cleanText(raw: string): string {
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

/**
 * A command line without directional isolates (U+2066 LRI, U+2067 RLI, U+2068 FSI, U+2069 PDI). Right-to-left
 * messages wrap every command, date and `#n` in them (src/views/bidi.ts), so a command copied from an Arabic
 * answer arrives wrapped; isolates change only how text is laid out, never what it says, so they are dropped
 * before anything is parsed, free text included.
 */
export function withoutIsolates(line: string): string {
  return ISOLATES.test(line) ? line.replace(ISOLATES_ALL, '') : line;
}

const ISOLATES = /[\u2066-\u2069]/;
const ISOLATES_ALL = /[\u2066-\u2069]/g;

/** Cleans and checks free text that a command requires. */
export function requireText(raw: string, max = MAX_TEXT): string {
  const text = cleanText(raw);
  if (!text) throw new UserError('error.textRequired');
  const length = Array.from(text).length;
  if (length > max) throw new UserError('error.textTooLong', { length, max });
  return text;
}
