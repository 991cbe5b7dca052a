import type { Span, Text } from '../../src/views/view.js';
import { isUserId } from './ids.js';

/** Block Kit's limit for the text of one section. */
export const SECTION_LIMIT = 3000;

/**
 * Escapes text for mrkdwn: `&`, `<` and `>` are the only characters Slack gives meaning to in control
 * sequences, so escaping them makes `<!channel>` or a forged `<https://…|link>` inert text.
 */
export function escapeMrkdwn(s: string): string {
  // Most text has nothing to escape; checking first spares three string copies on every answer.
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const NEEDS_ESCAPE = /[&<>]/;

/**
 * Invisible, and not a space: Slack opens `*bold*`, `_italic_`, `~strike~` and `` `code` `` only where the mark
 * stands between a word boundary and a word. With one on each side of a mark, the mark is neither, whichever way
 * Slack classes the character, so it shows as typed. Input drops them again (src/grammar/text.ts).
 */
const ZWSP = '\u200b';
const MARKS = /[*_~`]/g;
/** A line Slack would show as a quote: `>` arrives escaped, and Slack quotes `&gt;` at a line start. */
const QUOTE_START = /^([ \t]*)(?=&gt;)/gm;
/** Links stay whole: Slack finds them before any formatting, and a mark inside one is part of the address. */
const URL = /https?:\/\/[^\s<>]+/g;
const NEEDS_LITERAL = /[*_~`]|(^|\n)[ \t]*&gt;/;

/**
 * Text a person wrote (or any text that is not markup), escaped so Slack shows it literally: `<!here>` and
 * `<@U1>` stay inert (`escapeMrkdwn`), and `*bold*`, `_x_`, `~x~`, `` `x` `` and a leading `>` are shown as typed.
 */
export function literalMrkdwn(s: string): string {
  const escaped = escapeMrkdwn(s);
  if (!NEEDS_LITERAL.test(escaped)) return escaped;
  let out = '';
  let at = 0;
  for (const link of escaped.matchAll(URL)) {
    out += neutralise(escaped.slice(at, link.index)) + link[0];
    at = link.index + link[0].length;
  }
  return (out + neutralise(escaped.slice(at))).replace(QUOTE_START, `$1${ZWSP}`);
}

const neutralise = (s: string) => s.replace(MARKS, `${ZWSP}$&${ZWSP}`);

/** Renders inline text as mrkdwn: plain text shown literally, mentions as real `<@U…>`, commands as code. */
export function toMrkdwn(text: Text, prefix = '/plc'): string {
  if (typeof text === 'string') return literalMrkdwn(text);
  return literalLineStarts(text.map((span) => spanMrkdwn(span, prefix)).join(''));
}

/**
 * A quote start made by two spans meeting (a mention's name, then `>`) is guarded on the joined text. An isolated
 * command (right-to-left views, src/views/bidi.ts) keeps its isolates inside its code span: Slack opens a code
 * span only at a backtick with a boundary before it, which an isolate right before it might not count as.
 */
const literalLineStarts = (s: string) => s.replace(QUOTE_START, `$1${ZWSP}`).replace(ISOLATED_CODE, '`\u2066$1\u2069`');
const ISOLATED_CODE = /\u2066`([^`]*)`\u2069/g;

function spanMrkdwn(span: Span, prefix: string): string {
  if (typeof span === 'string') return literalMrkdwn(span);
  if ('mention' in span) return isUserId(span.mention.user) ? `<@${span.mention.user}>` : literalMrkdwn(`@${span.mention.name}`);
  // A backtick inside a command would end the code span early; Slack has no escape for it.
  return `\`${escapeMrkdwn(`${prefix} ${span.command}`.replace(/`/g, "'"))}\``;
}

/**
 * Splits mrkdwn into pieces of at most `limit` characters, preferring line breaks, then spaces,
 * and never cutting inside an entity (`&amp;`) or a control sequence (`<@U123>`).
 */
export function splitMrkdwn(s: string, limit = SECTION_LIMIT): string[] {
  const pieces: string[] = [];
  let rest = s;
  while (rest.length > limit) {
    let cut = safeCut(rest, limit);
    const window = rest.slice(0, cut);
    const newline = window.lastIndexOf('\n');
    const space = window.lastIndexOf(' ');
    if (newline > limit / 2) cut = newline + 1;
    else if (space > limit / 2) cut = space + 1;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut);
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** The largest cut at or below `limit` that does not fall inside `&…;` or `<…>`. */
function safeCut(s: string, limit: number): number {
  let cut = limit;
  const head = s.slice(0, cut);
  const amp = head.lastIndexOf('&');
  if (amp >= 0 && !head.slice(amp).includes(';') && cut - amp <= 6) cut = amp;
  const open = s.slice(0, cut).lastIndexOf('<');
  if (open >= 0 && !s.slice(open, cut).includes('>') && open > 0) cut = open;
  // A surrogate pair must not be torn apart either.
  const code = s.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return cut;
}

/** Plain text for Block Kit `plain_text` fields (headers, buttons, modal labels), cut to `max` characters. */
export function plainLimit(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}
